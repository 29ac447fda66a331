package io.miniman.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** `jcmd PID GC.class_histogram`: live bytes and instances per class (it collects first), and their total. */
public record Histogram(Map<String, long[]> classes, long totalBytes) {

    public static Histogram parse(String out) {
        Map<String, long[]> classes = new HashMap<>();
        long total = 0;
        for (String line : out.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                classes.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            } else if (f.length == 3 && f[0].equals("Total")) {
                total = Long.parseLong(f[2]);
            }
        }
        if (total == 0) {
            throw new IllegalStateException("no class histogram in: " + out);
        }
        return new Histogram(classes, total);
    }

    /** The classes whose live bytes grew most since {@code before}. */
    public List<String> growthOver(Histogram before, int n) {
        return classes.entrySet().stream().map(e -> {
            long[] was = before.classes.getOrDefault(e.getKey(), new long[2]);
            return Map.entry(e.getKey(), new long[] {e.getValue()[0] - was[0], e.getValue()[1] - was[1]});
        }).sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(n)
                .map(e -> String.format(Locale.ROOT, "%+8.1f kB %+7d  %s", e.getValue()[1] / 1024.0, e.getValue()[0], e.getKey()))
                .toList();
    }
}
