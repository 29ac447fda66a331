package io.miniman.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.util.FileSystemUtils;

import io.miniman.browser.ConsoleSession;
import io.miniman.docker.DockerTestEngine;

/**
 * The console's footprint as a box runs it, not a test: prints "aim / measured / ok|MISSED" lines.
 * src/test/bench/footprint.sh prepares what install.sh does (extracted jar, class-data archive, the JVM
 * options file) and runs this; nginx with the box's site and Debian's gzip settings fronts the console,
 * and the browser reaches nginx on a non-loopback address, so Chromium asks for what a phone on the WiFi
 * asks for (gzip, no brotli: that is only offered to secure origins).
 */
public final class FootprintBenchmark {

    private static final String PASSWORD = "Bench-initial-1";
    private static final String CHANGED = "Bench-changed-22";
    private static final int SESSIONS = Integer.getInteger("bench.sessions", 20);

    private final Path work;

    private FootprintBenchmark(Path work) {
        this.work = work;
    }

    /** Arguments: the JVM options file (one flag a line) and the extracted jar. */
    public static void main(String[] args) throws Exception {
        Path options = Path.of(args[0]);
        Path jar = Path.of(args[1]);
        Path work = Files.createTempDirectory("miniman-footprint");
        try {
            new FootprintBenchmark(work).run(options, jar);
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    private void run(Path options, Path jar) throws Exception {
        int consolePort = freePort();
        BoxNginx nginx = BoxNginx.start(work, consolePort, freePort());
        BoxConsole empty = BoxConsole.start(work, options, jar, consolePort);
        empty.close();
        // a box boots with its data on every boot but the first: no schema to create, no password to hash
        BoxConsole console = BoxConsole.start(work, options, jar, consolePort);
        Path profile = Files.createDirectories(work.resolve("chromium-first"));
        ConsoleSession first = ConsoleSession.debian(profile, nginx.base());
        ChromeDriver browser = (ChromeDriver) first.browser();
        try {
            startAim("first start (empty data dir)", empty);
            startAim("restart with its data (every later boot)", console);

            PageWeight weight = new PageWeight(nginx.accessLog(), browser);
            weight.mark();
            first.openLoginForm();
            PageWeight.Load login = weight.settle();
            weight.mark();
            first.submitLogin("admin", PASSWORD);
            first.changePassword(PASSWORD, CHANGED);
            first.awaitDashboard();
            PageWeight.Load signIn = weight.settle();
            PageWeight.Load dashboard = coldDashboard(nginx, browser.manage().getCookieNamed("JSESSIONID").getValue());
            aim("login page on the wire (nothing cached, " + login.count() + " requests)", login.kilobytes(), 250, "kB");
            aim("dashboard on the wire (nothing cached, signed in, " + dashboard.count() + " requests)",
                    dashboard.kilobytes(), 400, "kB");
            System.out.printf(Locale.ROOT, "  (sign-in, password change and dashboard after the login page: %.0f kB in %d requests)%n",
                    signIn.kilobytes(), signIn.count());
            Set<String> hosts = new TreeSet<>(login.hosts());
            hosts.addAll(signIn.hosts());
            hosts.addAll(dashboard.hosts());
            hosts.remove(nginx.host());
            System.out.println("  requests to another host: " + (hosts.isEmpty() ? "none" : hosts));
            System.out.println("  login page's biggest: " + login.biggest(6));
            System.out.println("  dashboard's biggest: " + dashboard.biggest(6));

            Thread.sleep(10_000);
            aim("private memory idle after one sign-in (Private_Dirty)", console.privateDirtyKb() / 1024.0, 150, "MB");
            Memory before = console.afterGc();
            System.out.println("  after a full GC: " + before);
            console.nativeMemory().forEach(line -> System.out.println("    " + line));

            ChromeDriver many = sessions(nginx.base(), SESSIONS);
            try {
                Thread.sleep(10_000);
                Memory after = console.afterGc();
                System.out.println("  with " + SESSIONS + " more sessions, after a full GC: " + after);
                System.out.println("  threads with them open: " + console.threadGroups());
                aim("private memory per further session (Private_Dirty, after GC)",
                        (after.privateDirtyKb() - before.privateDirtyKb()) / 1024.0 / SESSIONS, 2, "MB");
                aim("live heap per further session (class histogram total)",
                        (after.heapBytes() - before.heapBytes()) / 1048576.0 / SESSIONS, 2, "MB");
                System.out.println("  biggest growth of live objects over the sessions:");
                after.histogram().growthOver(before.histogram(), 12).forEach(line -> System.out.println("    " + line));
            } finally {
                many.quit();
            }

            browser.manage().window().setSize(new Dimension(1280, 800));
            browser.get(nginx.base() + "/docker/containers");
            aim("push freshness: container made by the CLI in the open grid (worst of 5)",
                    new PushFreshness(first).worstSeconds(5), 2, "s");
            System.out.println("  threads of the console: " + console.threads());
        } finally {
            browser.quit();
            console.close();
            nginx.close();
        }
    }

    private void startAim(String which, BoxConsole console) {
        aim("start to ready, " + which, console.readySeconds(), 3, "s");
        System.out.printf(Locale.ROOT, "  (cpu %.2f s by then)%n", console.cpuSecondsAtReady());
    }

    /** A phone with nothing cached opens the dashboard in the signed-in session {@code cookie}. */
    private PageWeight.Load coldDashboard(BoxNginx nginx, String cookie) throws Exception {
        ConsoleSession session = ConsoleSession.debian(Files.createDirectories(work.resolve("chromium-cold")), nginx.base());
        ChromeDriver browser = (ChromeDriver) session.browser();
        try {
            browser.manage().window().setSize(new Dimension(360, 640));
            browser.executeCdpCommand("Network.enable", Map.of());
            browser.executeCdpCommand("Network.setCookie", Map.of("name", "JSESSIONID", "value", cookie, "url", nginx.base()));
            PageWeight weight = new PageWeight(nginx.accessLog(), browser);
            weight.mark();
            browser.get(nginx.base() + "/");
            session.awaitDashboard();
            return weight.settle();
        } finally {
            browser.quit();
        }
    }

    /** {@code count} sessions, each signed in in its own tab with its own cookie, its dashboard left open. */
    private ChromeDriver sessions(String base, int count) throws IOException {
        Path profile = Files.createDirectories(work.resolve("chromium-sessions"));
        ConsoleSession session = ConsoleSession.debian(profile, base);
        ChromeDriver browser = (ChromeDriver) session.browser();
        try {
            signInEach(session, browser, base, count);
        } catch (RuntimeException e) {
            browser.quit();
            throw e;
        }
        return browser;
    }

    private static void signInEach(ConsoleSession session, ChromeDriver browser, String base, int count) {
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                browser.switchTo().newWindow(WindowType.TAB);
            }
            // the tabs before keep their UI and push connection; the next sign-in makes a new session
            browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            browser.get(base + "/login");
            session.submitLogin("admin", CHANGED);
            session.awaitDashboard();
            // as a phone's tab in the background: the page stops running, its session and push connection stay
            browser.executeCdpCommand("Page.setWebLifecycleState", Map.of("state", "frozen"));
        }
    }

