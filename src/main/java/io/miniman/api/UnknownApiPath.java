package io.miniman.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

/** Any other path under /api answers a problem document, not the console's HTML "not found" page. */
@RestController
@Hidden
class UnknownApiPath {

    @RequestMapping("/api/**")
    @ApiRoles({"ADMIN", "OPERATOR", "VIEWER"})
    void unknown() {
        throw new ApiException(HttpStatus.NOT_FOUND, "No such API endpoint");
    }
}
