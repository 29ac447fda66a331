package io.miniman.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.springframework.util.FileSystemUtils;

import io.miniman.browser.ConsoleSession;
import io.miniman.docker.DockerTestEngine;

/**
 * The REST API's figures, not a test: starts target/miniman.jar on an empty data dir (JVM flags as
 * arguments), makes a token with the jar's own {@code token create} verb, then
 * (1) with 200 containers on the engine, the median latency of GET /api/v1/containers against the engine's
 *     own GET /containers/json?all=1 over its socket, and their ratio;
 * (2) with 20 signed-in console sessions, each with a dashboard UI open, 50 requests/s for 60 s from a
 *     loopback client over a mix of reads: errors and p50/p95/max latency.
 * Needs the engine, the docker CLI, chromium (one sign-in, to replace the initial password):
 *
 *   src/test/bench/api-bench.sh [jvm flags...]
 */
public final class ApiBenchmark {

    private static final String LABEL = "miniman.bench=api";
    private static final String PASSWORD = "Bench-initial-1";
    private static final String CHANGED = "Bench-changed-22";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ApiBenchmark() {
    }

    public static void main(String[] jvmFlags) throws Exception {
        Path jar = Path.of(System.getProperty("bench.jar", "target/miniman.jar")).toAbsolutePath();
        int rate = Integer.getInteger("bench.rate", 50);
        int seconds = Integer.getInteger("bench.seconds", 60);
        int sessions = Integer.getInteger("bench.sessions", 20);
        Path dir = Files.createTempDirectory("miniman-api-bench");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String base = "http://localhost:" + port;
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(List.of(jvmFlags));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("console.log").toFile());
        environment(builder, dir, port);
        Process console = builder.start();
        try {
            awaitReady(base, console);
            makeContainers(200);
            String token = token(jar, dir, port);

            // (1) one run, alternating, after a warm-up of each
            for (int i = 0; i < 5; i++) {
                api(base, token, "/api/v1/containers");
                engineContainers();
            }
            List<Long> apiNanos = new ArrayList<>();
            List<Long> engineNanos = new ArrayList<>();
            int count = 0;
            for (int i = 0; i < 30; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> listed = api(base, token, "/api/v1/containers");
                apiNanos.add(System.nanoTime() - t0);
                count = listed.body().split("\"id\"", -1).length - 1;
                t0 = System.nanoTime();
                engineContainers();
                engineNanos.add(System.nanoTime() - t0);
            }
            double apiMs = median(apiNanos) / 1e6;
            double engineMs = median(engineNanos) / 1e6;
            System.out.printf(Locale.ROOT, "GET /api/v1/containers (%d containers): median %.1f ms; engine /containers/json: "
                    + "median %.1f ms; ratio %.1f%n", count, apiMs, engineMs, apiMs / engineMs);

            // (2) 20 sessions with a dashboard UI each, then a steady rate of API reads
            List<String> cookies = openSessions(base, sessions);
            System.out.printf(Locale.ROOT, "console sessions open with a UI: %d%n", cookies.size());
            load(base, token, rate, seconds);
            System.out.printf(Locale.ROOT, "rss of the console after the load: %d MB%n", rssKb(console.pid()) / 1024);
        } finally {
            console.destroy();
            console.waitFor();
            // prune leaves running containers behind: remove every labelled one, running or not
            String ids = DockerTestEngine.docker(List.of("ps", "-aq", "--filter", "label=" + LABEL)).output().trim();
            if (!ids.isEmpty()) {
                List<String> remove = new ArrayList<>(List.of("rm", "-f"));
                remove.addAll(List.of(ids.split("\\s+")));
                DockerTestEngine.docker(remove);
            }
        }
    }

    private static void environment(ProcessBuilder builder, Path dir, int port) {
        builder.environment().put("MINIMAN_DATA_DIR", dir.resolve("data").toString());
        builder.environment().put("MINIMAN_PORT", String.valueOf(port));
        builder.environment().put("MINIMAN_ADMIN_PASSWORD", PASSWORD);
    }

    /** Created containers (a mix of running and stopped ones, as on a box): listing them is the engine's work. */
    private static void makeContainers(int count) {
        String image = DockerTestEngine.image();
        for (int i = 0; i < count; i++) {
            List<String> args = new ArrayList<>(List.of(i % 4 == 0 ? "run" : "create"));
            if (i % 4 == 0) {
                args.add("-d");
            }
            args.addAll(List.of("--label", LABEL, "--name", "api-bench-" + ProcessHandle.current().pid() + "-" + i, image,
                    "sleep", "3600"));
            DockerTestEngine.docker(args);
        }
    }

    private static String token(Path jar, Path dir, int port) throws Exception {
        ProcessBuilder verb = new ProcessBuilder("java", "-jar", jar.toString(), "token", "create", "--user", "admin",
                "--name", "bench", "--expires", "1d").directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        environment(verb, dir, port);
        Process process = verb.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0 || !out.startsWith("mmt_")) {
            throw new IllegalStateException("token create failed: " + out);
        }
        return out;
    }

    private static HttpResponse<String> api(String base, String token, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The engine's own answer over its socket, as docker-java's transport would ask it. */
    private static byte[] engineContainers() throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of("/var/run/docker.sock"));
            channel.write(ByteBuffer.wrap("GET /containers/json?all=1 HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            while (channel.read(buffer) > 0) {
                out.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            return out.toByteArray();
        }
    }

    /**
     * Replaces the admin's initial password once in a browser (the forced change is a view), then signs in
     * {@code count} times over HTTP and opens the dashboard UI in each session, as a phone's first request does.
     */
    private static List<String> openSessions(String base, int count) throws Exception {
        Path profile = Files.createTempDirectory("miniman-bench-chromium");
        ConsoleSession session = ConsoleSession.debian(profile, base);
        try {
            session.firstSignIn("admin", PASSWORD, CHANGED);
        } finally {
            session.browser().quit();
            FileSystemUtils.deleteRecursively(profile);
        }
        HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        List<String> cookies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> login = noRedirects.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + CHANGED)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID"))
                    .map(c -> c.split(";")[0]).findFirst().orElseThrow(() -> new IllegalStateException("no session"));
            HttpResponse<String> ui = noRedirects.send(HttpRequest.newBuilder(URI.create(base + "/?v-r=init&location=&query="))
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
            if (ui.statusCode() == 200 && ui.body().contains("v-uiId")) {
                cookies.add(cookie);
            }
        }
        return cookies;
    }

    /** Requests at a fixed rate, each on its own, so a slow answer does not slow the rate (open loop). */
    private static void load(String base, String token, int rate, int seconds) throws Exception {
        String[] paths = {"/api/v1/containers", "/api/v1/operations?limit=20", "/api/v1/host", "/api/v1/images",
                "/api/v1/volumes", "/api/v1/docker-networks", "/api/v1/network/settings", "/api/v1/stacks"};
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Map<String, ConcurrentLinkedQueue<Long>> byPath = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        Map<Integer, ConcurrentLinkedQueue<Long>> bySecond = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        AtomicInteger sent = new AtomicInteger();
        List<CompletableFuture<?>> inFlight = Collections.synchronizedList(new ArrayList<>());
        int total = rate * seconds;
        clock.scheduleAtFixedRate(() -> {
            int n = sent.getAndIncrement();
            if (n >= total) {
                return;
            }
            String path = paths[n % paths.length];
            long t0 = System.nanoTime();
            inFlight.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        long took = System.nanoTime() - t0;
                        latencies.add(took);
                        byPath.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).add(took);
                        bySecond.computeIfAbsent((int) ((t0 - start) / 1_000_000_000L), p -> new ConcurrentLinkedQueue<>()).add(took);
                        if (error != null || response.statusCode() != 200) {
                            errors.add(path + " " + (error != null ? error : response.statusCode()));
                        }
                    }));
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        while (sent.get() < total) {
            Thread.sleep(100);
        }
        clock.shutdown();
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(e -> null).get(60, TimeUnit.SECONDS);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "load: %d requests at %d/s for %d s: %d errors; p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                sorted.size(), rate, seconds, errors.size(), percentile(sorted, 50) / 1e6, percentile(sorted, 95) / 1e6,
                sorted.get(sorted.size() - 1) / 1e6);
        // by path, so a slow endpoint is told apart from a console that is slow to answer everything
        new TreeMap<>(byPath).forEach((path, took) -> {
            List<Long> each = new ArrayList<>(took);
            Collections.sort(each);
            System.out.printf(Locale.ROOT, "  %s: p50 %.1f ms, p95 %.1f ms%n", path, percentile(each, 50) / 1e6,
                    percentile(each, 95) / 1e6);
        });
        // by the second they were sent, so a stall of everything at once shows as a slow second
        String slowSeconds = new TreeMap<>(bySecond).entrySet().stream()
                .filter(e -> e.getValue().stream().mapToLong(Long::longValue).max().orElse(0) > 1_000_000_000L)
                .map(e -> e.getKey() + "s:" + e.getValue().stream().mapToLong(Long::longValue).max().orElse(0) / 1_000_000 + "ms")
                .collect(Collectors.joining(" "));
        System.out.println("  seconds with an answer over 1 s (second: slowest): " + (slowSeconds.isEmpty() ? "none" : slowSeconds));
        // by kind, so an overloaded engine (502) is told apart from a console that is slow to answer (timeouts)
        errors.stream().collect(Collectors.groupingBy(e -> e, TreeMap::new, Collectors.counting()))
                .forEach((error, count) -> System.out.println("  errors: " + count + " × " + error));
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return percentile(sorted, 50);
    }

    private static double percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
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
        while (true) {
            if (!console.isAlive()) {
                throw new IllegalStateException("the console exited");
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
    }
}
