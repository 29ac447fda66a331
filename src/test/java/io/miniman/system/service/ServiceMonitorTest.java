package io.miniman.system.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import io.miniman.Subscription;
import io.miniman.docker.Await;
import io.miniman.host.CommandRunner;
import io.miniman.testsupport.MovableClock;

/**
 * The poller over a stand-in systemctl (a script that prints the box's recorded answer, edited by the
 * test, and counts its calls): one read for all viewers, none without one, and a push when state changes.
 */
class ServiceMonitorTest {

    @TempDir
    Path dir;
    private Path answer;
    private Path calls;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-29T12:00:00Z"));
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private ServiceMonitor monitor;

    @BeforeEach
    void standInSystemctl() throws IOException {
        answer = dir.resolve("answer.txt");
        calls = dir.resolve("calls");
        Files.copy(Path.of("src/test/resources/system/systemctl-show.txt"), answer);
        Path script = dir.resolve("systemctl");
        Files.writeString(script, "#!/bin/sh\necho x >> '" + calls + "'\nexec cat '" + answer + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        ServicesProperties properties = new ServicesProperties(ServicesProperties.HELPER_UNITS, script.toString(), 2000);
        scheduler.initialize();
        monitor = new ServiceMonitor(new UnitStatusReader(new CommandRunner(), properties, clock), scheduler, clock);
    }

    @AfterEach
    void stop() {
        scheduler.shutdown();
    }

    private int calls() throws IOException {
        return Files.exists(calls) ? Files.readAllLines(calls).size() : 0;
    }

    @Test
    void oneReaderForAllViewersAndNoneWithout() throws Exception {
        assertThat(monitor.current().unit("dnsmasq").orElseThrow().mainPid()).isEqualTo(743);
        assertThat(monitor.polling()).isFalse();
        List<ServicesSnapshot> first = new CopyOnWriteArrayList<>();
        List<ServicesSnapshot> second = new CopyOnWriteArrayList<>();
        Subscription a = monitor.subscribe(first::add);
        Subscription b = monitor.subscribe(second::add);
        assertThat(monitor.polling()).isTrue();

        Files.writeString(answer, Files.readString(answer).replace("MainPID=743", "MainPID=744"));
        Await.until(() -> !first.isEmpty(), Duration.ofSeconds(10), "the poller's push of the new PID");
        Await.until(() -> !second.isEmpty(), Duration.ofSeconds(10), "the second viewer's push");
        assertThat(first.get(0)).as("both viewers got the same read").isSameAs(second.get(0));
        assertThat(first.get(0).unit("dnsmasq").orElseThrow().mainPid()).isEqualTo(744);

        a.close();
        assertThat(monitor.polling()).as("a viewer is left").isTrue();
        b.close();
        assertThat(monitor.polling()).isFalse();
        int afterClose = calls();
        Thread.sleep(ServiceMonitor.INTERVAL.toMillis() * 2);
        assertThat(calls()).as("nobody watches: nobody reads").isEqualTo(afterClose);
    }

    @Test
    void aChangeOfStateIsPushedAtOnceFiguresAtMostEveryTenSeconds() throws Exception {
        List<ServicesSnapshot> pushed = new CopyOnWriteArrayList<>();
        Subscription viewer = monitor.subscribe(pushed::add);
        monitor.poll();
        int afterFirst = pushed.size();
        assertThat(afterFirst).isPositive();
        monitor.poll();
        monitor.poll();
        assertThat(pushed).as("nothing changed, the clock stood still").hasSize(afterFirst);

        Files.writeString(answer, Files.readString(answer).replace("ActiveState=active\nSubState=running\n"
                + "UnitFileState=enabled\nStateChangeTimestamp=@1795957807", "ActiveState=failed\nSubState=failed\n"
                + "UnitFileState=enabled\nStateChangeTimestamp=@1795957900"));
        monitor.poll();
        assertThat(pushed.get(pushed.size() - 1).unit("dnsmasq").orElseThrow().activeState()).isEqualTo("failed");
        int afterChange = pushed.size();

        Files.writeString(answer, Files.readString(answer).replaceFirst("MemoryCurrent=\\[not set\\]", "MemoryCurrent=5734400"));
        clock.advance(Duration.ofSeconds(2));
        monitor.poll();
        assertThat(pushed).as("a figure moved two seconds after the last push: it waits").hasSize(afterChange);
        clock.advance(ServiceMonitor.FIGURES_EVERY);
        monitor.poll();
        assertThat(pushed).as("figures refreshed after ten seconds").hasSize(afterChange + 1);
        assertThat(pushed.get(pushed.size() - 1).units().get(0).memoryBytes()).isEqualTo(5734400);
        clock.advance(ServiceMonitor.FIGURES_EVERY);
        monitor.poll();
        assertThat(pushed).as("ten seconds on, but nothing moved").hasSize(afterChange + 1);
        viewer.close();
    }

    @Test
    void systemdThatDoesNotAnswerIsAStateOfItsOwn() throws IOException {
        Path script = dir.resolve("systemctl-down");
        Files.writeString(script, "#!/bin/sh\necho 'System has not been booted with systemd as init system (PID 1). Can'\"'\"'t operate.' >&2\nexit 1\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        ServicesProperties properties = new ServicesProperties(List.of("dnsmasq"), script.toString(), 2000);
        ServicesSnapshot read = new UnitStatusReader(new CommandRunner(), properties, clock).read();
        assertThat(read.units()).isEmpty();
        assertThat(read.problem()).isEqualTo("systemd does not answer: System has not been booted with systemd as init "
                + "system (PID 1). Can't operate.");
    }
}
