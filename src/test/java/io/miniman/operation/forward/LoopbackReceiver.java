package io.miniman.operation.forward;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A real receiver program (rsyslogd, snmptrapd) started by a test on loopback, and what it wrote. */
final class LoopbackReceiver implements AutoCloseable {

    private final Process process;
    private final Path output;

    LoopbackReceiver(List<String> command, Path output) throws IOException {
        this.output = output;
        this.process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.resolveSibling(output.getFileName() + ".stdout").toFile()).start();
    }

    /** The lines the receiver wrote, once one matches or the time is up (then whatever is there). */
    List<String> awaitLine(Predicate<String> wanted, Duration patience) throws Exception {
        Instant until = Instant.now().plus(patience);
        while (true) {
            List<String> lines = Files.exists(output) ? Files.readAllLines(output) : List.of();
            if (lines.stream().anyMatch(wanted) || Instant.now().isAfter(until) || !process.isAlive()) {
                return new ArrayList<>(lines);
            }
            Thread.sleep(50);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    String console() throws IOException {
        Path stdout = output.resolveSibling(output.getFileName() + ".stdout");
        return Files.exists(stdout) ? Files.readString(stdout) : "";
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        process.waitFor();
    }

    static int freeTcpPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
