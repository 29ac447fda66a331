package io.miniman.system.metrics;

/**
 * What the resource history records. Values are stored as integers (the unit times {@code scale}):
 * SQLite stores small integers in one or two bytes where a REAL always takes eight, which is most of
 * what keeps 90 days of history near a few megabytes.
 */
public enum Metric {
    /** Busy share; subject "" is all cores, "cpu0", "cpu1", ... each core. */
    CPU("cpu", " %", 10),
    /** The 1-minute load average. */
    LOAD("load", "", 100),
    MEMORY("memory", " %", 10),
    SWAP("swap", " %", 10),
    /** Used share per mount point (the subject). */
    DISK("disk", " %", 10),
    /** Per thermal zone (its type, e.g. "cpu-thermal"). */
    TEMPERATURE("temperature", " °C", 10),
    /** Bytes per second per interface. */
    NET_RECEIVED("net.rx", " B/s", 1),
    NET_SENT("net.tx", " B/s", 1),
    WIFI_CLIENTS("wifi.clients", "", 1),
    CONTAINERS("containers", "", 1);

    private final String key;
    private final String unit;
    private final int scale;

    Metric(String key, String unit, int scale) {
        this.key = key;
        this.unit = unit;
        this.scale = scale;
    }

    /** The name stored in metric_series.metric; never change it, or the history of that metric is orphaned. */
    public String key() {
        return key;
    }

    public String unit() {
        return unit;
    }

    long encode(double value) {
        return Math.round(value * scale);
    }

    double decode(double stored) {
        return stored / scale;
    }

    static Metric ofKey(String key) {
        for (Metric metric : values()) {
            if (metric.key.equals(key)) {
                return metric;
            }
        }
        throw new IllegalArgumentException("unknown metric: " + key);
    }
}
