package io.miniman.docker.container;

import static io.miniman.docker.DockerTestEngine.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.miniman.docker.Await;
import io.miniman.docker.DockerFailure;
import io.miniman.docker.DockerTestEngine;
import io.miniman.Subscription;

@Tag("engine")
class ContainerServiceTest {

    private static final Duration QUICK = Duration.ofSeconds(1);
    private static ContainerService containers;
    private static String image;

    @BeforeAll
    static void engine() {
        containers = new ContainerService(DockerTestEngine.engine());
        image = DockerTestEngine.image();
    }

    @AfterAll
    static void cleanUp() {
        DockerTestEngine.cleanUp();
    }

    private static String sleeper(String what) {
        return containers.run(RunSpec.of(image, name(what), List.of("sleep", "3600")));
    }

    private static ContainerSummary find(String name) {
        return containers.list(new ContainerFilter(Set.of(), name)).stream().filter(c -> c.name().equals(name))
                .findFirst().orElse(null);
    }

    @Test
    void everyLifecycleActionChangesTheStateTheEngineReports() {
        String id = sleeper("life");
        assertThat(find(name("life")).state()).isEqualTo("running");

        containers.pause(id);
        assertThat(find(name("life")).state()).isEqualTo("paused");
        containers.unpause(id);
        assertThat(find(name("life")).state()).isEqualTo("running");

        containers.stop(id, QUICK);
        assertThat(find(name("life")).state()).isEqualTo("exited");
        containers.stop(id, QUICK);
        containers.start(id);
        assertThat(find(name("life")).state()).isEqualTo("running");

        containers.restart(id, QUICK);
        assertThat(containers.details(id).startedAt()).isNotNull();

        containers.rename(id, name("renamed"));
        assertThat(find(name("life"))).isNull();
        assertThat(find(name("renamed")).id()).isEqualTo(id);

        containers.kill(id);
        assertThat(find(name("renamed")).state()).isEqualTo("exited");
        containers.remove(id, false, true);
        assertThat(find(name("renamed"))).isNull();
    }

    @Test
    void filterSelectsByStateAndText() {
        sleeper("filter-up");
        String down = sleeper("filter-down");
        containers.stop(down, QUICK);

        assertThat(containers.list(new ContainerFilter(Set.of("running"), name("filter"))))
                .extracting(ContainerSummary::name).containsExactly(name("filter-up"));
        assertThat(containers.list(new ContainerFilter(Set.of("exited"), name("filter"))))
                .extracting(ContainerSummary::name).containsExactly(name("filter-down"));
        assertThat(containers.list(new ContainerFilter(Set.of(), "no-such-" + name("x")))).isEmpty();
    }

    @Test
    void runSendsEverythingTheSpecSaysAndMasksSecrets() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        RunSpec spec = new RunSpec(image, name("full"), List.of("sleep", "3600"),
                Map.of("GREETING", "hello", "DB_PASSWORD", "hunter2"), List.of(PortMapping.parse("127.0.0.1:" + port + ":80")),
                List.of(new RunSpec.Mount(name("data"), "/data", false)), "", RunSpec.RestartPolicy.UNLESS_STOPPED,
                64L * 1024 * 1024, 0.5, Map.of("owner", "test"));
        String id = containers.run(spec);

