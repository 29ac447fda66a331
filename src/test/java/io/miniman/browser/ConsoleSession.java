package io.miniman.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.miniman.ui.DashboardView;

/**
 * What a new admin does in the console with a browser, shared by every test that drives one (the jar on
 * this machine, the simulated box behind nginx): sign in, the forced password change, the dashboard's
 * charts moving by push.
 */
public final class ConsoleSession {

    private final WebDriver browser;
    private final String base;
    private final WebDriverWait wait;

    public ConsoleSession(WebDriver browser, String base) {
        this.browser = browser;
        this.base = base;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    /** Debian's Chromium, headless, recording its network events; {@link #openLoginForm} sizes it as a phone. */
    public static ChromeOptions phoneChromium(Path chromium, Path userDataDir) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + userDataDir);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return options;
    }

    /** Debian's Chromium driven by a local chromedriver, on this machine's network. */
    public static ConsoleSession local(Path chromium, Path chromedriver, Path userDataDir, String base) {
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        return new ConsoleSession(new ChromeDriver(service, phoneChromium(chromium, userDataDir)), base);
    }

    /** Debian's Chromium and chromedriver (the packages `chromium`, `chromium-driver`), as the benchmarks use them. */
    public static ConsoleSession debian(Path userDataDir, String base) {
        return local(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromedriver"), userDataDir, base);
    }

    public WebDriver browser() {
        return browser;
    }

    public String base() {
        return base;
    }

    public WebDriverWait await() {
        return wait;
    }

    /** Opens the console; an anonymous visitor lands on the login form. */
    public WebElement openLoginForm() {
        browser.manage().window().setSize(new Dimension(360, 640));
        browser.get(base + "/");
        return awaitLoginForm();
    }

    public WebElement awaitLoginForm() {
        return wait.until(d -> d.findElement(By.cssSelector("vaadin-login-form")));
    }

    public void submitLogin(String username, String password) {
        WebElement form = awaitLoginForm();
        type(form, "input[name='username']", username);
        type(form, "input[name='password']", password);
        form.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();
    }

    /** A new account's first sign-in on a phone: the login form, the forced password change, the dashboard. */
    public void firstSignIn(String username, String initial, String replacement) {
        openLoginForm();
        submitLogin(username, initial);
        changePassword(initial, replacement);
        awaitDashboard();
    }

    /** The dashboard, the page a sign-in lands on, is drawn. */
    public void awaitDashboard() {
        wait.until(d -> !d.findElements(By.id(DashboardView.FIGURES_ID)).isEmpty());
    }

    /** The forced change after the first login: whatever the user opened, this form comes first. */
    public void awaitPasswordChangeForm() {
        wait.until(d -> Boolean.TRUE.equals(js("return Array.from(document.querySelectorAll('vaadin-password-field'))"
                + ".some(f => f.label === 'Current password')")));
    }

    public void changePassword(String current, String replacement) {
        awaitPasswordChangeForm();
        setField("Current password", current);
        setField("New password", replacement);
        setField("Repeat new password", replacement);
        js("Array.from(document.querySelectorAll('vaadin-button')).find(b => b.textContent.includes('Change password')).click()");
    }

    /**
     * The Resources page's memory chart gains a point without a reload: the server pushed it. The page is
     * opened from the dashboard's link, so its chunk (the charts' library) loads on first use.
     */
    public void awaitChartGrowsByPush() {
        wait.until(d -> !d.findElements(By.linkText("Resource history")).isEmpty());
        // a script's click: the password change's notification may lie over the link on a small window
        js("Array.from(document.querySelectorAll('a')).find(a => a.textContent === 'Resource history').click()");
        wait.until(d -> !d.findElements(By.id("cpu-chart")).isEmpty());
        long before = pointCount();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> pointCount() > before);
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

    private void setField(String label, String value) {
        js("const f = Array.from(document.querySelectorAll('vaadin-password-field')).find(x => x.label === arguments[0]);"
                + "f.value = arguments[1]; f.dispatchEvent(new Event('change', {bubbles: true}));", label, value);
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }
}
