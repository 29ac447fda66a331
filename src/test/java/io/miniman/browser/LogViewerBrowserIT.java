package io.miniman.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.miniman.docker.DockerTestEngine;
import io.miniman.testsupport.Requires;

/**
 * A container's Logs tab in a real browser on a phone-sized window, against the packaged jar: the
 * container writes markup and ANSI colours among its lines. The viewer follows by default, pauses when
 * scrolled up and counts what arrives, jumps back, searches with highlight, and never lets a line's
 * markup into the page.
 */
@Tag("engine")
class LogViewerBrowserIT {

    private static final String PASSWORD = "Log-viewer-pw-42";
    /** Every 40th line the container writes the hostile line, a coloured one and one on stderr. */
    private static final String SCRIPT = "i=0; while true; do i=$((i+1)); echo \"line $i\"; "
            + "if [ $((i % 40)) = 1 ]; then printf '%s\\n' '<img src=x onerror=alert(1)>'; "
            + "printf '\\033[31mred\\033[0m plain \\033[1;32mbold green\\033[0m \\033]0;title\\007\\033[2Kend\\n'; "
            + "echo oops >&2; fi; sleep 0.05; done";
    private static final String VIEWER = "const v = document.querySelector('miniman-log-viewer'); const r = v && v.shadowRoot;";

    private static PackagedConsole console;
    private static WebDriver browser;
    private static ConsoleSession session;
    private static String container;

    @BeforeAll
    static void start() throws Exception {
        Path chromium = Requires.program("chromium");
        Path chromedriver = Requires.program("chromedriver");
        String image = DockerTestEngine.image();
        container = DockerTestEngine.name("logview-" + System.nanoTime());
        DockerTestEngine.Cli run = DockerTestEngine.docker(List.of("run", "-d", "--init", "--name", container, image, "sh", "-c", SCRIPT));
        assertThat(run.exitCode()).as(run.output()).isZero();

        Path folder = Files.createTempDirectory("miniman-logview-it");
        console = PackagedConsole.start(folder, Map.of("MINIMAN_ADMIN_PASSWORD", PASSWORD, "MINIMAN_DOCKER_HOST", DockerTestEngine.host()));
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
        DockerTestEngine.cleanUp();
    }

