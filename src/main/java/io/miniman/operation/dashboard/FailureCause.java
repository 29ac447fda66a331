package io.miniman.operation.dashboard;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Why an operation failed, read from its error text. The same list classifies in SQL (a CASE in the
 * GROUP BY of the dashboard) and in Java (a single row), so both always agree. Order matters: the first
 * match wins ("i/o timeout" dialling a registry is the registry, not a slow operation).
 */
public enum FailureCause {
    DISK_FULL("disk full", "free space on the data disk (prune images and build cache)",
            "no space left", "disk quota", "not enough space"),
    DENIED("refused credentials", "check the user name, password or token used",
            "unauthorized", "denied", "forbidden", "wrong credentials", "authentication required"),
    UNREACHABLE("registry or host unreachable", "check the uplink, DNS and the registry address",
            "connection refused", "no such host", "i/o timeout", "network is unreachable", "dial tcp",
            "name resolution", "could not resolve", "unknown host", "no route to host"),
    NOT_FOUND("not found", "check the name or tag: it does not exist there",
            "not found", "manifest unknown", "no such"),
    TIMEOUT("timed out", "the work took longer than its limit: check the link speed or raise the timeout",
            "timed out", "timeout"),
    INTERRUPTED("interrupted by a restart", "the console restarted during the work: run it again",
            "interrupted by restart"),
    INVALID("invalid input", "correct the input named in the error",
            "invalid", "must be", "must not"),
    OTHER("other", "read the error of the newest failure");

    private final String label;
    private final String advice;
    private final List<String> fragments;

    FailureCause(String label, String advice, String... fragments) {
        this.label = label;
        this.advice = advice;
        this.fragments = List.of(fragments);
    }

    public String label() {
        return label;
    }

    /** What to do about it, in plain words. */
    public String advice() {
        return advice;
    }

    public static FailureCause of(String error) {
        String text = error == null ? "" : error.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.fragments.stream().anyMatch(text::contains)).findFirst().orElse(OTHER);
    }

    /** The CASE expression over {@code column} that yields the cause's name; fragments are constants, never user text. */
    static String sqlCase(String column) {
        String whens = Arrays.stream(values()).filter(c -> !c.fragments.isEmpty())
                .map(c -> "WHEN " + c.fragments.stream().map(f -> "lower(" + column + ") LIKE '%" + f + "%'")
                        .collect(Collectors.joining(" OR ")) + " THEN '" + c.name() + "'")
                .collect(Collectors.joining(" "));
        return "CASE " + whens + " ELSE '" + OTHER.name() + "' END";
    }
}
