package io.miniman.network.api;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.miniman.Subscription;
import io.miniman.api.ApiException;
import io.miniman.api.ApiPaths;
import io.miniman.api.ApiRoles;
import io.miniman.network.apply.ApplyPreview;
import io.miniman.network.apply.ApplyState;
import io.miniman.network.apply.ApplyWithRollback;
import io.miniman.network.apply.ClientContext;
import io.miniman.network.apply.NetworkPreview;
import io.miniman.network.settings.NetworkSettings;
import io.miniman.network.status.ClientService;
import io.miniman.network.status.InterfaceInfo;
import io.miniman.network.status.InterfaceService;
import io.miniman.network.store.NetworkSettingsStore;
import io.miniman.security.CurrentUser;
import io.miniman.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The access point's settings, changed only through {@link ApplyWithRollback}: a script that cuts itself
 * off is rolled back like a phone that drops off the WiFi, unless it confirms within the deadline.
 */
@RestController
@RequestMapping(ApiPaths.V1 + "/network")
class NetworkSettingsApi {

    /** How long apply waits for the files to be written and the services restarted before it answers anyway. */
    static final Duration APPLY_WAIT = Duration.ofSeconds(60);
    static final String CHANGE = ApiPaths.V1 + "/network/change";

    private final NetworkSettingsStore store;
    private final NetworkPreview preview;
    private final ApplyWithRollback apply;
    private final ClientService clients;
    private final InterfaceService interfaces;

    NetworkSettingsApi(NetworkSettingsStore store, NetworkPreview preview, ApplyWithRollback apply, ClientService clients,
            InterfaceService interfaces) {
        this.store = store;
        this.preview = preview;
        this.apply = apply;
        this.clients = clients;
        this.interfaces = interfaces;
    }

    @GetMapping("/settings")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    @Operation(summary = "The kept WiFi, LAN, uplink and firewall settings (the passphrase only for ADMIN)")
    NetworkSettings settings() {
        NetworkSettings current = store.current();
        if (CurrentUser.hasRole(Roles.ADMIN)) {
            return current;
        }
        var wifi = current.wifi();
        return current.withWifi(new io.miniman.network.settings.WifiSettings(wifi.iface(), wifi.ssid(), "", wifi.security(),
                wifi.country(), wifi.band(), wifi.channel(), wifi.hidden(), wifi.maxClients(), wifi.clientIsolation(),
                wifi.blockedMacs()));
    }

    @PostMapping("/preview")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "What applying these settings would change: file diffs, the real programs' checks, warnings")
    ApplyPreview preview(@RequestBody NetworkSettings proposed, HttpServletRequest request) {
        return preview.preview(proposed, client(request));
    }

    @PostMapping("/apply")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Apply settings; they are rolled back at the deadline unless confirmed",
            description = "Answers 202 with the change once it awaits confirmation (phase AWAITING_CONFIRMATION, "
                    + "with its deadline), failed, or after 60 s still applying; 409 while another change is in flight")
    ResponseEntity<ApplyState> apply(@RequestBody NetworkSettings proposed, HttpServletRequest request)
            throws InterruptedException {
        CompletableFuture<ApplyState> settled = new CompletableFuture<>();
        ApplyState started;
        try (Subscription ignored = apply.subscribe(state -> {
            if (state.phase() != ApplyState.Phase.APPLYING) {
                settled.complete(state);
            }
        })) {
            started = conflictIfBusy(() -> apply.apply(proposed, client(request)));
            ApplyState state;
            try {
                state = settled.get(APPLY_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                state = apply.state().orElse(started);
            }
            return ResponseEntity.accepted().location(URI.create(CHANGE)).body(state.id() == started.id() ? state : started);
        }
    }

    @GetMapping("/change")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    @Operation(summary = "The last network change and its phase (404 if none since the console started)")
    ApplyState change() {
        return apply.state().orElseThrow(() -> ApiException.notFound("network change"));
    }

    @PostMapping("/change/{id}/confirm")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Keep the applied change (before its deadline)")
    ApplyState confirm(@PathVariable long id) {
        conflictIfBusy(() -> {
            apply.confirm(id);
            return null;
        });
        return apply.state().orElseThrow();
    }

    @PostMapping("/change/{id}/revert")
    @ApiRoles(Roles.ADMIN)
    @Operation(summary = "Put the previous files back now instead of at the deadline")
    ResponseEntity<ApplyState> revert(@PathVariable long id) {
        conflictIfBusy(() -> {
            apply.revert(id);
            return null;
        });
        return ResponseEntity.accepted().location(URI.create(CHANGE)).body(apply.state().orElseThrow());
    }

    @GetMapping("/interfaces")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    @Operation(summary = "The box's network interfaces")
    List<InterfaceInfo> interfaces() {
        return interfaces.list();
    }

    @GetMapping("/clients")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    @Operation(summary = "WiFi and LAN clients (leases and stations)")
    ClientService.Clients clients() {
        return clients.list();
    }

    /** ApplyWithRollback says "not now" with IllegalStateException: another change in flight, or none to confirm. */
    private static <T> T conflictIfBusy(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalStateException e) {
            throw new ApiException(HttpStatus.CONFLICT, e.getMessage());
        }
    }

    private ClientContext client(HttpServletRequest request) {
        String address = Optional.ofNullable(request.getRemoteAddr()).orElse("");
        return new ClientContext(address, address.isEmpty() ? Optional.empty() : clients.macOf(address));
    }
}
