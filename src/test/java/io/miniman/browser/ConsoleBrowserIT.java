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
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
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

        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + dataDir.resolve("chrome"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(360, 640));
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
        browser.get(base() + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        WebElement loginForm = wait.until(d -> d.findElement(By.cssSelector("vaadin-login-form")));

        // every request the page made went to the console itself: the box has no internet
        List<String> hosts = browser.manage().logs().get(LogType.PERFORMANCE).getAll().stream()
                .map(entry -> entry.getMessage())
                .filter(m -> m.contains("\"Network.requestWillBeSent\""))
                .map(m -> m.replaceAll(".*\"url\":\"([a-z]+://[^/\"]*)[^\"]*\".*", "$1"))
                .filter(origin -> origin.matches("(https?|wss?)://.*"))
                .distinct().toList();
        assertThat(hosts).containsExactly(base());

        type(loginForm, "input[name='username']", "admin");
        type(loginForm, "input[name='password']", "wrong-password");
        click(loginForm, "vaadin-button[slot='submit']");
        wait.until(d -> d.getCurrentUrl().contains("error"));
        String error = (String) wait.until(d -> js("const f = document.querySelector('vaadin-login-form');"
                + " return f && f.error ? f.i18n.errorMessage.message : null"));
        assertThat(error).isEqualTo("Incorrect user name or password.");

        loginForm = wait.until(d -> d.findElement(By.cssSelector("vaadin-login-form")));
        type(loginForm, "input[name='username']", "admin");
        type(loginForm, "input[name='password']", initialPassword);
        click(loginForm, "vaadin-button[slot='submit']");

        wait.until(d -> showsPasswordChange());
        wait.until(d -> d.getCurrentUrl().endsWith("/change-password"));
        // whatever the user opens, the change comes first
        browser.get(base() + "/operations");
        wait.until(d -> showsPasswordChange());
        setField("Current password", initialPassword);
        setField("New password", "Brand-new-pass-77");
        setField("Repeat new password", "Brand-new-pass-77");
        js("Array.from(document.querySelectorAll('vaadin-button')).find(b => b.textContent.includes('Change password')).click()");

        wait.until(d -> !d.findElements(By.id("cpu-chart")).isEmpty());
        long before = pointCount();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> pointCount() > before);
        assertThat(browser.findElement(By.id("memory-chart")).findElements(By.cssSelector("svg"))).isNotEmpty();
    }

    private static boolean showsPasswordChange() {
        return Boolean.TRUE.equals(js("return Array.from(document.querySelectorAll('vaadin-password-field'))"
                + ".some(f => f.label === 'Current password')"));
    }

    private long pointCount() {
        Object n = js("const c = document.getElementById('memory-chart'); return c && c._data ? c._data[0].length : 0");
        return ((Number) n).longValue();
    }

    private static void type(SearchContext form, String css, String text) {
        WebElement input = form.findElement(By.cssSelector(css));
        input.clear();
        input.sendKeys(text);
    }

    private static void click(SearchContext form, String css) {
        form.findElement(By.cssSelector(css)).click();
    }

    private static void setField(String label, String value) {
        js("const f = Array.from(document.querySelectorAll('vaadin-password-field')).find(x => x.label === arguments[0]);"
                + "f.value = arguments[1]; f.dispatchEvent(new Event('change', {bubbles: true}));", label, value);
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
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
