package io.miniman.docker.container;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

import io.miniman.docker.DockerEngine;

/** An interactive exec with a TTY: what the user types goes in, what the shell prints comes out. */
public final class TerminalSession implements AutoCloseable {

    private final DockerEngine engine;
    private final String execId;
    private final Stdin stdin = new Stdin();
    private volatile Closeable stream;

    TerminalSession(DockerEngine engine, String execId) {
        this.engine = engine;
        this.execId = execId;
    }

    InputStream stdin() {
        return stdin;
    }

    void attached(Closeable stream) {
        this.stream = stream;
    }

    public void write(String keys) {
        stdin.offer(keys.getBytes(StandardCharsets.UTF_8));
    }

    public void resize(int columns, int rows) {
        if (columns > 0 && rows > 0) {
            engine.run(c -> c.resizeExecCmd(execId).withSize(rows, columns).exec());
        }
    }

    @Override
    public void close() {
        stdin.offer(Stdin.END);
        Closeable s = stream;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // the session is gone either way
            }
        }
    }

    /**
     * A queue the attach request reads from. Not a PipedInputStream: that one fails with "Write end dead"
     * once the (pooled, short-lived) request thread that wrote last has ended.
     */
    private static final class Stdin extends InputStream {
        static final byte[] END = new byte[0];
        private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>(1024);
        private byte[] current = new byte[0];
        private int position;
        private boolean ended;

        void offer(byte[] bytes) {
            chunks.offer(bytes);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (!ended && position >= current.length) {
                try {
                    current = chunks.take();
                    position = 0;
                    ended = current == END;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("terminal input interrupted", e);
                }
            }
            if (ended) {
                return -1;
            }
            int n = Math.min(len, current.length - position);
            System.arraycopy(current, position, b, off, n);
            position += n;
            return n;
        }
    }

    /** Decodes UTF-8 that may arrive split across frames. */
    static final class Utf8Stream {
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private final Consumer<String> sink;
        private ByteBuffer pending = ByteBuffer.allocate(0);

        Utf8Stream(Consumer<String> sink) {
            this.sink = sink;
        }

        synchronized void accept(byte[] bytes) {
            ByteBuffer in = ByteBuffer.allocate(pending.remaining() + bytes.length);
            in.put(pending).put(bytes).flip();
            CharBuffer out = CharBuffer.allocate(in.remaining());
            decoder.decode(in, out, false);
            pending = in.slice();
            out.flip();
            if (out.hasRemaining()) {
                sink.accept(out.toString());
            }
        }
    }
}
