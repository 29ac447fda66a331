package io.miniman.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import io.miniman.docker.DockerTestEngine;
import io.miniman.testsupport.Requires;

/**
 * Every page of the packaged console on a 360x640 phone, as ADMIN (light scheme) and as VIEWER (dark, because
 * the phone says so): no sideways scrolling, no cut primary column, no console error, nothing fetched from
 * another host; a VIEWER sent to an admin page is turned away. Routes come from the {@code @Route} classes
 * ({@link PhoneRoutes}), so a new view is covered without touching this test. It collects every problem of
 * every page before it fails, and leaves a screenshot per page and role in {@code target/phone-screenshots/}.
 * Also the installable app: the dark scheme follows the phone from the first frame, and a page opened while
 * the box is unreachable shows the offline page from the service worker.
 */
@Tag("engine")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PhoneRoutesBrowserIT {

    private static final Path SHOTS = Path.of("target/phone-screenshots");
    private static final String ADMIN_PASSWORD = "Phone-admin-pass-77";
    private static final String VIEWER = "phone-viewer";
    private static final String VIEWER_PASSWORD = "Phone-viewer-pass-77";
    private static final String STACK = "phone-stack";

    private static PackagedConsole console;
    private static ChromeDriver browser;
    private static ConsoleSession session;
    private static PhonePage page;
    private static String container;

    @BeforeAll
    static void start() throws Exception {
        Path chromium = Requires.program("chromium");
        Path chromedriver = Requires.program("chromedriver");
        String image = DockerTestEngine.image();
        // seeded so grids have rows and the pages that take a parameter have a real one
        container = DockerTestEngine.name("phone-routes-container-with-a-long-name");
        assertThat(DockerTestEngine.docker(List.of("create", "--name", container, image, "sleep", "3600")).exitCode()).isZero();
        assertThat(DockerTestEngine.docker(List.of("volume", "create", DockerTestEngine.name("phone-routes-volume-with-a-long-name")))
                .exitCode()).isZero();
        Path folder = Files.createTempDirectory("miniman-phone");
        Path stack = Files.createDirectories(folder.resolve("data/stacks/" + STACK));
        Files.setPosixFilePermissions(folder.resolve("data"), PosixFilePermissions.fromString("rwx------"));
        Files.writeString(stack.resolve("compose.yaml"), "services:\n  web:\n    image: " + image + "\n    command: [\"sleep\", \"3600\"]\n");
        console = PackagedConsole.start(folder, Map.of());

        ChromeOptions options = ConsoleSession.phoneChromium(chromium, folder.resolve("chrome"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build(), options);
        session = new ConsoleSession(browser, console.base());
        page = new PhonePage(session);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (console != null) {
            console.close();
        }
        DockerTestEngine.cleanUp();
    }

    @Test
    @Order(1)
    void theSchemeFollowsThePhoneFromTheFirstFrameUntilTheUserChooses() throws Exception {
        page.prefersDark(true);
        session.openLoginForm();
        assertThat(page.themeAtFirstParse()).isEqualTo("dark");
        List<String> loginProblems = page.problems();
        screenshot("login", "anonymous");
        assertThat(loginProblems).as("the login page on a phone").isEmpty();
        page.prefersDark(false);
        browser.navigate().refresh();
        session.awaitLoginForm();
        assertThat(page.themeAtFirstParse()).isNull();

        signInAsNewAdmin();
        page.prefersDark(true);
        browser.get(console.base() + "/");
        page.settle();
        assertThat(page.theme()).isEqualTo("dark");
        page.chooseTheme("Light");
        session.await().until(d -> page.theme() == null);
        // remembered for the user: the next page is light although the phone prefers dark
        browser.navigate().refresh();
        page.settle();
        assertThat(page.themeAtFirstParse()).isNull();
        page.chooseTheme("System");
        session.await().until(d -> "dark".equals(page.theme()));
        page.prefersDark(false);
        session.await().until(d -> page.theme() == null);
    }

    @Test
    @Order(2)
    void everyRouteFitsAPhoneForAnAdminAndAViewer() throws Exception {
        List<PhoneRoutes.Route> routes = PhoneRoutes.all();
        assertThat(routes).extracting(PhoneRoutes.Route::path).contains("", "docker/containers", "users", "network/wifi");
        List<String> failures = new ArrayList<>();

        // the admin of the first test, still signed in
        page.prefersDark(false);
        page.createUser(VIEWER, VIEWER_PASSWORD);
        checkEveryRoute(routes, "ADMIN", failures);

        browser.manage().deleteAllCookies();
        page.prefersDark(true);
        session.openLoginForm();
        session.submitLogin(VIEWER, VIEWER_PASSWORD);
        session.changePassword(VIEWER_PASSWORD, VIEWER_PASSWORD + "x");
        page.settle();
        checkEveryRoute(routes, "VIEWER", failures);

        Files.write(SHOTS.resolve("failures.txt"), failures);
        assertThat(failures).as("problems of the pages on a 360x640 phone (also in " + SHOTS.resolve("failures.txt") + ")")
                .isEmpty();
    }

    @Test
    @Order(3)
    void withTheBoxOutOfReachAPageShowsTheOfflinePage() throws Exception {
        browser.get(console.base() + "/operations");
        page.settle();
        assertThat(page.serviceWorkerState()).as("the service worker controls the page").startsWith("controlled");
        // it keeps the offline page and icons only: the console's own pages and bundle always come from the box
        List<String> cached = page.cachedUrls();
        assertThat(cached).anyMatch(url -> url.contains("/offline.html")).anyMatch(url -> url.contains("/icons/"))
                .noneMatch(url -> url.contains("/VAADIN/")).noneMatch(url -> url.endsWith(console.base() + "/"));

        console.close();
        page.awaitConsoleGone(console.base());
        browser.get(console.base() + "/docker/containers");
        session.await().until(d -> d.getPageSource().contains("Not connected to the miniman WiFi"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("join the network miniman", "reload");
        screenshot("offline", "anonymous");
    }

    private static void signInAsNewAdmin() throws Exception {
        String initial = Files.readString(console.dataDir().resolve("initial-admin-password")).strip();
        session.submitLogin("admin", initial);
        session.changePassword(initial, ADMIN_PASSWORD);
        page.settle();
    }

    private static void checkEveryRoute(List<PhoneRoutes.Route> routes, String role, List<String> failures) throws Exception {
        for (PhoneRoutes.Route route : routes) {
            if (route.anonymousOnly()) {
                continue;
            }
            String path = route.concretePath(container, STACK);
            if (path == null) {
                System.out.println("phone routes: skipped /" + route.path() + ": " + route.skipReason());
                continue;
            }
            List<String> problems = new ArrayList<>();
            try {
                browser.manage().logs().get(LogType.BROWSER);
                browser.get(console.base() + "/" + path);
                if (!page.settle()) {
                    problems.add("still busy 30 s after opening");
                }
                String name = (route.path().isEmpty() ? "dashboard" : route.path().replace('/', '-')) + "-" + role.toLowerCase();
                screenshot(name, "");
                if (route.allows(role)) {
                    problems.addAll(page.problems());
                } else {
                    page.deniedProblem().ifPresent(problems::add);
                }
                for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
                    if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                        problems.add("console error: " + entry.getMessage());
                    }
                }
            } catch (org.openqa.selenium.WebDriverException e) {
                problems.add("could not be checked: " + e.getMessage().lines().findFirst().orElse(""));
            }
            problems.forEach(problem -> failures.add("/" + path + " as " + role + ": " + problem));
        }
        // kept as it goes, so a run cut short still leaves what it found
        Files.write(SHOTS.resolve("failures.txt"), failures);
    }

    private static void screenshot(String name, String role) throws Exception {
        Path file = SHOTS.resolve(role.isEmpty() ? name + ".png" : name + "-" + role + ".png");
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
    }
}
