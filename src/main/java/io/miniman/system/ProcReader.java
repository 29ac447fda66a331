package io.miniman.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Parses the few /proc files the dashboard needs. The proc root is configurable so tests feed it
 * files of their own; on the box it is the kernel's /proc.
 */
final class ProcReader {

    /** Cumulative CPU jiffies: all, and the idle part (idle + iowait). */
    record CpuTimes(long total, long idle) {

        double percentSince(CpuTimes earlier) {
            long total = this.total - earlier.total;
            long idle = this.idle - earlier.idle;
            return total <= 0 ? 0 : Math.max(0, Math.min(100, 100.0 * (total - idle) / total));
        }
    }

    record Memory(long totalBytes, long availableBytes) {
    }

    private final Path proc;

    ProcReader(Path proc) {
        this.proc = proc;
    }

    CpuTimes cpu() {
        String first = lines("stat").get(0);
        String[] parts = first.trim().split("\\s+");
        if (!"cpu".equals(parts[0])) {
            throw new IllegalStateException("unexpected first line of /proc/stat: " + first);
        }
        long total = 0;
        // user nice system idle iowait irq softirq steal; guest time is already inside user
        for (int i = 1; i < Math.min(parts.length, 9); i++) {
            total += Long.parseLong(parts[i]);
        }
        long idle = Long.parseLong(parts[4]) + (parts.length > 5 ? Long.parseLong(parts[5]) : 0);
        return new CpuTimes(total, idle);
    }

    Memory memory() {
        long total = 0;
        long available = -1;
        long free = 0;
        long buffers = 0;
        long cached = 0;
        for (String line : lines("meminfo")) {
            String[] parts = line.split("\\s+");
            if (parts.length < 2) {
                continue;
            }
            long bytes = Long.parseLong(parts[1]) * 1024;
            switch (parts[0]) {
                case "MemTotal:" -> total = bytes;
                case "MemAvailable:" -> available = bytes;
                case "MemFree:" -> free = bytes;
                case "Buffers:" -> buffers = bytes;
                case "Cached:" -> cached = bytes;
                default -> { }
            }
        }
        // kernels before 3.14 have no MemAvailable
        return new Memory(total, available >= 0 ? available : free + buffers + cached);
    }

    double[] loadAverage() {
        String[] parts = lines("loadavg").get(0).trim().split("\\s+");
        return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
    }

    Duration uptime() {
        String[] parts = lines("uptime").get(0).trim().split("\\s+");
        return Duration.ofMillis((long) (Double.parseDouble(parts[0]) * 1000));
    }

    String hostname() {
        return lines("sys/kernel/hostname").get(0).trim();
    }

    private List<String> lines(String relative) {
        try {
            return Files.readAllLines(proc.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + proc.resolve(relative) + ": " + e.getMessage(), e);
        }
    }
}
