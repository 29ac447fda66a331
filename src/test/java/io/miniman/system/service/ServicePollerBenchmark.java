package io.miniman.system.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import io.miniman.Subscription;
import io.miniman.host.CommandRunner;

/**
 * The console-side CPU cost of the Services poller, not a test: prints figures. One JVM, the real
 * {@link ServiceMonitor} polling every 2 s for one viewer for a minute, against the minute before with
 * nobody watching (no polls); CPU from /proc/self/stat (utime+stime+cutime+cstime, in clock ticks of
 * 10 ms). The program asked is given as the argument (default: the recorded stand-in, which costs a
 * {@code cat}: systemd's own share is measured on the box, see the report in the branch).
 *
 *   ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *       -Dexec.mainClass=io.miniman.system.service.ServicePollerBenchmark
 */
public final class ServicePollerBenchmark {

    private static final Duration WINDOW = Duration.ofSeconds(60);

    private ServicePollerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String systemctl = args.length > 0 ? args[0] : Path.of("src/test/resources/system/systemctl-recorded").toString();
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.initialize();
        ServicesProperties properties = new ServicesProperties(ServicesProperties.HELPER_UNITS, systemctl, 2000);
        ServiceMonitor monitor = new ServiceMonitor(new UnitStatusReader(new CommandRunner(), properties, Clock.systemUTC()),
                scheduler, Clock.systemUTC());
        // warm-up: class loading and the first compilations are not the steady cost
        for (int i = 0; i < 50; i++) {
            monitor.poll();
        }
        long idleStart = ticks();
        Thread.sleep(WINDOW.toMillis());
        long idle = ticks() - idleStart;

        AtomicInteger pushes = new AtomicInteger();
        long watchedStart = ticks();
        Subscription viewer = monitor.subscribe(snapshot -> pushes.incrementAndGet());
        Thread.sleep(WINDOW.toMillis());
        viewer.close();
        long watched = ticks() - watchedStart;
        scheduler.shutdown();
        System.out.printf(Locale.ROOT, "ServicePollerBenchmark: %d s nobody watching %d ticks, %d s one viewer %d ticks"
                + " (%d pushes): poller %.2f %% of one core%n", WINDOW.toSeconds(), idle, WINDOW.toSeconds(), watched,
                pushes.get(), 100.0 * (watched - idle) / (WINDOW.toMillis() / 10.0));
    }

    /** This process's CPU and that of its reaped children, in clock ticks (USER_HZ, 100 a second on Linux). */
    private static long ticks() throws Exception {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after "pid (comm) ": state is field 3, utime 14, stime 15, cutime 16, cstime 17
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    }
}
