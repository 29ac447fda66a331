package io.miniman.browser;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.miniman.testsupport.Requires;

/**
 * The packaged jar started as a new user would, with `java -jar` on a data dir of its own and a free
 * port, for the browser tests (the console's and its extensions'); its output goes to {@code console.log}
 * beside the data dir. The jar is {@code -Dminiman.jar}, by default the console's own target/miniman.jar.
 */
public final class PackagedConsole implements AutoCloseable {

    // generous: on the shared 2-core test machine a start took over two minutes
    private static final long READY_MILLIS = 300_000;

    private final Path folder;
    private final int port;
    private final Process process;

    private PackagedConsole(Path folder, int port, Process process) {
        this.folder = folder;
        this.port = port;
        this.process = process;
    }

    /** Skips (or fails under strict mode) without the jar; {@code environment} adds to the console's. */
    public static PackagedConsole start(Path folder, Map<String, String> environment) throws Exception {
        Path jar = Path.of(System.getProperty("miniman.jar", "target/miniman.jar"));
        Requires.that(Files.isRegularFile(jar), "the packaged jar " + jar + " (run ./mvnw verify)");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", jar.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("console.log").toFile());
        Map<String, String> env = builder.environment();
        env.remove("MINIMAN_ADMIN_PASSWORD");
        env.put("MINIMAN_DATA_DIR", folder.resolve("data").toString());
        env.put("MINIMAN_PORT", String.valueOf(port));
        env.putAll(environment);
        PackagedConsole console = new PackagedConsole(folder, port, builder.start());
        console.awaitReady();
        return console;
    }

    public String base() {
        return "http://localhost:" + port;
    }

    /** The console's process id, for a benchmark's heap figures. */
    public long pid() {
        return process.pid();
    }

    public Path dataDir() {
        return folder.resolve("data");
    }

    @Override
    public void close() {
        process.destroy();
    }

    private void awaitReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + READY_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("console exited: " + Files.readString(folder.resolve("console.log")));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        // a console that never answered would otherwise outlive the test run
        process.destroyForcibly();
        throw new IllegalStateException("console not ready in " + READY_MILLIS / 1000 + " s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
