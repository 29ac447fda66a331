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
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.miniman.testsupport.Requires;

/**
 * The stack editor in a real browser on a phone-sized window: CodeMirror loads from the console's own
 * bundle, typing reaches the server, and a save that compose refuses marks the line in the editor while
 * the file on disk stays as it was. The stack is a folder made by hand before the start (an import).
 */
@Tag("engine")
class StackEditorBrowserIT {

    private static final String PASSWORD = "Stack-editor-pw-42";
    private static final String GOOD = "services:\n  app:\n    image: busybox:1.36\n";
    private static Process console;
    private static Path dataDir;
    private static int port;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Path chromium = Requires.program("chromium");
        Path chromedriver = Requires.program("chromedriver");
        Requires.program("docker-compose");
        Path jar = Path.of(System.getProperty("miniman.jar", "target/miniman.jar"));
        Requires.that(Files.isRegularFile(jar), "the packaged jar " + jar + " (run ./mvnw verify)");

        dataDir = Files.createTempDirectory("miniman-stack-it");
        Path stack = Files.createDirectories(dataDir.resolve("data/stacks/demo"));
        Files.writeString(stack.resolve("compose.yaml"), GOOD);
        port = freePort();
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", jar.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("console.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("MINIMAN_DATA_DIR", dataDir.resolve("data").toString());
        env.put("MINIMAN_PORT", String.valueOf(port));
        env.put("MINIMAN_ADMIN_PASSWORD", PASSWORD);
        console = builder.start();
        awaitReady();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + dataDir.resolve("chrome"));
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
    void typingABrokenLineAndSavingMarksItAndKeepsTheFile() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(base() + "/");
        WebElement form = wait.until(d -> d.findElement(By.cssSelector("vaadin-login-form")));
        form.findElement(By.cssSelector("input[name='username']")).sendKeys("admin");
        form.findElement(By.cssSelector("input[name='password']")).sendKeys(PASSWORD);
        form.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/change-password"));
        setPassword("Current password", PASSWORD);
        setPassword("New password", PASSWORD + "-2");
        setPassword("Repeat new password", PASSWORD + "-2");
        js("Array.from(document.querySelectorAll('vaadin-button')).find(b => b.textContent.includes('Change password')).click()");
        wait.until(d -> !d.getCurrentUrl().endsWith("/change-password"));

        browser.get(base() + "/docker/stack/demo");
        wait.until(d -> Boolean.TRUE.equals(js("return !!Array.from(document.querySelectorAll('vaadin-tab')).find(t => t.textContent.includes('Compose file'))")));
        js("Array.from(document.querySelectorAll('vaadin-tab')).find(t => t.textContent.includes('Compose file')).click()");
        WebElement content = wait.until(d -> d.findElement(By.cssSelector("miniman-code-editor .cm-content")));
        assertThat(content.getText()).contains("image: busybox:1.36");
        // the highlighter ran: YAML keys are in spans of their own
        assertThat(content.findElements(By.cssSelector(".cm-line span"))).isNotEmpty();

        // a phone-sized window: the editor sits below the fold until scrolled to
        js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();", content);
        // where the caret lands depends on where the driver clicks; no brackets or quotes: the editor closes those itself
        content.sendKeys(Keys.ENTER, "bad: a: b", Keys.ENTER);
        // a tap on Save moves the focus first; a scripted click does not, so leave the editor as a tap would
        js("document.activeElement.blur()");
        js("Array.from(document.querySelectorAll('vaadin-button')).find(b => b.textContent.trim() === 'Save').click()");

        wait.until(d -> !d.findElements(By.cssSelector("miniman-code-editor .cm-lintRange-error")).isEmpty());
        String badge = (String) js("return Array.from(document.querySelectorAll('span[theme~=\"badge\"]')).map(s => s.textContent)"
                + ".find(t => t.startsWith('Line ')) || ''");
        assertThat(badge).matches("Line (\\d+): YAML error at line \\1, .*");
        // the line marked in the editor is the one the user broke (chromedriver may reorder keys typed into it under load)
        assertThat((String) js("return document.querySelector('miniman-code-editor .cm-lintRange-error').closest('.cm-line').textContent"))
                .contains("a: b");
        assertThat(Files.readString(dataDir.resolve("data/stacks/demo/compose.yaml"))).isEqualTo(GOOD);
    }

    private static void setPassword(String label, String value) {
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
        // generous: on the shared 2-core test machine a start took over two minutes
        long deadline = System.currentTimeMillis() + 300_000;
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
        throw new IllegalStateException("console not ready in 300 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
