package io.miniman.browser;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What PhoneRoutesBrowserIT asks of the page in the browser: the problems a phone user would see (measured in
 * the page itself), the colour scheme and the phone's preference, the user menu and the service worker.
 */
final class PhonePage {

    /**
     * One line per problem: the page or an element wider than the screen (outermost offender only, through open
     * shadow roots), a grid that scrolls sideways or cuts the text of its first column, a request to another
     * host, Vaadin's system error.
     */
    private static final String PROBLEMS = """
            const vw = window.innerWidth, problems = [];
            const page = document.scrollingElement;
            if (page.scrollWidth > vw + 1) problems.push('the page scrolls sideways: ' + page.scrollWidth + ' px on a ' + vw + ' px screen');
            const name = (e) => e.localName + (e.id ? '#' + e.id : '')
                + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).slice(0, 2).join('.') : '');
            const where = (el) => { const parts = [];
              for (let e = el; e && parts.length < 4; e = e.parentElement || (e.getRootNode().host)) parts.unshift(name(e));
              return parts.join(' > '); };
            const walk = (root, flagged) => {
              for (const el of root.children) {
                let inside = flagged;
                if (!flagged && el.localName !== 'html' && el.localName !== 'body') {
                  const r = el.getBoundingClientRect();
                  if (r.width > vw + 1 && getComputedStyle(el).visibility !== 'hidden') {
                    problems.push(where(el) + ' is ' + Math.round(r.width) + ' px wide');
                    inside = true;
                  }
                }
                if (el.shadowRoot) walk(el.shadowRoot, inside);
                walk(el, inside);
              }
            };
            walk(document, false);
            for (const grid of document.querySelectorAll('vaadin-grid')) {
              const box = grid.getBoundingClientRect();
              if (box.width === 0 || !grid.shadowRoot) continue;
              const label = 'grid' + (grid.id ? ' #' + grid.id : '');
              const table = grid.shadowRoot.querySelector('#table');
              if (table && table.scrollWidth > table.clientWidth + 1)
                problems.push(label + ' scrolls sideways: its columns need ' + table.scrollWidth + ' px of ' + table.clientWidth);
              const rows = [...grid.shadowRoot.querySelectorAll('#items tr')].filter(tr => !tr.hidden && tr.getBoundingClientRect().height > 0);
              const cut = [];
              for (const tr of rows) {
                const content = [...tr.querySelectorAll('td')].filter(td => !td.hidden && td.getBoundingClientRect().width > 0)
                    .map(td => td.querySelector('slot') && td.querySelector('slot').assignedElements()[0])
                    .find(c => c && !(c.querySelector('vaadin-checkbox') && !c.textContent.trim()));
                if (!content) continue;
                const clipped = [content, ...content.querySelectorAll('*')]
                    .some(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')
                    || content.getBoundingClientRect().right > box.right + 1;
                if (clipped) cut.push(content.textContent.trim().replace(/\\s+/g, ' ').slice(0, 50));
              }
              if (cut.length) problems.push(label + ': the first column is cut in ' + cut.length + ' of ' + rows.length + ' rows, e.g. "' + cut[0] + '"');
            }
            performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).map(e => e.name)
                .filter(u => /^(https?|wss?):/.test(u) && new URL(u).host !== location.host)
                .forEach(u => problems.push('request to another host: ' + u));
            const error = document.querySelector('.v-system-error');
            if (error) problems.push('Vaadin system error: ' + error.textContent.trim().slice(0, 200));
            return problems;
            """;

    /** Before any script of the page: the scheme of the first frame the browser paints. */
    private static final String FIRST_FRAME = """
            requestAnimationFrame(() => { window.__themeAtFirstFrame = document.documentElement.getAttribute('theme') || ''; });
            """;

    private final ConsoleSession session;
    private final ChromeDriver browser;

    PhonePage(ConsoleSession session) {
        this.session = session;
        this.browser = (ChromeDriver) session.browser();
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", FIRST_FRAME));
    }

    /** The phone's dark-mode setting, as Chrome's DevTools emulate it. */
    void prefersDark(boolean dark) {
        browser.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
    }

    /** "dark", or null for light, as the first frame was painted. */
    String themeAtFirstParse() {
        String theme = (String) session.await().until(d -> session.js("return window.__themeAtFirstFrame"));
        return theme.isEmpty() ? null : theme;
    }

    String theme() {
        return (String) session.js("return document.documentElement.getAttribute('theme')");
    }

