package io.miniman.operation.pattern;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How findings write times and counts: short enough for a phone, local time as the box shows it. */
final class Wording {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    private Wording() {
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    static String times(long n) {
        return n == 1 ? "once" : n + " times";
    }

    static String subject(String name, String target) {
        return target == null ? name : name + " of " + target;
    }
}
