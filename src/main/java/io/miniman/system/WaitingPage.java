package io.miniman.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /waiting}: LuCI's "waiting for device". After a reboot, shut-down or reset the console
 * sends the browser here; the page polls {@link HealthEndpoint} until the console has gone and come
 * back, then opens the login. A plain page outside Vaadin and without a session, since both are lost
 * with the console; it shows nothing of the box, so it is open like the health check.
 */
@RestController
class WaitingPage {

    static final String PATH = "/waiting";
    private final String html;

    WaitingPage() {
        try (InputStream in = WaitingPage.class.getResourceAsStream("waiting.html")) {
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(html);
    }
}
