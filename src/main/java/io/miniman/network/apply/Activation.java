package io.miniman.network.apply;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.miniman.network.render.ApService;
import io.miniman.network.render.ManagedFile;
import io.miniman.network.settings.NetworkSettings;
import io.miniman.network.settings.validation.NetworkText;

/** One step that makes changed files live, as the helper command that does it. */
record Activation(String label, List<String> helperCommand) {

    static Activation of(ApService service) {
        return new Activation(service.label(), service.helperCommand());
    }

    record Plan(List<Activation> forward, List<Activation> backward) {
    }

    /**
     * The steps for these changed files (each with its previous content), forward and back. A change of
     * the deny list alone is made live through hostapd's control socket instead of a restart, which would
     * drop every client, the admin's phone included, to block one.
     */
    static Plan plan(Map<ManagedFile, Optional<byte[]>> changed, NetworkSettings proposed) {
        Set<ApService> services = EnumSet.noneOf(ApService.class);
        changed.keySet().forEach(file -> services.add(file.service()));
        boolean denyListOnly = changed.containsKey(ManagedFile.HOSTAPD_DENY) && !changed.containsKey(ManagedFile.HOSTAPD);
        if (denyListOnly) {
            services.remove(ApService.HOSTAPD);
        }
        List<Activation> forward = new ArrayList<>(services.stream().map(Activation::of).toList());
        List<Activation> backward = new ArrayList<>(forward);
        if (denyListOnly) {
            String iface = proposed.wifi().iface();
            Set<String> before = macs(changed.get(ManagedFile.HOSTAPD_DENY).map(b -> new String(b, StandardCharsets.UTF_8))
                    .orElse(""));
            Set<String> after = new LinkedHashSet<>();
            proposed.wifi().blockedMacs().forEach(mac -> after.add(mac.toLowerCase(Locale.ROOT)));
            for (String mac : after) {
                if (!before.contains(mac)) {
                    forward.add(block(iface, mac));
                    backward.add(unblock(iface, mac));
                }
            }
            for (String mac : before) {
                if (!after.contains(mac)) {
                    forward.add(unblock(iface, mac));
                    backward.add(block(iface, mac));
                }
            }
        }
        return new Plan(forward, backward);
    }

    private static Activation block(String iface, String mac) {
        return new Activation("block " + mac, List.of("deny-mac", iface, mac));
    }

    private static Activation unblock(String iface, String mac) {
        return new Activation("unblock " + mac, List.of("allow-mac", iface, mac));
    }

    private static Set<String> macs(String denyFile) {
        Set<String> out = new LinkedHashSet<>();
        denyFile.lines().map(String::strip).filter(NetworkText::isMac).forEach(mac -> out.add(mac.toLowerCase(Locale.ROOT)));
        return out;
    }
}
