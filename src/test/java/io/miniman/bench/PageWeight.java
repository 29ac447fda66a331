package io.miniman.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Bytes on the wire as nginx sent them ($bytes_sent: headers and the possibly gzipped body, every request
 * including a service worker's), from a mark until nginx has been quiet for three seconds. The push
 * WebSocket is left out (it is logged when it closes, with whatever was pushed until then). The hosts the
 * page asked for come from Chromium's performance log, which sees requests nginx never gets.
 */
final class PageWeight {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path accessLog;
    private final WebDriver browser;
    private long mark;

    PageWeight(Path accessLog, WebDriver browser) {
        this.accessLog = accessLog;
        this.browser = browser;
    }

    /** Starts counting here. */
    void mark() throws IOException {
        mark = Files.size(accessLog);
        browser.manage().logs().get(LogType.PERFORMANCE);
    }

    /** Waits for nginx to go quiet, then sums what it sent since the mark. */
    Load settle() throws Exception {
        long size = Files.size(accessLog);
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < 3_000_000_000L) {
            Thread.sleep(200);
            long now = Files.size(accessLog);
            if (now != size) {
                size = now;
                quietSince = System.nanoTime();
            }
        }
        List<Request> requests = new ArrayList<>();
        String text = new String(Files.readAllBytes(accessLog), java.nio.charset.StandardCharsets.UTF_8).substring((int) mark);
        for (String line : text.split("\n")) {
            String[] f = line.split(" ");
            if (f.length >= 4 && !f[3].startsWith("/VAADIN/push")) {
                requests.add(new Request(f[3], Long.parseLong(f[0]), f.length > 4 ? f[4] : "-"));
            }
        }
        Set<String> hosts = new TreeSet<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            if (message.path("method").asText().equals("Network.requestWillBeSent")) {
                String url = message.path("params").path("request").path("url").asText();
                if (url.startsWith("http")) {
                    hosts.add(URI.create(url).getHost());
                }
            }
        }
        return new Load(requests, hosts);
    }

    record Request(String path, long bytes, String encoding) {
    }

    record Load(List<Request> requests, Set<String> hosts) {

        double kilobytes() {
            return requests.stream().mapToLong(Request::bytes).sum() / 1000.0;
        }

        int count() {
            return requests.size();
        }

        String biggest(int n) {
            return requests.stream().sorted(Comparator.comparingLong(Request::bytes).reversed()).limit(n)
                    .map(r -> String.format(Locale.ROOT, "%s %.0f kB%s", r.path().replaceAll("-[\\w-]{8}\\.js$", ".js")
                            .replaceAll("chunk-(\\w{8})\\w+", "chunk-$1"), r.bytes() / 1000.0,
                            r.encoding().equals("-") ? "" : " " + r.encoding()))
                    .collect(Collectors.joining(", "));
        }
    }
}
