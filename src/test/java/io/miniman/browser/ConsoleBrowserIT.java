package io.miniman.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.miniman.testsupport.Requires;

/**
 * The packaged jar, started as a new user would on an empty data dir, driven by Debian's Chromium on a
 * phone-sized window: the login page loads everything from the console itself, the first login forces
 * the password change, and the Resources page's charts, opened from the dashboard, move by push.
 */
class ConsoleBrowserIT {

    private static PackagedConsole console;
    private static WebDriver browser;
    private static ConsoleSession session;

    @BeforeAll
    static void start() throws Exception {
        Path chromium = Requires.program("chromium");
        Path chromedriver = Requires.program("chromedriver");
        Path folder = Files.createTempDirectory("miniman-it");
        console = PackagedConsole.start(folder, Map.of());

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
    void thePackagedJarStartsFromTheDefinitionsWrittenAtBuildTime() throws Exception {
        // what every page test here runs on; without them each start parses the configuration again
        assertThat(Files.readString(console.dataDir().resolveSibling("console.log")))
                .contains("Starting AOT-processed MinimanApplication");
    }

    @Test
    void aNewUserSignsInChangesThePasswordAndSeesLiveCharts() throws Exception {
        String initialPassword = Files.readString(console.dataDir().resolve("initial-admin-password")).strip();
        session.openLoginForm();

        // every request the page made went to the console itself: the box has no internet
        List<String> hosts = browser.manage().logs().get(LogType.PERFORMANCE).getAll().stream()
                .map(entry -> entry.getMessage())
                .filter(m -> m.contains("\"Network.requestWillBeSent\""))
                .map(m -> m.replaceAll(".*\"url\":\"([a-z]+://[^/\"]*)[^\"]*\".*", "$1"))
                .filter(origin -> origin.matches("(https?|wss?)://.*"))
                .distinct().toList();
        assertThat(hosts).containsExactly(console.base());

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
        browser.get(console.base() + "/operations");
        session.changePassword(initialPassword, "Brand-new-pass-77");

        session.awaitChartGrowsByPush();
        assertThat(browser.findElement(By.id("memory-chart")).findElements(By.cssSelector("svg"))).isNotEmpty();
    }
}
