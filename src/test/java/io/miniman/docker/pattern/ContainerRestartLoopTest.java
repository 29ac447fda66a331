package io.miniman.docker.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.miniman.docker.DockerEvent;
import io.miniman.docker.DockerEvents;
import io.miniman.operation.pattern.PatternAnalysis;
import io.miniman.testsupport.MinimanSpringTest;

/** The restart-loop rule on crafted engine events (dated 2004, as the other pattern rules' logs). */
@MinimanSpringTest
class ContainerRestartLoopTest {

    private static final Instant NOW = Instant.parse("2004-03-01T12:00:00Z");
    private static final Instant SINCE = NOW.minus(PatternAnalysis.PERIOD);

    @Autowired
    DockerEvents dockerEvents;

    private static Instant minutesAgo(int minutes) {
        return NOW.minus(Duration.ofMinutes(minutes));
    }

    @Test
    void aContainerDyingThreeTimesInTenMinutesIsARestartLoop() {
        ContainerRestartLoop rule = new ContainerRestartLoop(dockerEvents);
        try {
            for (int i = 0; i < 3; i++) {
                rule.heard(die("c2004", "web-2004", minutesAgo(1 + 3 * i)));
            }
            // dies spread over an hour, and other events of the looping container: no loop
            for (int i = 0; i < 3; i++) {
                rule.heard(die("d2004", "batch-2004", minutesAgo(5 + 20 * i)));
            }
            rule.heard(new DockerEvent("container", "start", "c2004", Map.of("name", "web-2004"), minutesAgo(2)));
            rule.heard(new DockerEvent("image", "die", "c2004", Map.of(), minutesAgo(2)));

            assertThat(rule.find(SINCE, NOW)).singleElement().satisfies(f -> {
                assertThat(f.title()).isEqualTo("Container web-2004 stopped 3 times within 10 minutes");
                assertThat(f.evidence()).hasSize(3).allSatisfy(e -> assertThat(e.text()).contains("exited with code 1"));
            });
        } finally {
            rule.destroy();
        }
    }

    @Test
    void twoDiesAreNoRestartLoop() {
        ContainerRestartLoop rule = new ContainerRestartLoop(dockerEvents);
        try {
            rule.heard(die("c2004", "web-2004", minutesAgo(1)));
            rule.heard(die("c2004", "web-2004", minutesAgo(2)));
            assertThat(rule.find(SINCE, NOW)).isEmpty();
        } finally {
            rule.destroy();
        }
    }

    private static DockerEvent die(String id, String name, Instant at) {
        return new DockerEvent("container", "die", id, Map.of("name", name, "exitCode", "1"), at);
    }

}
