package io.miniman.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.miniman.testsupport.MinimanSpringTest;

/** The page a browser waits on while the box reboots: open without a session, since the session goes with the console. */
@MinimanSpringTest
class WaitingPageTest {

    @LocalServerPort
    int port;

    @Test
    void isServedWithoutALoginAndPollsTheHealthCheckBeforeOpeningTheLogin() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/waiting?for=reboot")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.body()).contains("fetch('/health'", "location.replace('/login')", "reboot: {");
        // what the box is doing comes from a fixed list: the address is never written into the page
        assertThat(response.body()).doesNotContain("innerHTML", "document.write");
    }
}
