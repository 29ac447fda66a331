package io.miniman.operation.alert.api;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.miniman.api.ApiException;
import io.miniman.api.ApiPaths;
import io.miniman.api.ApiRoles;
import io.miniman.operation.alert.AlertActions;
import io.miniman.operation.alert.AlertConfig;
import io.miniman.operation.alert.AlertNotice;
import io.miniman.operation.alert.ChannelDraft;
import io.miniman.operation.alert.ChannelState;
import io.miniman.operation.alert.ChannelSummary;
import io.miniman.operation.alert.ChannelTest;
import io.miniman.operation.alert.InAppAlerts;
import io.miniman.operation.alert.RuleSpec;
import io.miniman.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Forwarding and alerts: channels and rules as the admins' Forwarding page has them, changed through
 * {@link AlertActions} (a channel's secret is written, never read back: {@code hasSecret} says whether one
 * is stored), and the alert bell's unread alerts, which admins and operators read as in the header.
 */
@RestController
@RequestMapping(ApiPaths.V1 + "/alerts")
class AlertsApi {

    private static final String CHANNELS = ApiPaths.V1 + "/alerts/channels/";
    private static final String RULES = ApiPaths.V1 + "/alerts/rules/";

    private final AlertConfig config;
    private final AlertActions actions;
    private final InAppAlerts inApp;

    AlertsApi(AlertConfig config, AlertActions actions, InAppAlerts inApp) {
        this.config = config;
        this.actions = actions;
        this.inApp = inApp;
    }

    record Unread(long unread) {
    }

    record MarkRead(long upToId) {
    }

    @GetMapping
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "In-app alerts the caller has not marked read, newest first")
    List<AlertNotice> unread(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return inApp.unread(limit);
    }

    @GetMapping("/unread-count")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "How many in-app alerts the caller has not marked read (the bell's number)")
    Unread unreadCount() {
        return new Unread(inApp.unreadCount());
    }

    @PostMapping("/read")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Mark the caller's alerts up to upToId read (for this user only)")
    Unread markRead(@RequestBody MarkRead request) {
        inApp.markRead(request.upToId());
        return new Unread(inApp.unreadCount());
    }

    @GetMapping("/channels")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Every destination with its state: the console's channels, then the environment's collectors",
            description = "channel is null for a collector set in the environment (read-only here)")
    List<ChannelState> channels() {
        return config.states();
    }

    @GetMapping("/channels/{id}")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "One channel with its state")
    ChannelState channel(@PathVariable long id) {
        return config.states().stream().filter(s -> s.channel() != null && s.channel().id() == id).findFirst()
                .orElseThrow(() -> ApiException.notFound("channel " + id));
    }

    @PostMapping("/channels")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Add a channel (syslog, GELF, SNMP, e-mail or in-app)",
            description = "secret: the SMTP password or SNMP community; it is stored and never returned")
    ResponseEntity<ChannelSummary> addChannel(@RequestBody ChannelDraft draft) {
        ChannelSummary saved = refusedAsInvalid(() -> actions.saveChannel(withId(draft, null)));
        return ResponseEntity.created(URI.create(CHANNELS + saved.id())).body(saved);
    }

    @PutMapping("/channels/{id}")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Change a channel", description = "secret left out or empty keeps the stored one")
    ChannelSummary changeChannel(@PathVariable long id, @RequestBody ChannelDraft draft) {
        summary(id);
        return refusedAsInvalid(() -> actions.saveChannel(withId(draft, id)));
    }

    @DeleteMapping("/channels/{id}")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Remove a channel (rules stop sending to it)")
    ResponseEntity<Void> removeChannel(@PathVariable long id) {
        actions.deleteChannel(summary(id));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/channels/{id}/test")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Send a test message through a channel now: sent, or the server's or network's exact error")
    ChannelTest test(@PathVariable long id) {
        return actions.sendTest(summary(id));
    }

    @GetMapping("/rules")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "The alert rules")
    List<RuleSpec> rules() {
        return config.rules();
    }

    @GetMapping("/rules/{id}")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "One alert rule")
    RuleSpec rule(@PathVariable long id) {
        return config.rules().stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> ApiException.notFound("rule " + id));
    }

    @PostMapping("/rules")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Add an alert rule",
            description = "kind: FAILURE_OF_TYPE, FAILURES_OF_NAME (operationName, threshold, minutes), "
                    + "RUNNING_LONGER (minutes) or LOGIN_LOCKOUT; channelIds: where it sends")
    ResponseEntity<RuleSpec> addRule(@RequestBody RuleSpec spec) {
        RuleSpec saved = refusedAsInvalid(() -> actions.saveRule(withId(spec, null)));
        return ResponseEntity.created(URI.create(RULES + saved.id())).body(saved);
    }

    @PutMapping("/rules/{id}")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Change an alert rule")
    RuleSpec changeRule(@PathVariable long id, @RequestBody RuleSpec spec) {
        rule(id);
        return refusedAsInvalid(() -> actions.saveRule(withId(spec, id)));
    }

    @DeleteMapping("/rules/{id}")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Remove an alert rule")
    ResponseEntity<Void> removeRule(@PathVariable long id) {
        actions.deleteRule(rule(id));
        return ResponseEntity.noContent().build();
    }

    private ChannelSummary summary(long id) {
        return config.channels().stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(() -> ApiException.notFound("channel " + id));
    }

    /** The store's own refusals (a name taken, a chosen channel gone) are bad input, not a server fault. */
    private static <T> T refusedAsInvalid(java.util.function.Supplier<T> save) {
        try {
            return save.get();
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        }
    }

    // the path names the row: an id in the body is not trusted
    private static ChannelDraft withId(ChannelDraft d, Long id) {
        return new ChannelDraft(id, d.name(), d.kind(), d.address(), d.username(), d.secret(), d.starttls(), d.mailFrom(),
                d.mailTo(), d.forwardOperations(), d.enabled());
    }

    private static RuleSpec withId(RuleSpec r, Long id) {
        return new RuleSpec(id, r.name(), r.kind(), r.operationType(), r.operationName(), r.threshold(), r.minutes(),
                r.quietMinutes(), r.channelIds(), r.enabled());
    }
}
