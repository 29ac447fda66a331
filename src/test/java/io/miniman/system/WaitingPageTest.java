package io.miniman.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.miniman.testsupport.MinimanSpringTest;
import io.miniman.update.ReleaseVersion;

/** The page a browser waits on while the box reboots: open without a session, since the session goes with the console. */
@MinimanSpringTest
class WaitingPageTest {

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void isServedWithoutALoginAndPollsTheHealthCheckBeforeOpeningTheLogin() throws Exception {
        HttpResponse<String> response = get("/waiting?for=reboot");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.body()).contains("fetch(url", "'/health'", "location.replace('/login')", "reboot: {");
        // what the box is doing comes from a fixed list: the address is never written into the page
        assertThat(response.body()).doesNotContain("innerHTML", "document.write");
    }

    /** A console update waits for its own version: the old console answers until the swap, and again after a rollback. */
    @Test
    void anUpdateWaitsForTheNewVersionThenOpensTheDashboard() throws Exception {
        String page = get("/waiting?for=update&version=2.0.0").body();
        assertThat(page).contains("update: {", "Updating the console… this page reconnects by itself",
                "'/health?version=' + encodeURIComponent(version)", "location.replace('/')",
                "the update was rolled back");

        String running = ReleaseVersion.current().text();
        HttpResponse<String> same = get("/health?version=" + running);
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(same.body()).isEqualTo("ok\n");
        HttpResponse<String> other = get("/health?version=" + running + ".1");
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(other.body()).as("it confirms a guess, never names the version").doesNotContain(running);
        assertThat(get("/health").body()).isEqualTo("ok\n");
    }
}
