package io.miniman.docker.container;

import static io.miniman.docker.DockerTestEngine.name;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.miniman.docker.Await;
import io.miniman.docker.DockerEngine;
import io.miniman.docker.DockerTestEngine;
import io.miniman.Subscription;

@Tag("engine")
class ContainerUsageSamplerTest {

    @AfterAll
    static void cleanUp() {
        DockerTestEngine.cleanUp();
    }

    @Test
    void aBusyContainerShowsCpuAndMemoryAndAnIdleOneShowsLittleCpu() {
        DockerEngine engine = DockerTestEngine.engine();
        ContainerService containers = new ContainerService(engine);
        String image = DockerTestEngine.image();
        String busy = containers.run(RunSpec.of(image, name("busy"), List.of("sh", "-c", "while true; do :; done")));
        String idle = containers.run(RunSpec.of(image, name("idle"), List.of("sleep", "3600")));
        String stopped = containers.run(RunSpec.of(image, name("usage-stopped"), List.of("true")));
        ContainerUsageSampler sampler = new ContainerUsageSampler(engine, containers);
        AtomicReference<Map<String, ContainerUsage>> heard = new AtomicReference<>();

        assertThat(sampler.sample().get(busy).cpuPercent()).isNaN();
        try (Subscription s = sampler.subscribe(heard::set)) {
            Await.until(() -> sampler.sample().get(busy).cpuPercent() > 30, Duration.ofSeconds(30), "the busy loop's CPU");
        }

        assertThat(heard.get()).containsKeys(busy, idle);
        assertThat(sampler.latest().get(busy).memoryBytes()).isPositive();
        assertThat(sampler.latest().get(idle).cpuPercent()).isLessThan(10);
        assertThat(sampler.latest()).doesNotContainKey(stopped);
    }
}
