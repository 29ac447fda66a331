package io.miniman.system;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.miniman.update.ReleaseVersion;

/**
 * {@code GET /health}: "ok" once the console serves requests, for provisioning to wait on and for
 * monitors. Open without a login, so it says nothing but that: no version, no state of the box.
 * {@code ?version=V} answers whether V is the version running (409 when another one answers): the page
 * that waits through a console update knows which version it waits for, and must tell the new one from
 * the old one before the swap or after a rollback. It confirms a guess; it never names the version.
 */
// named so it does not collide with the actuator's own "healthEndpoint" bean
@RestController("plainHealthEndpoint")
class HealthEndpoint {

    static final String PATH = "/health";

    @GetMapping(path = PATH, produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> health(@RequestParam(required = false) String version) {
        if (version != null && !version.equals(ReleaseVersion.current().text())) {
            return ResponseEntity.status(HttpStatus.CONFLICT).cacheControl(CacheControl.noStore()).body("another version\n");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body("ok\n");
    }
}
