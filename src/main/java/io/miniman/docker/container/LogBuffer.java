package io.miniman.docker.container;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The last N lines of a log, so that following a chatty container holds memory flat:
 * every line past the capacity pushes out the oldest one.
 */
public final class LogBuffer {

    private final int capacity;
    private final ArrayDeque<LogLine> lines;
    private long dropped;

    public LogBuffer(int capacity) {
        this.capacity = capacity;
        this.lines = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    public synchronized void add(LogLine line) {
        if (lines.size() == capacity) {
            lines.removeFirst();
            dropped++;
        }
        lines.addLast(line);
    }

    public synchronized List<LogLine> snapshot() {
        return new ArrayList<>(lines);
    }

    /** Takes every line added since the last drain, leaving the buffer empty. */
    public synchronized List<LogLine> drain() {
        List<LogLine> out = new ArrayList<>(lines);
        lines.clear();
        return out;
    }

    public synchronized int size() {
        return lines.size();
    }

    public synchronized long dropped() {
        return dropped;
    }
}
