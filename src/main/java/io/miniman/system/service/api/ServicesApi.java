package io.miniman.system.service.api;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.miniman.api.ApiException;
import io.miniman.api.ApiPaths;
import io.miniman.api.ApiRoles;
import io.miniman.api.OperationAccepted;
import io.miniman.api.PathIds;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationTarget;
import io.miniman.security.Roles;
import io.miniman.system.service.JournalLine;
import io.miniman.system.service.ServiceActions;
import io.miniman.system.service.ServiceMonitor;
import io.miniman.system.service.ServicesProperties;
import io.miniman.system.service.ServicesSnapshot;
import io.miniman.system.service.UnitJournal;
import io.miniman.system.service.UnitStatus;
import io.swagger.v3.oas.annotations.Operation;

/**
 * The Services page's units, their journals and its actions through {@link ServiceActions}: an operator
 * restarts, an admin also starts, stops, enables and disables; stopping what carries the caller's own
 * connection (hostapd, nginx, the console) wants the unit's name as {@code confirm}, as the page does.
 */
@RestController
@RequestMapping(ApiPaths.V1 + "/services")
class ServicesApi {

    private final ServiceMonitor monitor;
    private final ServiceActions actions;
    private final UnitJournal journal;
    private final ServicesProperties properties;
    private final OperationService operations;

    ServicesApi(ServiceMonitor monitor, ServiceActions actions, UnitJournal journal, ServicesProperties properties,
            OperationService operations) {
        this.monitor = monitor;
        this.actions = actions;
        this.journal = journal;
        this.properties = properties;
        this.operations = operations;
    }

    @GetMapping
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    @Operation(summary = "The managed units as systemd reports them (problem: why systemd could not be read)")
    ServicesSnapshot list() {
        return monitor.current();
    }

    @GetMapping("/{unit}")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    @Operation(summary = "One unit: state, since when, main PID, memory, CPU, enabled at boot")
    UnitStatus get(@PathVariable String unit) {
        ServicesSnapshot snapshot = monitor.current();
        if (snapshot.problem() != null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, snapshot.problem());
        }
        return snapshot.unit(listed(unit)).orElseThrow(() -> ApiException.notFound("service " + unit));
    }

    @GetMapping("/{unit}/journal")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    @Operation(summary = "A unit's latest journal entries, oldest first",
            description = "lines: how many of the latest (1 to miniman.system.journal-lines, default 200); "
                    + "since: an ISO-8601 instant, no older entry is returned")
    List<JournalLine> journal(@PathVariable String unit, @RequestParam(defaultValue = "200") int lines,
            @RequestParam(required = false) Instant since) {
        String name = listed(unit);
        try {
            return journal.recent(name, lines, since);
        } catch (IllegalStateException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }

    @PostMapping("/{unit}/restart")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Restart a unit")
    ResponseEntity<OperationAccepted> restart(@PathVariable String unit) {
        return OperationAccepted.of(actions.restart(idle(unit)));
    }

    @PostMapping("/{unit}/start")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Start a unit")
    ResponseEntity<OperationAccepted> start(@PathVariable String unit) {
        return OperationAccepted.of(actions.start(idle(unit)));
    }

    @PostMapping("/{unit}/stop")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Stop a unit",
            description = "confirm: the unit's name, required for hostapd, nginx and miniman (stopping them cuts the connection)")
    ResponseEntity<OperationAccepted> stop(@PathVariable String unit, @RequestParam(required = false) String confirm) {
        return OperationAccepted.of(actions.stop(idle(unit), confirm));
    }

    @PostMapping("/{unit}/enable")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Start a unit at boot")
    ResponseEntity<OperationAccepted> enable(@PathVariable String unit) {
        return OperationAccepted.of(actions.enable(idle(unit)));
    }

    @PostMapping("/{unit}/disable")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "No longer start a unit at boot")
    ResponseEntity<OperationAccepted> disable(@PathVariable String unit) {
        return OperationAccepted.of(actions.disable(idle(unit)));
    }

    /** A unit this console manages; any other name is "not found", as the page lists no other. */
    private String listed(String unit) {
        if (!properties.services().contains(PathIds.check(unit, "service"))) {
            throw ApiException.notFound("service " + unit);
        }
        return unit;
    }

    private String idle(String unit) {
        listed(unit);
        if (operations.busy(OperationTarget.of(OperationTarget.Kind.UNIT, unit + ".service", unit))) {
            throw ApiException.busy("Service " + unit);
        }
        return unit;
    }
}
