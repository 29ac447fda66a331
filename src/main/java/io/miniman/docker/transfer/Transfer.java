package io.miniman.docker.transfer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.function.Consumer;

import io.miniman.operation.OperationContext;

/**
 * One running transfer: counts its bytes, tells its operation's log a line per tenth of the way (or per
 * 64 MiB when the total is unknown) and its live feed at most four times a second, and stops at the
 * next buffer once someone cancels it.
 */
public final class Transfer {

    private static final long FEED_INTERVAL_MILLIS = 250;
    private static final long UNKNOWN_TOTAL_STEP = 64L * 1024 * 1024;

    private final OperationContext context;
    private final Consumer<TransferProgress> feed;
    private volatile boolean cancelled;
    private volatile long bytes;
    private volatile long total;
    private volatile String message = "";
    private long nextLogAt;
    private long lastFed;

    Transfer(OperationContext context, Consumer<TransferProgress> feed) {
        this.context = context;
        this.feed = feed;
    }

    /** For work run outside an operation (tests, benchmarks): nothing to report to. */
    public static Transfer detached() {
        return new Transfer(null, p -> { });
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean cancelled() {
        return cancelled;
    }

    void checkCancelled() throws InterruptedIOException {
        if (cancelled) {
            throw new InterruptedIOException("cancelled");
        }
    }

    /** Starts a new phase of {@code total} bytes (0 when unknown). */
    void phase(String text, long total) {
        this.bytes = 0;
        this.total = total;
        this.nextLogAt = step();
        note(text);
    }

    /** A line worth keeping: in the operation's log and in the feed. */
    void note(String text) {
        message = text;
        if (context != null) {
            context.progress(text);
        }
        feed.accept(new TransferProgress(bytes, total, text));
    }

    void advance(long n) {
        bytes += n;
        if (bytes >= nextLogAt) {
            nextLogAt += step();
            if (context != null) {
                context.progress(Bytes.text(bytes) + (total > 0 ? " of " + Bytes.text(total) : ""));
            }
        }
        long now = System.currentTimeMillis();
        if (now - lastFed >= FEED_INTERVAL_MILLIS) {
            lastFed = now;
            feed.accept(new TransferProgress(bytes, total, message));
        }
    }

    private long step() {
        return total > 0 ? Math.max(1, total / 10) : UNKNOWN_TOTAL_STEP;
    }

    public long bytes() {
        return bytes;
    }

    /** Reads through this transfer: counted, and stopped when cancelled. */
    InputStream metered(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                checkCancelled();
                int n = super.read(b, off, len);
                if (n > 0) {
                    advance(n);
                }
                return n;
            }
        };
    }

    /** Copies until the end of {@code in}, counted and cancellable; returns the bytes copied. */
    long copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            checkCancelled();
            out.write(buffer, 0, n);
            copied += n;
            advance(n);
        }
        out.flush();
        return copied;
    }
}
