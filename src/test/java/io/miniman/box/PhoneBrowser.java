package io.miniman.box;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.RemoteWebDriver;

import io.miniman.browser.ConsoleSession;
import io.miniman.network.testsupport.ScratchNetns;

/**
 * Chromium inside the phone's namespace, so its traffic reaches the box over the "WiFi" only: chromedriver
 * runs in the namespace (the Chromium it launches inherits it), and a socat on the host's loopback carries
 * WebDriver's calls in, each connection through {@code ip netns exec}.
 */
final class PhoneBrowser implements AutoCloseable {

    private static final int DRIVER_PORT = 9515;

    private final Process chromedriver;
    private final Process forwarder;
    private final RemoteWebDriver driver;

    private PhoneBrowser(Process chromedriver, Process forwarder, RemoteWebDriver driver) {
        this.chromedriver = chromedriver;
        this.forwarder = forwarder;
        this.driver = driver;
    }

    static PhoneBrowser start(ScratchNetns phone, Path chromium, Path work) throws IOException {
        Process chromedriver = new ProcessBuilder("ip", "netns", "exec", phone.name(), "chromedriver",
                "--port=" + DRIVER_PORT).redirectErrorStream(true)
                .redirectOutput(work.resolve("chromedriver.log").toFile()).start();
        Process forwarder = null;
        try {
            int port = freePort();
            forwarder = new ProcessBuilder("socat", "TCP-LISTEN:" + port + ",bind=127.0.0.1,fork,reuseaddr",
                    // quoted: socat would read the inner address's colons as options of EXEC
                    "EXEC:\"ip netns exec " + phone.name() + " socat STDIO TCP:127.0.0.1:" + DRIVER_PORT + "\"")
                    .redirectErrorStream(true).redirectOutput(work.resolve("socat.log").toFile()).start();
            URI driverUri = URI.create("http://127.0.0.1:" + port);
            awaitDriver(driverUri);
            ChromeOptions options = ConsoleSession.phoneChromium(chromium, work.resolve("chromium"));
            // after install --tls: the box's self-signed certificate, as its admin accepts it once
            options.setAcceptInsecureCerts(true);
            RemoteWebDriver driver = new RemoteWebDriver(driverUri.toURL(), options);
            return new PhoneBrowser(chromedriver, forwarder, driver);
        } catch (IOException | RuntimeException e) {
            stop(forwarder);
            stop(chromedriver);
            throw e;
        }
    }

    RemoteWebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            stop(forwarder);
            stop(chromedriver);
        }
    }

    private static void awaitDriver(URI driverUri) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                if (http.send(HttpRequest.newBuilder(driverUri.resolve("/status")).build(),
                        HttpResponse.BodyHandlers.ofString()).body().contains("\"ready\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // chromedriver or the forwarder is still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            SimulatedBox.sleep(200);
        }
        throw new IOException("chromedriver in the phone's namespace did not answer at " + driverUri);
    }

    /** The process and what it started (Chromium under chromedriver, socat's per-connection children). */
    private static void stop(Process process) {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
