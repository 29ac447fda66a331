package io.miniman.docker.transfer;

import java.io.IOException;

/** Sizes as people read them, and the reason an I/O failure gives. */
public final class Bytes {

    private Bytes() {
    }

    public static String text(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** "No space left on device" is what the kernel says when the disk is full; keep it readable. */
    static String reason(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.contains("No space left") ? "the disk is full (" + message + ")" : message;
    }
}
