package io.miniman.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
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
    private static PackagedConsole console;
    private static WebDriver browser;
    private static ConsoleSession session;

    @BeforeAll
    static void start() throws Exception {
        Path chromium = Requires.program("chromium");
        Path chromedriver = Requires.program("chromedriver");
        Requires.program("docker-compose");

        Path folder = Files.createTempDirectory("miniman-stack-it");
        Path stack = Files.createDirectories(folder.resolve("data/stacks/demo"));
        Files.writeString(stack.resolve("compose.yaml"), GOOD);
        console = PackagedConsole.start(folder, Map.of("MINIMAN_ADMIN_PASSWORD", PASSWORD));

        session = ConsoleSession.local(chromium, chromedriver, folder.resolve("chrome"), console.base());
        browser = session.browser();
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
    void typingABrokenLineAndSavingMarksItAndKeepsTheFile() throws Exception {
        WebDriverWait wait = session.await();
        session.openLoginForm();
        session.submitLogin("admin", PASSWORD);
        session.changePassword(PASSWORD, PASSWORD + "-2");
        wait.until(d -> !d.getCurrentUrl().endsWith("/change-password"));

        browser.get(console.base() + "/docker/stack/demo");
        wait.until(d -> Boolean.TRUE.equals(session.js("return !!Array.from(document.querySelectorAll('vaadin-tab')).find(t => t.textContent.includes('Compose file'))")));
        session.js("Array.from(document.querySelectorAll('vaadin-tab')).find(t => t.textContent.includes('Compose file')).click()");
        WebElement content = wait.until(d -> d.findElement(By.cssSelector("miniman-code-editor .cm-content")));
        assertThat(content.getText()).contains("image: busybox:1.36");
        // the highlighter ran: YAML keys are in spans of their own
        assertThat(content.findElements(By.cssSelector(".cm-line span"))).isNotEmpty();

        // a phone-sized window: the editor sits below the fold until scrolled to
        session.js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();", content);
        // where the caret lands depends on where the driver clicks; no brackets or quotes: the editor closes those itself
        content.sendKeys(Keys.ENTER, "bad: a: b", Keys.ENTER);
        // a tap on Save moves the focus first; a scripted click does not, so leave the editor as a tap would
        session.js("document.activeElement.blur()");
        session.js("Array.from(document.querySelectorAll('vaadin-button')).find(b => b.textContent.trim() === 'Save').click()");

        wait.until(d -> !d.findElements(By.cssSelector("miniman-code-editor .cm-lintRange-error")).isEmpty());
        String badge = (String) session.js("return Array.from(document.querySelectorAll('span[theme~=\"badge\"]')).map(s => s.textContent)"
                + ".find(t => t.startsWith('Line ')) || ''");
        assertThat(badge).matches("Line (\\d+): YAML error at line \\1, .*");
        // the line marked in the editor is the one the user broke (chromedriver may reorder keys typed into it under load)
        assertThat((String) session.js("return document.querySelector('miniman-code-editor .cm-lintRange-error').closest('.cm-line').textContent"))
                .contains("a: b");
        assertThat(Files.readString(console.dataDir().resolve("stacks/demo/compose.yaml"))).isEqualTo(GOOD);
    }
}