    /**
     * Loaded, the console's client idle (no round trip pending), and the grids given a moment to draw their rows;
     * false when the client was still busy after the wait.
     */
    boolean settle() throws InterruptedException {
        boolean idle = true;
        try {
            session.await().until(d -> Boolean.TRUE.equals(session.js("""
                    if (document.readyState !== 'complete') return false;
                    const clients = window.Vaadin && Vaadin.Flow && Vaadin.Flow.clients ? Object.values(Vaadin.Flow.clients) : [];
                    return clients.length > 0 && clients.every(c => !c.isActive());""")));
        } catch (TimeoutException busy) {
            idle = false;
        }
        Thread.sleep(800);
        return idle;
    }

    @SuppressWarnings("unchecked")
    List<String> problems() {
        return (List<String>) session.js(PROBLEMS);
    }

    /** What a VIEWER sent to an admin page sees: Vaadin's refusal, never an error or the page itself. */
    Optional<String> deniedProblem() {
        String text = browser.findElement(By.tagName("body")).getText();
        if (browser.findElements(By.cssSelector(".v-system-error")).size() > 0 || text.contains("Exception")) {
            return Optional.of("an error instead of the refusal: " + text.replaceAll("\\s+", " "));
        }
        if (!text.contains("Could not navigate")) {
            return Optional.of("not refused: the page shows " + text.replaceAll("\\s+", " ").substring(0, Math.min(120, text.length())));
        }
        return Optional.empty();
    }

    /** Picks Light, Dark or System under Theme in the header's user menu, with the phone's finger (clicks). */
    void chooseTheme(String label) {
        openItem(() -> browser.findElement(By.cssSelector("vaadin-menu-bar-button vaadin-avatar")), "Theme");
        openItem(() -> displayedItem("Theme").orElseThrow(), label).click();
    }

    /** As an admin: a VIEWER (the form's default role) made in the Users page, the way an admin does it. */
    void createUser(String name, String password) throws InterruptedException {
        browser.get(session.base() + "/users");
        settle();
        clickButton("New user");
        session.await().until(d -> Boolean.TRUE.equals(session.js("return !!document.querySelector('vaadin-dialog-overlay')")));
        session.js("""
                const set = (tag, label, value) => { const f = Array.from(document.querySelectorAll(tag)).find(x => x.label === label);
                  f.value = value; f.dispatchEvent(new Event('change', {bubbles: true})); };
                set('vaadin-text-field', 'User name', arguments[0]);
                set('vaadin-password-field', 'Initial password', arguments[1]);""", name, password);
        clickButton("Create");
        session.await().until(d -> d.getPageSource().contains("User " + name + " created"));
    }

    /** "controlled" once the console's service worker controls the page, else what the registrations say. */
    String serviceWorkerState() {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(d -> Boolean.TRUE.equals(session.js("return !!navigator.serviceWorker.controller")));
            return "controlled";
        } catch (TimeoutException notYet) {
            return String.valueOf(browser.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    navigator.serviceWorker.getRegistrations().then(rs => done(JSON.stringify(rs.map(r => ({scope: r.scope,
                      active: r.active && r.active.state, installing: !!r.installing, waiting: !!r.waiting})))));"""))
                    + " " + browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll();
        }
    }

    /** Every URL in the service worker's caches. */
    @SuppressWarnings("unchecked")
    List<String> cachedUrls() {
        return (List<String>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                (async () => { const out = [];
                  for (const key of await caches.keys()) { const cache = await caches.open(key);
                    for (const request of await cache.keys()) out.push(request.url); }
                  return out; })().then(done);""");
    }

    void awaitConsoleGone(String base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 150; i++) {
            try {
                http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.discarding());
            } catch (ConnectException gone) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the console still answers at " + base);
    }

    /**
     * Clicks what opens the menu holding the item until the item shows: a click that lands while the menu bar or
     * its overlay is still settling opens nothing, and waiting longer does not help. A click on an open menu
     * closes it, so the one after that opens it again.
     */
    private WebElement openItem(Supplier<WebElement> opener, String text) {
        for (int attempt = 1; ; attempt++) {
            opener.get().click();
            try {
                return new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> displayedItem(text).orElse(null));
            } catch (TimeoutException notOpened) {
                if (attempt == 4) {
                    throw notOpened;
                }
            }
        }
    }

    private Optional<WebElement> displayedItem(String text) {
        return browser.findElements(By.cssSelector("vaadin-menu-bar-item")).stream()
                .filter(item -> item.isDisplayed() && item.getText().strip().equals(text)).findFirst();
    }

    private void clickButton(String text) {
        session.js("Array.from(document.querySelectorAll('vaadin-button')).find(b => b.textContent.trim() === arguments[0]).click()", text);
    }
}
