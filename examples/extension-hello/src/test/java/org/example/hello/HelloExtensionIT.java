package org.example.hello;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import io.miniman.browser.ConsoleSession;
import io.miniman.browser.PackagedConsole;
import io.miniman.testsupport.Requires;

/**
 * The packaged console started as on a box, with this extension's jar dropped into its extensions folder
 * (beside the data folder) next to two jars it must skip; signed in from Chromium, the page works with
 * push and its button's operation ends on screen, and the admin's Extensions page says what was skipped.
 */
class HelloExtensionIT {

    private static final String PASSWORD = "Hello-extension-pw-7";
    private static PackagedConsole console;
    private static WebDriver browser;
    private static ConsoleSession session;

    @BeforeAll
    static void start() throws Exception {
        Path chromium = Requires.program("chromium");
        Path chromedriver = Requires.program("chromedriver");
        Path jar = Path.of(System.getProperty("extension.jar", "target/extension-hello.jar"));
        Requires.that(Files.isRegularFile(jar), "the extension's jar " + jar + " (run mvn verify)");

        Path folder = Files.createTempDirectory("miniman-extension-it");
        Path extensions = Files.createDirectories(folder.resolve("extensions"));
        Files.copy(jar, extensions.resolve("extension-hello.jar"));
        Files.writeString(extensions.resolve("broken.jar"), "not a zip at all");
        try (OutputStream out = Files.newOutputStream(extensions.resolve("future.jar"));
                JarOutputStream future = new JarOutputStream(out)) {
            future.putNextEntry(new JarEntry("META-INF/miniman-extension.properties"));
            future.write("name=future\npackage=org.example.future\napi-version=99\n".getBytes(StandardCharsets.UTF_8));
        }
        console = PackagedConsole.start(folder, Map.of("MINIMAN_ADMIN_PASSWORD", PASSWORD));
        session = ConsoleSession.local(chromium, chromedriver, folder.resolve("chrome"), console.base());
        browser = session.browser();
        session.openLoginForm();
        session.submitLogin("admin", PASSWORD);
        session.changePassword(PASSWORD, PASSWORD + "-2");
        session.await().until(d -> !d.getCurrentUrl().endsWith("/change-password"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (console != null) {
            console.close();
        }
    }

    @Test
    void thePageShowsALiveFigureAndItsButtonRunsAnOperationToTheEnd() {
        browser.get(console.base() + "/extensions/hello");

        session.await().until(d -> text("hello-cpu").matches("CPU: \\d+ % on .+"));
        assertThat((String) session.js("return Array.from(document.querySelectorAll('vaadin-side-nav-item'))"
                + ".map(i => i.textContent.trim()).join('|')")).contains("Extensions", "Hello");

        session.js("Array.from(document.querySelectorAll('vaadin-button')).find(b => b.textContent.includes('Say hello')).click()");
        session.await().until(d -> text("hello-outcome").startsWith("Hello admin from "));
    }

    @Test
    void theAdminsExtensionsPageNamesTheSkippedJarsAndWhy() {
        browser.get(console.base() + "/system/extensions");

        session.await().until(d -> d.findElement(By.tagName("body")).getText().contains("Skipped"));
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).contains("hello 1.0.0", "/extensions/hello", "broken.jar", "it is not a readable jar",
                "future.jar", "it was built for extension API 99; this console provides API 1");
    }

    private static String text(String id) {
        return browser.findElements(By.id(id)).stream().map(e -> e.getText()).findFirst().orElse("");
    }
}
