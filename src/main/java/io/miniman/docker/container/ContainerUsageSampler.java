package io.miniman.docker.container;

import io.miniman.Listeners;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.miniman.docker.DockerEngine;
import io.miniman.docker.DockerFailure;
import io.miniman.Subscription;

/**
 * CPU and memory of running containers for the grid, read every few seconds and only while a grid is
 * open. One-shot readings (one short request each, no open stream per container), CPU % from the
 * difference between two readings, as {@code docker stats} computes it. A round over many containers
 * takes a while, so it runs on a thread of its own rather than Spring's shared scheduler.
 */
@Component
public class ContainerUsageSampler implements AutoCloseable {

    private static final long PERIOD_SECONDS = 5;

    /** Enough for the first pages of a grid; a box with more running containers shows "–" for the rest. */
    static final int MAX_SAMPLED = 100;

    private final DockerEngine engine;
    private final ContainerService containers;
    private final Listeners<Map<String, ContainerUsage>> listeners = new Listeners<>("container usage");
    private final Map<String, Reading> previous = new ConcurrentHashMap<>();
    private volatile Map<String, ContainerUsage> latest = Map.of();
    private ScheduledExecutorService rounds;

    public ContainerUsageSampler(DockerEngine engine, ContainerService containers) {
        this.engine = engine;
        this.containers = containers;
    }

    /** Hears the new figures after each round; the current ones are {@link #latest()}. */
    public synchronized Subscription subscribe(Consumer<Map<String, ContainerUsage>> listener) {
        Subscription added = listeners.add(listener);
        if (rounds == null) {
            rounds = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "docker-usage-sampler");
                t.setDaemon(true);
                return t;
            });
            rounds.scheduleWithFixedDelay(this::round, 0, PERIOD_SECONDS, TimeUnit.SECONDS);
        }
        return () -> unsubscribe(added);
    }

    private synchronized void unsubscribe(Subscription added) {
        added.close();
        if (listeners.isEmpty()) {
            close();
        }
    }

    public Map<String, ContainerUsage> latest() {
        return latest;
    }

    private void round() {
        if (engine.state().up()) {
            sample();
        }
    }

    @Override
    public synchronized void close() {
        if (rounds != null) {
            rounds.shutdownNow();
            rounds = null;
        }
    }

    /** One round over the running containers; rounds never overlap, each compares with the one before. */
    public synchronized Map<String, ContainerUsage> sample() {
        Map<String, ContainerUsage> figures = new HashMap<>();
        try {
            List<ContainerSummary> running = containers.list(new ContainerFilter(Set.of("running"), ""));
            for (ContainerSummary c : running.subList(0, Math.min(MAX_SAMPLED, running.size()))) {
                Reading now = read(c.id()).after(previous.get(c.id()));
                previous.put(c.id(), now);
                figures.put(c.id(), now.usage());
            }
            previous.keySet().retainAll(figures.keySet());
        } catch (DockerFailure e) {
            // the engine went away, a container ended mid-round, or the round was cancelled: a partial
            // round would blank the figures of the containers it did not reach, so the last full one stands
            previous.clear();
            return latest;
        }
        latest = Map.copyOf(figures);
        listeners.publish(latest);
        return latest;
    }

    private Reading read(String id) {
        JsonNode s = engine.getJson("/containers/" + id + "/stats?stream=false&one-shot=true");
        JsonNode cpu = s.path("cpu_stats");
        JsonNode memory = s.path("memory_stats");
        long usage = memory.path("usage").asLong();
        long inactive = memory.path("stats").has("total_inactive_file") ? memory.path("stats").path("total_inactive_file").asLong()
                : memory.path("stats").path("inactive_file").asLong();
        return new Reading(cpu.path("cpu_usage").path("total_usage").asLong(), cpu.path("system_cpu_usage").asLong(),
                Math.max(1, cpu.path("online_cpus").asLong(1)), inactive < usage ? usage - inactive : usage,
                memory.path("limit").asLong(), Double.NaN);
    }

    private record Reading(long cpuTotal, long systemTotal, long cpus, long memory, long limit, double percent) {

        /**
         * The CPU share since the reading before. Two readings within one tick of the host's CPU clock
         * show no system time passed: then the earlier share still stands, and the earlier reading
         * stays the base, rather than a blank.
         */
        Reading after(Reading before) {
            if (before == null) {
                return this;
            }
            if (systemTotal <= before.systemTotal) {
                return new Reading(before.cpuTotal, before.systemTotal, cpus, memory, limit, before.percent);
            }
            double share = Math.max(0, (double) (cpuTotal - before.cpuTotal) / (systemTotal - before.systemTotal) * cpus * 100);
            return new Reading(cpuTotal, systemTotal, cpus, memory, limit, share);
        }

        ContainerUsage usage() {
            return new ContainerUsage(percent, memory, limit);
        }
    }
}
