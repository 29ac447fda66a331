package io.miniman.system.api;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.miniman.api.ApiPaths;
import io.miniman.api.ApiRoles;
import io.miniman.security.Roles;
import io.miniman.system.HostMetricsService;
import io.miniman.system.HostSnapshot;
import io.swagger.v3.oas.annotations.Operation;

/** The dashboard's host figures: now, and the recent samples its charts draw. */
@RestController
@RequestMapping(ApiPaths.V1 + "/host")
class HostApi {

    private final HostMetricsService metrics;

    HostApi(HostMetricsService metrics) {
        this.metrics = metrics;
    }

    @GetMapping
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    @Operation(summary = "Host status now: uptime, load, CPU, memory, disk, temperature")
    HostSnapshot status() {
        return metrics.read();
    }

    @GetMapping("/metrics")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    @Operation(summary = "The recent samples the dashboard charts, oldest first")
    List<HostSnapshot> metrics() {
        return metrics.history();
    }
}
