package io.miniman.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.openqa.selenium.By;
import org.springframework.util.FileSystemUtils;

import io.miniman.browser.ConsoleSession;

/**
 * Start-up and memory of the packaged jar, not a test: prints figures. Starts target/miniman.jar on an
 * empty data dir with the JVM flags given as arguments, measures seconds to the first 200 from /login,
 * resident memory (VmRSS) idle, then after 20 page loads by a signed-in user in headless Chromium.
 *
 *   ./mvnw -q package -DskipTests
 *   ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *       -Dexec.mainClass=io.miniman.bench.StartupMemoryBenchmark -Dexec.args="-Xmx128m -XX:+UseSerialGC"
 *
 * -Dbench.jar=DIR/miniman.jar measures an extracted jar (see the README's "On a 1 GB device").
 */
public final class StartupMemoryBenchmark {

    private StartupMemoryBenchmark() {
    }

    public static void main(String[] jvmFlags) throws Exception {
        Path jar = Path.of(System.getProperty("bench.jar", "target/miniman.jar")).toAbsolutePath();
        Path dir = Files.createTempDirectory("miniman-bench");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(List.of(jvmFlags));
        command.addAll(List.of("-jar", jar.toString()));
        // started from a scratch folder, as on the device: a source tree as working directory slows Vaadin's start
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("console.log").toFile());
        builder.environment().put("MINIMAN_DATA_DIR", dir.resolve("data").toString());
        builder.environment().put("MINIMAN_PORT", String.valueOf(port));
        builder.environment().put("MINIMAN_ADMIN_PASSWORD", "Bench-initial-1");
        String base = "http://localhost:" + port;

        long started = System.nanoTime();
        Process console = builder.start();
        try {
            awaitReady(base, console);
            double ready = (System.nanoTime() - started) / 1e9;
            Thread.sleep(10_000);
            long idle = rssKb(console.pid());
            long afterLoads = pageLoads(base, 20);
            Thread.sleep(5_000);
            long settled = rssKb(console.pid());
            System.out.printf(Locale.ROOT, "flags: %s%nready: %.2f s%nrss idle: %d MB%nrss right after 20 page loads: %d MB%n"
                    + "rss 5 s later: %d MB%n", String.join(" ", jvmFlags), ready, idle / 1024, afterLoads / 1024,
                    settled / 1024);
            if (console.pid() > 0) {
                System.out.println("threads: " + Files.list(Path.of("/proc/" + console.pid() + "/task")).count());
            }
        } finally {
            console.destroy();
            console.waitFor();
        }
    }

    /** Signs in once (changing the initial password), then loads pages; returns VmRSS right after. */
    private static long pageLoads(String base, int count) throws Exception {
        Path profile = Files.createTempDirectory("miniman-bench-chromium");
        ConsoleSession session = ConsoleSession.debian(profile, base);
        long pid = ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("miniman.jar"))
                .mapToLong(ProcessHandle::pid).max().orElse(-1);
        try {
            session.firstSignIn("admin", "Bench-initial-1", "Bench-changed-22");
            String[] pages = {"/", "/operations", "/users"};
            for (int i = 0; i < count; i++) {
                session.browser().get(base + pages[i % pages.length]);
                session.await().until(d -> !d.findElements(By.cssSelector("vaadin-app-layout")).isEmpty());
            }
            return rssKb(pid);
        } finally {
            session.browser().quit();
            FileSystemUtils.deleteRecursively(profile);
        }
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static void awaitReady(String base, Process console) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        while (true) {
            if (!console.isAlive()) {
                throw new IllegalStateException("the console exited");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(50);
        }
    }
}
