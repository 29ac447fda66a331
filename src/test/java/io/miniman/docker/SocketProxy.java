package io.miniman.docker;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A unix socket that forwards to the real engine's socket and can be cut and restored, so that a test
 * can take "the engine" away from a DockerEngine and give it back without stopping dockerd.
 */
public final class SocketProxy implements AutoCloseable {

    private final Path path;
    private final Path target;
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocketChannel server;

    public SocketProxy(Path path, Path target) {
        this.path = path;
        this.target = target;
    }

    public String uri() {
        return "unix://" + path;
    }

    public synchronized void up() throws IOException {
        Files.deleteIfExists(path);
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        channel.bind(UnixDomainSocketAddress.of(path));
        server = channel;
        Thread acceptor = new Thread(() -> accept(channel), "socket-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Refuses new connections and cuts the open ones, as a stopped dockerd would. */
    public synchronized void down() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
        for (SocketChannel c : open) {
            c.close();
        }
        open.clear();
        Files.deleteIfExists(path);
    }

    private void accept(ServerSocketChannel channel) {
        while (channel.isOpen()) {
            try {
                SocketChannel client = channel.accept();
                SocketChannel engine = SocketChannel.open(UnixDomainSocketAddress.of(target));
                open.add(client);
                open.add(engine);
                pump(client, engine);
                pump(engine, client);
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pump(SocketChannel from, SocketChannel to) {
        Thread t = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
            try {
                while (from.read(buffer) >= 0) {
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        to.write(buffer);
                    }
                    buffer.clear();
                }
                to.shutdownOutput();
            } catch (IOException e) {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // both ends are going away anyway
                }
            }
        }, "socket-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        down();
    }
}
