package io.miniman.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.miniman.testsupport.Requires;

/**
 * The packaged jar, started as a new user would on an empty data dir, driven by Debian's Chromium on a
 * phone-sized window: the login page loads everything from the console itself, the first login forces
 * the password change, and the dashboard's charts move by push.
 */
class ConsoleBrowserIT {

    private static Process console;
    private static Path dataDir;
    private static int port;
    private static ChromeDriver browser;
    private static ConsoleSession session;

    @BeforeAll
    static void start() throws Exception {
        Path chromium = Requires.program("chromium");
        Path chromedriver = Requires.program("chromedriver");
        Path jar = Path.of(System.getProperty("miniman.jar", "target/miniman.jar"));
        Requires.that(Files.isRegularFile(jar), "the packaged jar " + jar + " (run ./mvnw verify)");

        dataDir = Files.createTempDirectory("miniman-it");
        port = freePort();
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", jar.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("console.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("MINIMAN_DATA_DIR", dataDir.resolve("data").toString());
        env.put("MINIMAN_PORT", String.valueOf(port));
        env.remove("MINIMAN_ADMIN_PASSWORD");
        console = builder.start();
        awaitReady();

        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, ConsoleSession.phoneChromium(chromium, dataDir.resolve("chrome")));
        session = new ConsoleSession(browser, base());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (console != null) {
            console.destroy();
        }
    }

    @Test
    void aNewUserSignsInChangesThePasswordAndSeesLiveCharts() throws Exception {
        String initialPassword = Files.readString(dataDir.resolve("data/initial-admin-password")).strip();
        session.openLoginForm();

        // every request the page made went to the console itself: the box has no internet
        List<String> hosts = browser.manage().logs().get(LogType.PERFORMANCE).getAll().stream()
                .map(entry -> entry.getMessage())
                .filter(m -> m.contains("\"Network.requestWillBeSent\""))
                .map(m -> m.replaceAll(".*\"url\":\"([a-z]+://[^/\"]*)[^\"]*\".*", "$1"))
                .filter(origin -> origin.matches("(https?|wss?)://.*"))
                .distinct().toList();
        assertThat(hosts).containsExactly(base());

        session.submitLogin("admin", "wrong-password");
        WebDriverWait wait = session.await();
        wait.until(d -> d.getCurrentUrl().contains("error"));
        String error = (String) wait.until(d -> session.js("const f = document.querySelector('vaadin-login-form');"
                + " return f && f.error ? f.i18n.errorMessage.message : null"));
        assertThat(error).isEqualTo("Incorrect user name or password.");

        session.submitLogin("admin", initialPassword);
        session.awaitPasswordChangeForm();
        wait.until(d -> d.getCurrentUrl().endsWith("/change-password"));
        // whatever the user opens, the change comes first
        browser.get(base() + "/operations");
        session.changePassword(initialPassword, "Brand-new-pass-77");

        session.awaitChartGrowsByPush();
        assertThat(browser.findElement(By.id("memory-chart")).findElements(By.cssSelector("svg"))).isNotEmpty();
    }

    private static String base() {
        return "http://localhost:" + port;
    }

    private static void awaitReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (!console.isAlive()) {
                throw new IllegalStateException("console exited: " + Files.readString(dataDir.resolve("console.log")));
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
        throw new IllegalStateException("console not ready in 60 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
