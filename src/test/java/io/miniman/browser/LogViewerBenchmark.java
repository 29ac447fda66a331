package io.miniman.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import io.miniman.bench.Histogram;
import io.miniman.docker.DockerTestEngine;

/**
 * The log viewer under load, not a test: prints figures. A container writes 1,000 numbered lines a
 * second, then a burst of 10,000 a second, while 1 and then 5 phone-sized headless Chromiums follow its
 * Logs tab on the packaged jar. For each phase it prints how far the newest line drawn is behind the
 * container (now minus the engine's timestamp of the last row on screen, sampled every 200 ms), how long
 * the page's main thread made a posted message wait (what an input event waits, probed every 100 ms),
 * the console's heap after a full GC and the browsers' JS heap after a GC.
 *
 *   src/test/bench/log-viewer.sh             (steady 300 s, burst 10 s; -Dbench.steady=60 shortens)
 */
public final class LogViewerBenchmark {

    private static final String PASSWORD = "Bench-log-viewer-1";
    private static final String VIEWER = "const v = document.querySelector('miniman-log-viewer'); const r = v && v.shadowRoot;";
    private static final String PROBE = VIEWER + """
            window.__probe = {lag: [], loop: []};
            window.__probe.drain = () => { const p = window.__probe; const out = {lag: p.lag, loop: p.loop}; p.lag = []; p.loop = []; return out; };
            setInterval(() => {
              const rows = r.querySelectorAll('.rows .row');
              const last = rows[rows.length - 1];
              if (!last) return;
              const e = v._ring.get(Number(last.dataset.seq) - v._ring.firstSeq);
              if (e && e.time) window.__probe.lag.push(Date.now() - e.time);
            }, 200);
            const channel = new MessageChannel();
            let sent = 0;
            channel.port1.onmessage = () => window.__probe.loop.push(performance.now() - sent);
            setInterval(() => { sent = performance.now(); channel.port2.postMessage(0); }, 100);
            """;

