package io.miniman.ui.log;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lines waiting for one browser, and when they may go. At most one batch is on its way: the next one
 * leaves when the browser has acknowledged the last (or it seems lost) and a quarter second has passed,
 * so a viewer costs at most four element calls a second whatever the container writes. While a batch is
 * out, new lines pile up here; past the bound the oldest waiting ones are dropped and counted into one
 * "N lines skipped" mark at their place, so the next batch is small enough to put the newest line on
 * screen within a second instead of trailing further behind.
 */
final class LineBatcher {

    static final Duration INTERVAL = Duration.ofMillis(250);
    /** A batch not acknowledged by then is taken as lost (a reconnect), so the view never stalls. */
    static final Duration ACK_TIMEOUT = Duration.ofSeconds(2);

    private final Clock clock;
    private final int maxLines;
    private final long maxChars;
    private final ArrayDeque<ViewerLine> waiting = new ArrayDeque<>();
    private long waitingChars;
    private long skippedTotal;
    private Instant sentAt = Instant.EPOCH;
    private boolean outstanding;

    LineBatcher(Clock clock, int maxLines, long maxChars) {
        if (maxLines < 2 || maxChars < 1) {
            throw new IllegalArgumentException("A batch holds at least two lines");
        }
        this.clock = clock;
        this.maxLines = maxLines;
        this.maxChars = maxChars;
    }

    synchronized void add(ViewerLine line) {
        if (line.kind() == ViewerLine.Kind.SKIPPED && !waiting.isEmpty() && waiting.peekLast().kind() == ViewerLine.Kind.SKIPPED) {
            ViewerLine last = waiting.pollLast();
            waiting.addLast(ViewerLine.skipped(last.skippedCount() + line.skippedCount()));
        } else {
            waiting.addLast(line);
            waitingChars += chars(line);
        }
        dropOldestPastBound();
    }

    /** The oldest lines go first, into one mark at the head; the mark itself always fits. */
    private void dropOldestPastBound() {
        long dropped = 0;
        long lines = 0;
        while ((waiting.size() > maxLines || waitingChars > maxChars) && waiting.size() > 1) {
            ViewerLine oldest = waiting.pollFirst();
            waitingChars -= chars(oldest);
            if (oldest.kind() == ViewerLine.Kind.SKIPPED) {
                dropped += oldest.skippedCount();
            } else {
                dropped++;
                lines++;
            }
            if (waiting.peekFirst().kind() == ViewerLine.Kind.SKIPPED) {
                dropped += waiting.pollFirst().skippedCount();
            }
        }
        if (dropped > 0) {
            skippedTotal += lines;
            waiting.addFirst(ViewerLine.skipped(dropped));
        }
    }

    /** A mark's few digits are not counted: a line count bounds the marks anyway. */
    private static long chars(ViewerLine line) {
        return line.kind() == ViewerLine.Kind.SKIPPED ? 0 : line.text().length();
    }

    /** The next batch if one may leave now; it then counts as outstanding until {@link #acknowledged()}. */
    synchronized Optional<List<ViewerLine>> take() {
        Instant now = clock.instant();
        if (waiting.isEmpty() || now.isBefore(nextSend())) {
            return Optional.empty();
        }
        List<ViewerLine> batch = new ArrayList<>(waiting);
        waiting.clear();
        waitingChars = 0;
        sentAt = now;
        outstanding = true;
        return Optional.of(batch);
    }

    synchronized void acknowledged() {
        outstanding = false;
    }

    /** How long until {@link #take()} may give a batch, for the timer; zero when one may go now. */
    synchronized Duration delay() {
        Duration wait = Duration.between(clock.instant(), nextSend());
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private Instant nextSend() {
        return sentAt.plus(outstanding ? ACK_TIMEOUT : INTERVAL);
    }

    synchronized boolean hasWaiting() {
        return !waiting.isEmpty();
    }

    /** A new browser element (attach, clear) knows of no batch: nothing is outstanding. */
    synchronized void reset() {
        waiting.clear();
        waitingChars = 0;
        outstanding = false;
    }

    /** Lines dropped before reaching the browser since this viewer was made. */
    synchronized long skipped() {
        return skippedTotal;
    }
}
