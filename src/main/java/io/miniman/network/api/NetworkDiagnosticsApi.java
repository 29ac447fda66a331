package io.miniman.network.api;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.miniman.api.ApiPaths;
import io.miniman.api.ApiRoles;
import io.miniman.api.OperationAccepted;
import io.miniman.network.diag.DiagnosticRequest;
import io.miniman.network.diag.DiagnosticsService;
import io.miniman.security.Roles;
import io.swagger.v3.oas.annotations.Operation;

/** The Diagnostics view's tests (ping, traceroute, DNS lookup, TCP port), run from the box. */
@RestController
@RequestMapping(ApiPaths.V1 + "/network/diagnostics")
class NetworkDiagnosticsApi {

    private final DiagnosticsService diagnostics;

    NetworkDiagnosticsApi(DiagnosticsService diagnostics) {
        this.diagnostics = diagnostics;
    }

    @PostMapping
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Run a diagnostic: kind PING, TRACEROUTE, DNS_LOOKUP or TCP_PORT (with port)",
            description = "Its output lines are the operation's details: follow them with GET /api/v1/operations/{id} or the events")
    ResponseEntity<OperationAccepted> run(@RequestBody DiagnosticRequest request) {
        // the operation keeps every line in its details; nobody else listens here
        return OperationAccepted.of(diagnostics.run(request, line -> { }));
    }
}
