package io.miniman.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One output stream of a program, read to its end on a thread of its own and capped. The text can be
 * taken with a bounded wait: a background process the program left behind may keep the pipe open
 * long after the program itself ended.
 */
final class OutputCapture {

    static final int OUTPUT_CAP = 64 * 1024;
    static final String CUT_MARKER = "\n[output cut at 64 KiB]";
    static final String OPEN_MARKER = "\n[output incomplete: a process the program started still holds it]";

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final Thread reader;
    private boolean cut;

    private OutputCapture(InputStream stream, String name) {
        reader = new Thread(() -> drain(stream), name);
        reader.setDaemon(true);
        reader.start();
    }

    static OutputCapture of(InputStream stream, String name) {
        return new OutputCapture(stream, name);
    }

    private void drain(InputStream stream) {
        byte[] buffer = new byte[8192];
        try (stream) {
            int n;
            while ((n = stream.read(buffer)) != -1) {
                synchronized (kept) {
                    int room = OUTPUT_CAP - kept.size();
                    if (room > 0) {
                        kept.write(buffer, 0, Math.min(room, n));
                    }
                    // keep draining past the cap, or the program blocks on a full pipe
                    cut |= n > room;
                }
            }
        } catch (IOException e) {
            synchronized (kept) {
                cut = true;
            }
        }
    }

    /** What arrived, waiting at most {@code bound} for the end of the stream. */
    String text(Duration bound) {
        try {
            reader.join(Math.max(1, bound.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (kept) {
            String text = kept.toString(StandardCharsets.UTF_8);
            if (reader.isAlive()) {
                return text + OPEN_MARKER;
            }
            return cut ? text + CUT_MARKER : text;
        }
    }
}