    private LogViewerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int steady = Integer.getInteger("bench.steady", 300);
        int burst = Integer.getInteger("bench.burst", 10);
        Path chromium = Path.of("/usr/bin/chromium");
        Path chromedriver = Path.of("/usr/bin/chromedriver");
        String image = DockerTestEngine.image();
        String generator = Files.readString(Path.of("src/test/bench/log-generator.sh"));
        Path folder = Files.createTempDirectory("miniman-log-bench");
        String jvm = System.getProperty("bench.jvm", "-Xmx256m -XX:+UseSerialGC");
        System.out.printf(Locale.ROOT, "log viewer benchmark: %d s at 1,000 lines/s, %d s at 10,000 lines/s, 360x640, console JVM %s%n",
                steady, burst, jvm);
        try (PackagedConsole console = PackagedConsole.start(folder, Map.of("MINIMAN_ADMIN_PASSWORD", PASSWORD,
                "MINIMAN_DOCKER_HOST", DockerTestEngine.host(), "JAVA_TOOL_OPTIONS", jvm))) {
            String password = PASSWORD;
            for (int viewers : new int[] {1, 5}) {
                String container = DockerTestEngine.name("log-bench-" + viewers);
                List<ConsoleSession> sessions = new ArrayList<>();
                try {
                    DockerTestEngine.Cli run = DockerTestEngine.docker(List.of("run", "-d", "--init", "--name", container,
                            "-e", "S=" + (steady + 15), "-e", "B=" + burst, "-e", "R=1000", "-e", "BR=10000", image, "sh", "-c", generator));
                    if (run.exitCode() != 0) {
                        throw new IllegalStateException(run.output());
                    }
                    for (int i = 0; i < viewers; i++) {
                        ConsoleSession session = open(chromium, chromedriver, folder.resolve("chrome-" + viewers + "-" + i), console.base());
                        sessions.add(session);
                        session.openLoginForm();
                        session.submitLogin("admin", password);
                        if (password.equals(PASSWORD)) {
                            password = PASSWORD + "-2";
                            session.changePassword(PASSWORD, password);
                        }
                        session.await().until(d -> !d.getCurrentUrl().contains("login") && !d.getCurrentUrl().endsWith("/change-password"));
                        session.browser().get(console.base() + "/docker/container/" + container);
                        session.await().until(d -> Boolean.TRUE.equals(session.js(
                                "return !!Array.from(document.querySelectorAll('vaadin-tab')).find(t => t.textContent.trim() === 'Logs')")));
                        session.js("Array.from(document.querySelectorAll('vaadin-tab')).find(t => t.textContent.trim() === 'Logs').click()");
                        session.await().until(d -> Boolean.TRUE.equals(session.js(VIEWER + "return !!r && v.size > 0")));
                        session.js(PROBE);
                    }
                    // the phases start now, with every browser on the Logs tab
                    DockerTestEngine.Cli go = DockerTestEngine.docker(List.of("exec", container, "touch", "/tmp/go"));
                    if (go.exitCode() != 0) {
                        throw new IllegalStateException("the generator did not start: " + go.output());
                    }
                    long started = System.currentTimeMillis();
                    System.out.printf(Locale.ROOT, "%n== %d viewer(s) of one container ==%n", viewers);
                    long steadyEnd = started + (steady + 15) * 1000L;
                    sleepUntil(Math.max(System.currentTimeMillis() + 2000, started + 15_000));
                    drain(sessions);
                    List<Histogram> serverHeap = new ArrayList<>();
                    List<String> browserHeap = new ArrayList<>();
                    serverHeap.add(heapAfterGc(console.pid()));
                    browserHeap.add(jsHeap(sessions));
                    while (System.currentTimeMillis() < steadyEnd - 1000) {
                        sleepUntil(Math.min(steadyEnd - 1000, System.currentTimeMillis() + 60_000));
                        serverHeap.add(heapAfterGc(console.pid()));
                        browserHeap.add(jsHeap(sessions));
                    }
                    sleepUntil(steadyEnd);
                    report("1,000 lines/s", drain(sessions), sessions);
                    sleepUntil(steadyEnd + burst * 1000L + 5000);
                    report("burst 10,000 lines/s (+5 s after)", drain(sessions), sessions);
                    serverHeap.add(heapAfterGc(console.pid()));
                    browserHeap.add(jsHeap(sessions));
                    System.out.println("  console heap after full GC (MB), start → every 60 s → after burst: "
                            + String.join(" ", serverHeap.stream().map(LogViewerBenchmark::megabytes).toList()));
                    Histogram largest = serverHeap.stream().max(Comparator.comparingLong(Histogram::totalBytes)).orElseThrow();
                    System.out.println("  grown most from the start to the largest of them:");
                    largest.growthOver(serverHeap.get(0), 8).forEach(line -> System.out.println("    " + line));
                    System.out.println("  browser JS heap after GC (MB, largest of the viewers), same points: " + String.join(" ", browserHeap));
                    System.out.printf(Locale.ROOT, "  lines skipped (largest of the viewers): %d; container wrote %d lines%n",
                            sessions.stream().mapToLong(s -> ((Number) s.js(VIEWER + "return v._dropped")).longValue()).max().orElse(0),
                            linesWritten(container));
                } finally {
                    sessions.forEach(s -> s.browser().quit());
                    DockerTestEngine.docker(List.of("rm", "-f", container));
                }
            }
        }
    }

    private static ConsoleSession open(Path chromium, Path chromedriver, Path userData, String base) {
        ChromeOptions options = ConsoleSession.phoneChromium(chromium, userData);
        options.addArguments("--enable-precise-memory-info", "--js-flags=--expose-gc");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        return new ConsoleSession(new ChromeDriver(service, options), base);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, List<Number>>> drain(List<ConsoleSession> sessions) {
        List<Map<String, List<Number>>> out = new ArrayList<>();
        for (ConsoleSession session : sessions) {
            out.add((Map<String, List<Number>>) session.js("return window.__probe.drain()"));
        }
        return out;
    }

    private static void report(String phase, List<Map<String, List<Number>>> samples, List<ConsoleSession> sessions) {
        List<Double> lag = new ArrayList<>();
        List<Double> loop = new ArrayList<>();
        for (Map<String, List<Number>> viewer : samples) {
            viewer.get("lag").forEach(n -> lag.add(n.doubleValue()));
            viewer.get("loop").forEach(n -> loop.add(n.doubleValue()));
        }
        System.out.printf(Locale.ROOT, "  %s: newest line on screen behind the container p50 %.0f ms, p95 %.0f ms, max %.0f ms (%d samples);"
                        + " input wait p95 %.0f ms, max %.0f ms (%d probes)%n",
                phase, percentile(lag, 50), percentile(lag, 95), percentile(lag, 100), lag.size(),
                percentile(loop, 95), percentile(loop, 100), loop.size());
    }

    private static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - (p == 0 ? 0 : 1)));
    }

    /**
     * The live heap: the class histogram collects and counts in one pause, where a GC followed by a heap
     * report counted what the console allocated between the two (megabytes at 5,000 lines a second).
     */
    private static Histogram heapAfterGc(long pid) throws Exception {
        return Histogram.parse(jcmd(pid, "GC.class_histogram"));
    }

    private static String megabytes(Histogram heap) {
        return String.format(Locale.ROOT, "%.1f", heap.totalBytes() / 1024.0 / 1024);
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    private static String jsHeap(List<ConsoleSession> sessions) {
        double max = 0;
        for (ConsoleSession session : sessions) {
            Number bytes = (Number) session.js("window.gc(); return performance.memory.usedJSHeapSize");
            max = Math.max(max, bytes.doubleValue());
        }
        return String.format(Locale.ROOT, "%.1f", max / 1024 / 1024);
    }

    /** The generator numbers its lines: the engine's last line says how many it wrote. */
    private static long linesWritten(String container) {
        Matcher last = Pattern.compile("line (\\d+) ").matcher(DockerTestEngine.docker(List.of("logs", "--tail", "1", container)).output());
        return last.find() ? Long.parseLong(last.group(1)) : 0;
    }

    private static void sleepUntil(long epochMillis) throws InterruptedException {
        long wait = epochMillis - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
