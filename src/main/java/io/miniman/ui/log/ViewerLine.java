package io.miniman.ui.log;

import java.time.Instant;

/**
 * One line for a {@link LogViewer}: which stream wrote it, when (null when unknown) and its text, which
 * may hold ANSI colour sequences; the viewer escapes everything else. {@link Kind#SKIPPED} marks where
 * {@code text} (a count) lines were dropped because the browser or the network could not keep up.
 */
public record ViewerLine(Kind kind, Instant time, String text) {

    /** Longer lines are cut here, so one runaway line cannot fill a batch or the text buffer. */
    static final int MAX_CHARS = 8192;

    public enum Kind { STDOUT, STDERR, SKIPPED }

    public ViewerLine {
        text = oneLine(text);
        text = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) + "…" : text;
    }

    /** A carriage return redraws the line on a terminal (progress bars): what is left is the last draw. */
    private static String oneLine(String text) {
        if (text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        String stripped = text.strip().replace('\n', ' ');
        int lastReturn = stripped.lastIndexOf('\r');
        return lastReturn < 0 ? stripped : stripped.substring(lastReturn + 1);
    }

    public static ViewerLine out(String text) {
        return new ViewerLine(Kind.STDOUT, null, text);
    }

    public static ViewerLine err(String text) {
        return new ViewerLine(Kind.STDERR, null, text);
    }

    static ViewerLine skipped(long count) {
        return new ViewerLine(Kind.SKIPPED, null, Long.toString(count));
    }

    long skippedCount() {
        return kind == Kind.SKIPPED ? Long.parseLong(text) : 0;
    }
}
