package io.miniman.system.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Service;

import io.miniman.Listeners;
import io.miniman.Subscription;

/**
 * The one poller of the listed units, however many phones watch: it reads every {@link #INTERVAL} while
 * at least one viewer is subscribed and not at all otherwise. A change of state (active, sub-state, PID,
 * enabled) is published at the next read; figures that only moved (memory, CPU) at most every
 * {@link #FIGURES_EVERY}, and nothing when nothing moved, so an idle page is not redrawn every two seconds.
 */
@Service
public class ServiceMonitor {

    static final Duration INTERVAL = Duration.ofSeconds(2);
    static final Duration FIGURES_EVERY = Duration.ofSeconds(10);

    private final UnitStatusReader reader;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final Listeners<ServicesSnapshot> listeners = new Listeners<>("services");
    private ScheduledFuture<?> polling;
    private ServicesSnapshot latest;
    private ServicesSnapshot shown;
    private ServicesSnapshot previousRead;
    private Instant published;

    ServiceMonitor(UnitStatusReader reader, TaskScheduler scheduler, Clock clock) {
        this.reader = reader;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** The latest read, made now when nobody is polling (a page opening, a test). */
    public synchronized ServicesSnapshot current() {
        if (polling == null || latest == null) {
            poll();
        }
        return latest;
    }

    /** Follows the units; the first subscriber starts the poller, the last one to close stops it. */
    public synchronized Subscription subscribe(Consumer<ServicesSnapshot> listener) {
        Subscription subscription = listeners.add(listener);
        if (polling == null) {
            // the scheduler's own clock: the app's may be moved by tests
            polling = scheduler.scheduleWithFixedDelay(this::poll, scheduler.getClock().instant().plus(INTERVAL), INTERVAL);
        }
        return () -> unsubscribe(subscription);
    }

    private synchronized void unsubscribe(Subscription subscription) {
        subscription.close();
        if (listeners.isEmpty() && polling != null) {
            polling.cancel(false);
            polling = null;
        }
    }

    public synchronized boolean polling() {
        return polling != null;
    }

    /** Reads at once and publishes what changed: after an action, so its result shows without waiting. */
    public synchronized void poll() {
        ServicesSnapshot read = withCpuShares(reader.read());
        previousRead = read;
        Instant now = clock.instant();
        latest = read;
        // against what viewers last got: a figure that moved while it waited still counts
        boolean stateChanged = !read.sameStateAs(shown);
        boolean figuresMoved = shown == null || !read.units().equals(shown.units());
        if (stateChanged || figuresMoved && !now.isBefore(published.plus(FIGURES_EVERY))) {
            published = now;
            shown = read;
            listeners.publish(read);
        }
    }

    /** CPU as a share of one core since the previous read, from systemd's cumulative CPUUsageNSec. */
    private ServicesSnapshot withCpuShares(ServicesSnapshot read) {
        if (previousRead == null || read.problem() != null) {
            return read;
        }
        long elapsedNanos = Duration.between(previousRead.readAt(), read.readAt()).toNanos();
        List<UnitStatus> units = new ArrayList<>(read.units().size());
        for (UnitStatus unit : read.units()) {
            UnitStatus before = previousRead.unit(unit.name()).orElse(null);
            boolean comparable = before != null && elapsedNanos > 0 && unit.cpuNanos() >= 0 && before.cpuNanos() >= 0
                    && unit.mainPid() == before.mainPid() && unit.cpuNanos() >= before.cpuNanos();
            units.add(comparable ? unit.withCpuPercent(100.0 * (unit.cpuNanos() - before.cpuNanos()) / elapsedNanos) : unit);
        }
        return new ServicesSnapshot(read.readAt(), units, null);
    }
}
