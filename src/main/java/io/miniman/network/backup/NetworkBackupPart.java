package io.miniman.network.backup;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.miniman.Subscription;
import com.fasterxml.jackson.core.type.TypeReference;
import io.miniman.backup.BackupPart;
import io.miniman.backup.JsonEntry;
import io.miniman.backup.PartPreview;
import io.miniman.backup.RestoreChoice;
import io.miniman.backup.RestoreContext;
import io.miniman.network.apply.ApplyState;
import io.miniman.network.apply.ApplyState.Phase;
import io.miniman.network.apply.ApplyWithRollback;
import io.miniman.network.apply.ClientContext;
import io.miniman.network.settings.LanSettings;
import io.miniman.network.settings.NetworkSettings;
import io.miniman.network.settings.UplinkSettings;
import io.miniman.network.settings.WifiSettings;
import io.miniman.network.status.InterfaceInfo;
import io.miniman.network.status.InterfaceService;
import io.miniman.network.store.NetworkSettingsStore;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

/**
 * The access point's settings in a backup. A restore goes through {@link ApplyWithRollback} like any
 * other network change, so settings that cut the admin off are undone by the timer. A backup of another
 * box may name interfaces this box lacks: each must be answered with an interface here (or kept).
 */
@Component
class NetworkBackupPart implements BackupPart {

    static final String ENTRY = "settings.json";
    static final String IFACE_CHOICE = "iface:";
    private static final String MASK = "********";
    /** Writing and checking the files takes seconds; this bound only ends a wait for a stuck apply. */
    private static final Duration APPLY_WAIT = Duration.ofMinutes(3);

    private final NetworkSettingsStore store;
    private final ApplyWithRollback apply;
    private final InterfaceService interfaces;
    private final Validator validator;
    private final ObjectMapper json;

    NetworkBackupPart(NetworkSettingsStore store, ApplyWithRollback apply, InterfaceService interfaces,
            Validator validator, ObjectMapper json) {
        this.store = store;
        this.apply = apply;
        this.interfaces = interfaces;
        this.validator = validator;
        this.json = json;
    }

    @Override
    public String name() {
        return "network";
    }

    @Override
    public String title() {
        return "Network settings";
    }

    @Override
    public int restoreOrder() {
        return 900;
    }

    @Override
    public Map<String, byte[]> export() {
        return Map.of(ENTRY, JsonEntry.write(json, store.current(), "network settings"));
    }

    @Override
    public PartPreview preview(Map<String, byte[]> entries) {
        NetworkSettings restored = parse(entries);
        NetworkSettings current = store.current();
        List<String> changes = new ArrayList<>();
        if (!current.wifi().passphrase().equals(restored.wifi().passphrase())) {
            changes.add("The WiFi passphrase changes.");
        }
        List<RestoreChoice> choices = new ArrayList<>();
        Optional<Set<String>> here = interfacesHere();
        if (here.isEmpty()) {
            changes.add("The interfaces of this box could not be listed: interface names are kept as in the backup.");
        } else {
            // a name the current settings already use is this box's own (a radio may be unplugged right now)
            Set<String> known = new LinkedHashSet<>(here.get());
            known.addAll(interfaceNames(current));
            for (String missing : interfaceNames(restored)) {
                if (!known.contains(missing)) {
                    List<String> options = new ArrayList<>();
                    options.add(missing);
                    here.get().stream().sorted().forEach(options::add);
                    choices.add(new RestoreChoice(IFACE_CHOICE + missing, "The backup uses interface '" + missing
                            + "', which this box does not have. Use instead (or keep '" + missing + "'):", options));
                }
            }
        }
        String before = readable(current);
        String after = readable(restored);
        if (!before.equals(after) || !changes.isEmpty() || !choices.isEmpty()) {
            changes.add("Applied like any network change: keep it within " + apply.confirmTimeout().toSeconds()
                    + " s or it rolls back by itself.");
        }
        return new PartPreview(before, after, changes, choices);
    }

    @Override
    public String restore(Map<String, byte[]> entries, RestoreContext context) {
        NetworkSettings restored = mapInterfaces(parse(entries), context);
        if (restored.equals(store.current())) {
            return "network settings already as in the backup";
        }
        Map<Long, CompletableFuture<ApplyState>> settled = new ConcurrentHashMap<>();
        try (Subscription ignored = apply.subscribe(state -> {
            if (state.phase() != Phase.APPLYING) {
                settled.computeIfAbsent(state.id(), id -> new CompletableFuture<>()).complete(state);
            }
        })) {
            context.progress().accept("applying network settings (with rollback)");
            ApplyState started = apply.apply(restored, new ClientContext(context.remoteAddress(), Optional.empty()));
            ApplyState state = settled.computeIfAbsent(started.id(), id -> new CompletableFuture<>())
                    .get(APPLY_WAIT.toSeconds(), TimeUnit.SECONDS);
            return switch (state.phase()) {
                case AWAITING_CONFIRMATION -> "network settings applied; keep them within "
                        + apply.confirmTimeout().toSeconds() + " s or they roll back";
                case CONFIRMED -> "network settings restored: " + state.message();
                default -> throw new IllegalStateException("network settings not applied: " + state.message());
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the network settings were applied", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the network change did not settle within " + APPLY_WAIT.toMinutes() + " min", e);
        }
    }

    private NetworkSettings parse(Map<String, byte[]> entries) {
        NetworkSettings settings = JsonEntry.read(json, entries, ENTRY, new TypeReference<>() { }, "the network settings");
        Set<ConstraintViolation<NetworkSettings>> violations = validator.validate(settings);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("the network settings are not valid: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
        return settings;
    }

    private Optional<Set<String>> interfacesHere() {
        try {
            return Optional.of(interfaces.list().stream().map(InterfaceInfo::name).collect(Collectors.toSet()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Set<String> interfaceNames(NetworkSettings settings) {
        Set<String> names = new LinkedHashSet<>();
        names.add(settings.wifi().iface());
        names.add(settings.lan().iface());
        if (!settings.uplink().iface().isEmpty()) {
            names.add(settings.uplink().iface());
        }
        return names;
    }

    private static NetworkSettings mapInterfaces(NetworkSettings settings, RestoreContext context) {
        WifiSettings w = settings.wifi();
        WifiSettings wifi = new WifiSettings(mapped(w.iface(), context), w.ssid(), w.passphrase(), w.security(),
                w.country(), w.band(), w.channel(), w.hidden(), w.maxClients(), w.clientIsolation(), w.blockedMacs());
        LanSettings lan = settings.lan().withIface(mapped(settings.lan().iface(), context));
        UplinkSettings u = settings.uplink();
        UplinkSettings uplink = new UplinkSettings(u.iface().isEmpty() ? "" : mapped(u.iface(), context), u.nat(),
                u.ipForwarding());
        return settings.withWifi(wifi).withLan(lan).withUplink(uplink);
    }

    private static String mapped(String iface, RestoreContext context) {
        return context.answers().getOrDefault(IFACE_CHOICE + iface, iface);
    }

    /** The settings as the page shows them: the passphrase never appears. */
    private String readable(NetworkSettings settings) {
        WifiSettings masked = settings.wifi().withPassphrase(MASK);
        return new String(JsonEntry.write(json, settings.withWifi(masked), "network settings"), StandardCharsets.UTF_8);
    }
}
