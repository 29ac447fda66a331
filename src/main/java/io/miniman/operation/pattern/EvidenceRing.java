package io.miniman.operation.pattern;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Evidence that exists only while the console runs (engine events, the disk level when a pull began),
 * newest last, bounded so a container dying every second for a week costs a fixed amount of memory.
 */
public final class EvidenceRing<T> {

    public record Entry<T>(Instant at, T value) {
    }

    private final int capacity;
    private final Deque<Entry<T>> entries = new ArrayDeque<>();

    public EvidenceRing(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void add(Instant at, T value) {
        entries.addLast(new Entry<>(at, value));
        while (entries.size() > capacity) {
            entries.removeFirst();
        }
    }

    public synchronized List<Entry<T>> between(Instant since, Instant now) {
        return entries.stream().filter(e -> !e.at().isBefore(since) && e.at().isBefore(now)).toList();
    }
}
