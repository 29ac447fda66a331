package io.miniman.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

class CommandRunnerTest {

    private final CommandRunner runner = new CommandRunner();

    @Test
    void argumentsAreNeverInterpretedByAShell() {
        CommandResult result = runner.run(List.of("/bin/echo", "$(id)", ";", "reboot"), Duration.ofSeconds(5));
        assertThat(result.ok()).isTrue();
        assertThat(result.stdout()).isEqualTo("$(id) ; reboot\n");
    }

    @Test
    void feedsStandardInputAndKeepsTheExitCode() {
        CommandResult result = runner.run(List.of("/bin/sh", "-c", "cat; echo oops >&2; exit 3"), Duration.ofSeconds(5),
                "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("hello");
        assertThat(result.failureText()).isEqualTo("oops");
    }

    @Test
    void aHungProgramIsKilledAtTheTimeout() {
        CommandResult result = runner.run(List.of("/bin/sleep", "30"), Duration.ofMillis(300));
        assertThat(result.timedOut()).isTrue();
        assertThat(result.ok()).isFalse();
    }

    @Test
    void outputIsCapped() {
        CommandResult result = runner.run(List.of("/usr/bin/head", "-c", "1000000", "/dev/zero"), Duration.ofSeconds(10));
        assertThat(result.stdout().length()).isLessThanOrEqualTo(CommandRunner.OUTPUT_CAP + CommandRunner.CUT_MARKER.length());
        assertThat(result.stdout()).endsWith(CommandRunner.CUT_MARKER);
    }

    @Test
    void streamsLinesWhileTheProgramRuns() {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (RunningCommand command = runner.start(List.of("/bin/sh", "-c", "echo one; echo two >&2; exit 4"),
                Duration.ofSeconds(5), lines::add)) {
            assertThat(command.waitFor()).isEqualTo(4);
        }
        assertThat(lines).containsExactlyInAnyOrder("one", "two");
    }
}
