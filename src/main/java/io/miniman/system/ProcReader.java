package io.miniman.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the few /proc files the dashboard needs. The proc root is configurable so tests feed it
 * files of their own; on the box it is the kernel's /proc.
 */
public final class ProcReader {

    /** Cumulative CPU jiffies: all, and the idle part (idle + iowait). */
    public record CpuTimes(long total, long idle) {

        public double percentSince(CpuTimes earlier) {
            long total = this.total - earlier.total;
            long idle = this.idle - earlier.idle;
            return total <= 0 ? 0 : Math.max(0, Math.min(100, 100.0 * (total - idle) / total));
        }
    }

    public record Memory(long totalBytes, long availableBytes, long swapTotalBytes, long swapFreeBytes) {
    }

    /** Cumulative bytes an interface received and sent since it came up. */
    public record InterfaceBytes(long received, long sent) {
    }

    /** A mounted file system as /proc/mounts lists it. */
    public record Mount(String device, String path, String type) {
    }

    private final Path proc;

    public ProcReader(Path proc) {
        this.proc = proc;
    }

    public CpuTimes cpu() {
        String first = lines("stat").get(0);
        if (!first.startsWith("cpu ")) {
            throw new IllegalStateException("unexpected first line of /proc/stat: " + first);
        }
        return cpuTimes(first);
    }

    /** Per core, by the kernel's name ("cpu0", "cpu1", ...), in its order. */
    public Map<String, CpuTimes> cores() {
        Map<String, CpuTimes> cores = new LinkedHashMap<>();
        for (String line : lines("stat")) {
            if (line.startsWith("cpu") && line.length() > 3 && Character.isDigit(line.charAt(3))) {
                cores.put(line.substring(0, line.indexOf(' ')), cpuTimes(line));
            }
        }
        return cores;
    }

    private static CpuTimes cpuTimes(String line) {
        String[] parts = line.trim().split("\\s+");
        long total = 0;
        // user nice system idle iowait irq softirq steal; guest time is already inside user
        for (int i = 1; i < Math.min(parts.length, 9); i++) {
            total += Long.parseLong(parts[i]);
        }
        long idle = Long.parseLong(parts[4]) + (parts.length > 5 ? Long.parseLong(parts[5]) : 0);
        return new CpuTimes(total, idle);
    }

    public Memory memory() {
        long total = 0;
        long available = -1;
        long swapTotal = 0;
        long swapFree = 0;
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
                case "SwapTotal:" -> swapTotal = bytes;
                case "SwapFree:" -> swapFree = bytes;
                default -> { }
            }
        }
        // kernels before 3.14 have no MemAvailable
        return new Memory(total, available >= 0 ? available : free + buffers + cached, swapTotal, swapFree);
    }

    /** Per interface from /proc/net/dev ("  eth0: rxbytes rxpackets ... txbytes ..."). */
    public Map<String, InterfaceBytes> interfaceBytes() {
        Map<String, InterfaceBytes> out = new LinkedHashMap<>();
        for (String line : lines("net/dev")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String[] fields = line.substring(colon + 1).trim().split("\\s+");
            if (fields.length >= 9) {
                out.put(line.substring(0, colon).trim(), new InterfaceBytes(Long.parseLong(fields[0]), Long.parseLong(fields[8])));
            }
        }
        return out;
    }

    /** /proc/mounts; octal escapes (a space is "\\040") are decoded. */
    public List<Mount> mounts() {
        List<Mount> out = new ArrayList<>();
        for (String line : lines("mounts")) {
            String[] fields = line.split(" ");
            if (fields.length >= 3) {
                out.add(new Mount(unescape(fields[0]), unescape(fields[1]), fields[2]));
            }
        }
        return out;
    }

    private static String unescape(String field) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public double[] loadAverage() {
        String[] parts = lines("loadavg").get(0).trim().split("\\s+");
        return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
    }

    public Duration uptime() {
        String[] parts = lines("uptime").get(0).trim().split("\\s+");
        return Duration.ofMillis((long) (Double.parseDouble(parts[0]) * 1000));
    }

    /** The running kernel's release, as {@code uname -r} prints it. */
    public String kernel() {
        return lines("sys/kernel/osrelease").get(0).trim();
    }

    public String hostname() {
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