    private void aim(String what, double measured, double aim, String unit) {
        String line = String.format(Locale.ROOT, "%-75s aim <= %5s %-2s / measured %7.2f %-2s / %s", what,
                trim(aim), unit, measured, unit, measured <= aim ? "ok" : "MISSED");
        System.out.println(line);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Memory of the console right after a full GC. */
    record Memory(long privateDirtyKb, long heapBytes, Histogram histogram) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Private_Dirty %.1f MB, live heap %.1f MB", privateDirtyKb / 1024.0,
                    heapBytes / 1048576.0);
        }
    }

    /** A container started with the docker CLI appears in the open Containers grid: seconds from the CLI's return. */
    private record PushFreshness(ConsoleSession session) {

        double worstSeconds(int times) throws Exception {
            String prefix = DockerTestEngine.name("footprint");
            String image = DockerTestEngine.image();
            session.await().until(d -> !d.findElements(By.cssSelector("input[placeholder='name, image or id']")).isEmpty());
            session.browser().findElement(By.cssSelector("input[placeholder='name, image or id']")).sendKeys(prefix);
            List<Double> seconds = new ArrayList<>();
            try {
                for (int i = 0; i < times; i++) {
                    String name = prefix + "-" + i;
                    DockerTestEngine.docker(List.of("run", "-d", "--name", name, image, "sleep", "600"));
                    long created = System.nanoTime();
                    while (!shown(name)) {
                        if (System.nanoTime() - created > 30_000_000_000L) {
                            throw new IllegalStateException(name + " not shown after 30 s");
                        }
                        Thread.sleep(10);
                    }
                    seconds.add((System.nanoTime() - created) / 1e9);
                }
            } finally {
                DockerTestEngine.cleanUp();
            }
            System.out.println("  push freshness each (s): " + seconds);
            return Collections.max(seconds);
        }

        private boolean shown(String name) {
            return Boolean.TRUE.equals(session.js("return Array.from(document.querySelectorAll('vaadin-grid-cell-content'))"
                    + ".some(c => c.textContent.includes(arguments[0]))", name));
        }
    }

    /** The console started as the box's unit starts it: its environment, its options file, the extracted jar. */
    static final class BoxConsole implements AutoCloseable {

        private final Process process;
        private final double readySeconds;
        private final double cpuAtReady;

        private BoxConsole(Process process, double readySeconds, double cpuAtReady) {
            this.process = process;
            this.readySeconds = readySeconds;
            this.cpuAtReady = cpuAtReady;
        }

        static BoxConsole start(Path work, Path options, Path jar, int port) throws Exception {
            Path data = work.resolve("data");
            ProcessBuilder builder = new ProcessBuilder("java", "@" + options, "-Dorg.sqlite.tmpdir=" + data.resolve("native"),
                    "-jar", jar.toString()).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(work.resolve("console.log").toFile());
            Map<String, String> env = builder.environment();
            env.put("MALLOC_ARENA_MAX", "2");
            env.put("MINIMAN_DATA_DIR", data.toString());
            env.put("MINIMAN_HOST_ROOT", work.resolve("host").toString());
            env.put("MINIMAN_STACKSDIR", work.resolve("stacks").toString());
            env.put("MINIMAN_BIND_ADDRESS", "127.0.0.1");
            env.put("MINIMAN_PORT", String.valueOf(port));
            env.put("MINIMAN_ADMIN_PASSWORD", PASSWORD);
            HttpClient http = HttpClient.newHttpClient();
            URI login = URI.create("http://127.0.0.1:" + port + "/login");
            long started = System.nanoTime();
            Process process = builder.start();
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the console exited: " + Files.readString(work.resolve("console.log")));
                }
                try {
                    if (http.send(HttpRequest.newBuilder(login).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(50);
            }
            double ready = (System.nanoTime() - started) / 1e9;
            String[] stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat")).split("\\) ")[1].split(" ");
            // utime and stime, fields 14 and 15 of stat, in clock ticks (100 a second on Linux)
            double cpu = (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / 100.0;
            return new BoxConsole(process, ready, cpu);
        }

        double readySeconds() {
            return readySeconds;
        }

        double cpuSecondsAtReady() {
            return cpuAtReady;
        }

        long privateDirtyKb() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/smaps_rollup"))) {
                if (line.startsWith("Private_Dirty:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            throw new IllegalStateException("no Private_Dirty in smaps_rollup");
        }

        /** Thread names without their numbers, counted, most first: what a session costs in threads. */
        String threadGroups() throws Exception {
            Map<String, Long> groups = new java.util.TreeMap<>();
            Matcher name = Pattern.compile("(?m)^\"([^\"]*)\"").matcher(jcmd("Thread.print"));
            while (name.find()) {
                groups.merge(name.group(1).replaceAll("[-#]?\\d+", "#"), 1L, Long::sum);
            }
            return groups.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                    .map(e -> e.getValue() + " " + e.getKey()).collect(java.util.stream.Collectors.joining(", "));
        }

        long threads() throws IOException {
            try (var tasks = Files.list(Path.of("/proc/" + process.pid() + "/task"))) {
                return tasks.count();
            }
        }

        /** The class histogram runs a full GC first; its total is the live heap, its lines say of what. */
        Memory afterGc() throws Exception {
            Histogram histogram = Histogram.parse(jcmd("GC.class_histogram"));
            // the heap shrinks after that collection (MaxHeapFreeRatio) once the next one runs
            jcmd("GC.run");
            Thread.sleep(1_000);
            return new Memory(privateDirtyKb(), histogram.totalBytes(), histogram);
        }

        /**
         * Where the JVM's own memory goes, committed per NMT category, largest first; nothing unless the
         * flags turn on -XX:NativeMemoryTracking=summary (it costs memory of its own, so it is not a default).
         */
        List<String> nativeMemory() throws Exception {
            Pattern category = Pattern.compile("(?m)^-\\s+(\\S.*?)\\s*\\(reserved=\\d+KB, committed=(\\d+)KB\\)");
            String summary;
            try {
                summary = jcmd("VM.native_memory summary");
            } catch (IllegalStateException off) {
                return List.of();
            }
            Matcher m = category.matcher(summary);
            Map<String, Long> committed = new java.util.LinkedHashMap<>();
            while (m.find()) {
                committed.put(m.group(1), Long.parseLong(m.group(2)));
            }
            if (committed.isEmpty()) {
                return List.of();
            }
            List<String> out = new ArrayList<>(List.of(String.format(Locale.ROOT, "NMT committed, total %.1f MB:",
                    committed.values().stream().mapToLong(Long::longValue).sum() / 1024.0)));
            committed.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
                    .forEach(e -> out.add(String.format(Locale.ROOT, "  %-28s %7.1f MB", e.getKey(), e.getValue() / 1024.0)));
            return out;
        }

        private String jcmd(String command) throws Exception {
            Process jcmd = new ProcessBuilder("jcmd", String.valueOf(process.pid()), command).redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (jcmd.waitFor() != 0) {
                throw new IllegalStateException("jcmd " + command + ": " + out);
            }
            return out;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }
}