    @Test
    void followsPausesJumpsSearchesAndKeepsMarkupOut() {
        WebDriverWait wait = session.await();
        session.openLoginForm();
        session.submitLogin("admin", PASSWORD);
        session.changePassword(PASSWORD, PASSWORD + "-2");
        wait.until(d -> !d.getCurrentUrl().endsWith("/change-password"));

        browser.get(console.base() + "/docker/container/" + container);
        session.js("window.__alerted = false; window.alert = () => { window.__alerted = true; };");
        try {
            // the shared test machine can be slow to open a page: a minute, not the usual half
            new WebDriverWait(browser, Duration.ofSeconds(90)).until(d -> Boolean.TRUE.equals(
                    session.js("return !!Array.from(document.querySelectorAll('vaadin-tab')).find(t => t.textContent.trim() === 'Logs')")));
        } catch (TimeoutException e) {
            throw new AssertionError("no Logs tab at " + browser.getCurrentUrl() + ": " + session.js("return document.body.innerText"), e);
        }
        session.js("Array.from(document.querySelectorAll('vaadin-tab')).find(t => t.textContent.trim() === 'Logs').click()");
        wait.until(d -> number(VIEWER + "return r ? r.querySelectorAll('.rows .row').length : 0") > 5);

        // follow is on: the last row drawn is the newest line, and it moves on
        assertThat(session.js(VIEWER + "return v.following")).isEqualTo(true);
        long first = newestLineNumber();
        wait.until(d -> newestLineNumber() > first + 10);
        wait.until(d -> Boolean.TRUE.equals(session.js(VIEWER + "const rows = r.querySelectorAll('.rows .row');"
                + " return rows[rows.length - 1].textContent === v.newest")));

        // markup from the log is text: no element made of it, nothing ran; colours became styles, other escapes went.
        // Those lines come every 40th line and only the rows in sight are drawn: wait until they are in sight,
        // then read them all in one call (a batch redraws the rows in between calls)
        String drawn = wait.until(d -> (String) session.js(VIEWER + "const rows = Array.from(r.querySelectorAll('.rows .row'));"
                + " const spans = Array.from(r.querySelectorAll('.rows .row span'));"
                + " const red = spans.find(x => x.textContent === 'red'); const green = spans.find(x => x.textContent === 'bold green');"
                + " const oops = rows.filter(row => row.textContent === 'oops');"
                + " if (!red || !green || !oops.length || !rows.some(row => row.textContent === '<img src=x onerror=alert(1)>')) return null;"
                + " return [rows.map(row => row.textContent).find(t => t.startsWith('red ')), getComputedStyle(red).color,"
                + " getComputedStyle(green).color + ' ' + getComputedStyle(green).fontWeight,"
                + " oops.every(row => row.dataset.stream === 'stderr')].join('|')"));
        assertThat(drawn).isEqualTo("red plain bold green end|rgb(205, 49, 49)|rgb(13, 188, 121) 700|true");
        assertThat(number(VIEWER + "return r.querySelectorAll('img').length + document.querySelectorAll('img[src=x]').length")).isZero();
        // only the rows in sight (plus a few) are in the page, however many lines the buffer holds
        assertThat(number(VIEWER + "return r.querySelectorAll('.rows .row').length")).isLessThan(60);

        // scrolling up pauses the follow; new lines are counted on the jump button
        session.js(VIEWER + "r.querySelector('.view').scrollTop = 0;");
        wait.until(d -> Boolean.FALSE.equals(session.js(VIEWER + "return v.following")));
        String topRow = (String) session.js(VIEWER + "return r.querySelector('.rows .row').textContent");
        wait.until(d -> String.valueOf(session.js(VIEWER + "return r.querySelector('.jump').textContent")).matches("([2-9]|\\d\\d+) new lines — jump to newest"));
        assertThat(session.js(VIEWER + "return r.querySelector('.rows .row').textContent")).as("the view stays where the reader is").isEqualTo(topRow);
        session.js(VIEWER + "r.querySelector('.jump').click()");
        wait.until(d -> Boolean.TRUE.equals(session.js(VIEWER + "const rows = r.querySelectorAll('.rows .row');"
                + " return v.following && r.querySelector('.jump').hidden && rows[rows.length - 1].textContent === v.newest")));

        // search highlights in the browser over the whole buffer; Enter goes to a match and pauses there
        session.js(VIEWER + "const s = r.querySelector('input[type=search]'); s.value = 'ONERROR'; s.dispatchEvent(new Event('input'));");
        wait.until(d -> String.valueOf(session.js(VIEWER + "return r.querySelector('.count').textContent")).matches("\\d+ lines"));
        session.js(VIEWER + "r.querySelector('input[type=search]').dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}))");
        wait.until(d -> Boolean.TRUE.equals(session.js(VIEWER + "const c = r.querySelector('.row.current');"
                + " return !!c && c.querySelector('mark').textContent === 'onerror' && !v.following")));
        assertThat(String.valueOf(session.js(VIEWER + "return r.querySelector('.count').textContent"))).matches("1 / \\d+ lines");

        // timestamps are the engine's, shown on demand
        session.js(VIEWER + "r.querySelector('.ts').click(); v.jumpToNewest();");
        wait.until(d -> String.valueOf(session.js(VIEWER + "const t = r.querySelector('.rows .row .time'); return t ? t.textContent : ''"))
                .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}"));

        // a skip mark shows where lines were dropped
        session.js(VIEWER + "v.append('312\\nafter the gap', 'so', '')");
        wait.until(d -> Boolean.TRUE.equals(session.js(VIEWER + "return Array.from(r.querySelectorAll('.row.skipped'))"
                + ".some(row => row.textContent.startsWith('— 312 lines skipped'))")));

        // the ring keeps the newest lines up to its capacity and drops the oldest
        session.js(VIEWER + "v.capacity = 30;");
        long before = newestLineNumber();
        wait.until(d -> newestLineNumber() > before + 40);
        assertThat(number(VIEWER + "return v.size")).isEqualTo(30);
        assertThat(session.js(VIEWER + "return r.querySelector('.status').textContent")).asString().startsWith("30 lines");

        assertThat(session.js("return window.__alerted")).isEqualTo(false);
        try {
            browser.switchTo().alert();
            throw new AssertionError("an alert opened");
        } catch (NoAlertPresentException expected) {
            // no script from the log ran
        }
    }

    private long newestLineNumber() {
        Object n = session.js(VIEWER + "if (!v) return 0; for (let i = v.size - 1; i >= 0; i--) {"
                + " const t = v._plain(v._ring.get(i)); if (/^line \\d+$/.test(t)) return Number(t.slice(5)); } return 0");
        return ((Number) n).longValue();
    }

    private static long number(String script) {
        return ((Number) session.js(script)).longValue();
    }
}
