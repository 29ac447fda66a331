package io.miniman.system;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}: "ok" once the console serves requests, for provisioning to wait on and for
 * monitors. Open without a login, so it says nothing but that: no version, no state of the box.
 */
// named so it does not collide with the actuator's own "healthEndpoint" bean
@RestController("plainHealthEndpoint")
class HealthEndpoint {

    static final String PATH = "/health";

    @GetMapping(path = PATH, produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> health() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body("ok\n");
    }
}