        ContainerDetails details = containers.details(id);
        assertThat(details.env()).contains(new ContainerDetails.EnvVar("GREETING", "hello", false),
                new ContainerDetails.EnvVar("DB_PASSWORD", "••••••", true));
        assertThat(details.ports()).containsExactly(new PortMapping("127.0.0.1", port, 80, "tcp"));
        assertThat(details.mounts()).extracting(ContainerDetails.MountInfo::source, ContainerDetails.MountInfo::destination)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(name("data"), "/data"));
        assertThat(details.restartPolicy()).isEqualTo("unless-stopped");
        assertThat(details.labels()).containsEntry("owner", "test");
        assertThat(find(name("full")).ports()).containsExactly(new PortMapping("127.0.0.1", port, 80, "tcp"));

        String json = containers.inspectJson(id);
        assertThat(json).contains("\"Memory\" : 67108864", "GREETING=hello", "DB_PASSWORD=••••••").doesNotContain("hunter2");
    }

    @Test
    void aBadNewNameIsRefusedBeforeTheEngine() {
        // the rest of a spec's input checks are its annotations: DockerSpecValidationTest, no engine needed
        assertThatThrownBy(() -> containers.rename("whatever", "a/b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Name 'a/b' may only hold letters, digits, '_', '.' and '-', and must start with a letter or digit");
    }

    @Test
    void unknownImageIsTheEnginesMessageAndLeavesNoContainer() {
        assertThatThrownBy(() -> containers.run(RunSpec.of("miniman-test/none:404", name("noimage"), List.of())))
                .isInstanceOf(DockerFailure.class).hasMessageContaining("No such image");
        assertThat(find(name("noimage"))).isNull();
    }

    @Test
    void aPortAlreadyTakenFailsTheRunAndRemovesTheCreatedContainer() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            RunSpec spec = new RunSpec(image, name("porttaken"), List.of("sleep", "3600"), null,
                    List.of(new PortMapping("127.0.0.1", taken.getLocalPort(), 80, "tcp")), null, null, null, null, null, null);
            assertThatThrownBy(() -> containers.run(spec)).isInstanceOf(DockerFailure.class)
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()));
        }
        assertThat(find(name("porttaken"))).isNull();
    }

    @Test
    void removingARunningContainerNeedsForce() {
        String id = sleeper("running-remove");
        assertThatThrownBy(() -> containers.remove(id, false, false)).isInstanceOf(DockerFailure.class)
                .hasMessageContaining("running container");
        containers.remove(id, true, true);
        assertThat(find(name("running-remove"))).isNull();
    }

    @Test
    void logsTellStdoutFromStderrAndFollowReceivesNewLines() {
        String id = containers.run(RunSpec.of(image, name("logs"),
                List.of("sh", "-c", "echo first; echo oops >&2; i=0; while true; do i=$((i+1)); echo tick $i; sleep 0.2; done")));
        Await.until(() -> containers.logs(id, LogQuery.tail(100)).size() >= 3, Duration.ofSeconds(10), "the first lines");

        // the engine copies stdout and stderr separately: lines written at the same instant may swap places
        List<LogLine> tail = containers.logs(id, new LogQuery(null, null, true));
        assertThat(tail).anyMatch(l -> l.text().equals("first") && l.source() == LogLine.Source.STDOUT);
        assertThat(tail).anyMatch(l -> l.text().equals("oops") && l.source() == LogLine.Source.STDERR);
        assertThat(tail).allMatch(l -> l.time() != null);
        assertThat(containers.logs(id, new LogQuery(1, null, false))).hasSize(1).allMatch(l -> l.time() == null);
        // the download is the engine's whole log, both streams, not a buffer of ours
        java.io.ByteArrayOutputStream download = new java.io.ByteArrayOutputStream();
        try {
            containers.writeLogs(id, false, download);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(download.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("first\n", "oops\n", "tick 1\n");

        List<LogLine> followed = new CopyOnWriteArrayList<>();
        try (Subscription follow = containers.follow(id, LogQuery.tail(0), followed::add)) {
            Await.until(() -> followed.size() >= 3, Duration.ofSeconds(10), "three followed lines");
        }
        assertThat(followed).allMatch(l -> l.text().startsWith("tick "));
        int seen = followed.size();
        assertThat(Integer.parseInt(followed.get(seen - 1).text().substring(5)))
                .isGreaterThan(Integer.parseInt(followed.get(0).text().substring(5)));
    }

    @Test
    void followersOfOneContainerShareAStreamAndALateOneMissesNoLineAndRepeatsNone() {
        String id = containers.run(RunSpec.of(image, name("shared-logs"),
                List.of("sh", "-c", "i=0; while true; do i=$((i+1)); echo $i; usleep 2000; done")));
        List<LogLine> first = new CopyOnWriteArrayList<>();
        List<LogLine> late = new CopyOnWriteArrayList<>();
        try (Subscription a = containers.follow(id, LogQuery.tail(0), first::add)) {
            Await.until(() -> first.size() >= 50, Duration.ofSeconds(10), "the first follower's lines");
            try (Subscription b = containers.follow(id, new LogQuery(20, null, false), late::add)) {
                assertThat(containers.followStreams()).isEqualTo(1);
                int joinedAt = first.size();
                Await.until(() -> first.size() >= joinedAt + 200, Duration.ofSeconds(10), "lines after the join");
            }
        }
        assertThat(containers.followStreams()).isZero();
        assertThat(late).hasSizeGreaterThan(200).allMatch(l -> l.time() == null);
        List<Integer> numbers = late.stream().map(l -> Integer.parseInt(l.text())).toList();
        for (int i = 1; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).as("line after %d", numbers.get(i - 1)).isEqualTo(numbers.get(i - 1) + 1);
        }
        assertThat(first).allMatch(l -> l.time() != null);
    }

    @Test
    void execReturnsOutputAndExitCode() {
        String id = sleeper("exec");
        ExecResult result = containers.exec(id, List.of("sh", "-c", "echo hello; echo warn >&2; exit 3"), Duration.ofSeconds(10));
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.output()).contains("hello", "warn");
        assertThat(containers.exec(id, List.of("true"), Duration.ofSeconds(10)).exitCode()).isZero();
        ExecResult missing = containers.exec(id, List.of("no-such-program"), Duration.ofSeconds(10));
        assertThat(missing.exitCode()).isIn(126, 127);
        assertThat(missing.output()).contains("no-such-program");
    }

    @Test
    void terminalRoundTripsACommandAndResizes() {
        String id = sleeper("tty");
        StringBuffer screen = new StringBuffer();
        boolean[] ended = {false};
        try (TerminalSession session = containers.terminal(id, List.of("/bin/sh"), 100, 30, screen::append, () -> ended[0] = true)) {
            session.write("echo $((6*7))x\n");
            Await.until(() -> screen.toString().contains("42x"), Duration.ofSeconds(10), "the shell's answer");
            session.resize(120, 40);
            session.write("stty size\n");
            Await.until(() -> screen.toString().contains("40 120"), Duration.ofSeconds(10), "the new terminal size");
            session.write("exit\n");
            Await.until(() -> ended[0], Duration.ofSeconds(10), "the shell to end");
        }
    }

    @Test
    void statsArriveWhileTheContainerRuns() {
        String id = containers.run(new RunSpec(image, name("stats"), List.of("sleep", "3600"), null, null, null, null, null,
                32L * 1024 * 1024, null, null));
        List<StatsSample> samples = new CopyOnWriteArrayList<>();
        try (Subscription stats = containers.stats(id, samples::add)) {
            Await.until(() -> samples.size() >= 2, Duration.ofSeconds(10), "two stats samples");
        }
        StatsSample last = samples.get(samples.size() - 1);
        assertThat(last.memoryLimitBytes()).isEqualTo(32L * 1024 * 1024);
        assertThat(last.memoryBytes()).isPositive();
        assertThat(last.cpuPercent()).isNotNegative();
    }
}
