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

    /**
     * The grandchild holds the output pipes: killing only bash left the call waiting for it (6 s). The
     * bound below is the correctness of the timeout, far from both 300 ms and the 6 s of the old wait.
     */
    @Test
    void aTimeoutEndsTheWholeProcessTree() {
        long started = System.nanoTime();
        CommandResult result = runner.run(List.of("/bin/bash", "-c", "sleep 6 & echo $!; wait; true"),
                Duration.ofMillis(300));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(result.timedOut()).isTrue();
        assertThat(took).isLessThan(Duration.ofMillis(4500));
        long grandchild = Long.parseLong(result.stdout().lines().findFirst().orElseThrow().strip());
        // killed at once, but gone from the process table only when reaped: allow that a moment
        org.awaitility.Awaitility.await("sleep " + grandchild + " ended").atMost(Duration.ofSeconds(3))
                .until(() -> ProcessHandle.of(grandchild).filter(ProcessHandle::isAlive).isEmpty());
    }

    @Test
    void aTimeoutEndsAForkingProgram() {
        long started = System.nanoTime();
        CommandResult result = runner.run(List.of("/bin/bash", "-c", "sleep 6; true"), Duration.ofMillis(300));
        assertThat(result.timedOut()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(4500));
    }

    @Test
    void aStreamedCommandIsEndedWithItsChildren() {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (RunningCommand command = runner.start(List.of("/bin/bash", "-c", "sleep 6 & echo $!; wait; true"),
                Duration.ofMillis(300), lines::add)) {
            assertThat(command.waitFor()).isEqualTo(-1);
        }
        long grandchild = Long.parseLong(lines.get(0).strip());
        assertThat(ProcessHandle.of(grandchild).filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void inputThatIsNeverReadCannotHoldTheCallPastItsTimeout() {
        long started = System.nanoTime();
        CommandResult result = runner.run(List.of("/bin/sleep", "6"), Duration.ofMillis(300), new byte[1024 * 1024]);
        assertThat(result.timedOut()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(4500));
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
