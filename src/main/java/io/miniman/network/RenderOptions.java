package io.miniman.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.miniman.network.settings.FirewallSettings;
import io.miniman.network.settings.NetworkSettings;
import io.miniman.network.settings.UplinkSettings;
import io.miniman.network.settings.WifiSettings;

/**
 * The arguments of {@code render}: the target root and what provisioning chose for the first settings
 * of a box. The passphrase comes from a file, never from the command line, where every local user
 * could read it in the process list.
 */
record RenderOptions(Path root, Optional<String> ssid, Optional<Path> passphraseFile, Optional<String> country,
        Optional<String> wifiIface, Optional<String> uplinkIface, boolean sshFromUplink) {

    static final String USAGE = "render --root DIR [--ssid NAME] [--passphrase-file FILE] [--country CC]"
            + " [--wifi-iface IFACE] [--uplink-iface IFACE] [--ssh-from-uplink]"
            + " (write the access point files from the stored settings; the options seed an empty database)";

    private static final Set<String> VALUED = Set.of("--root", "--ssid", "--passphrase-file", "--country",
            "--wifi-iface", "--uplink-iface");
    private static final String SSH_FROM_UPLINK = "--ssh-from-uplink";

    /** Empty when the arguments do not parse: an unknown or repeated option, a blank value, no root. */
    static Optional<RenderOptions> parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            String value;
            if (name.equals(SSH_FROM_UPLINK) && eq < 0) {
                value = "yes";
            } else if (!VALUED.contains(name)) {
                return Optional.empty();
            } else if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return Optional.empty();
            }
            if (value.isBlank() || given.putIfAbsent(name, value) != null) {
                return Optional.empty();
            }
        }
        if (!given.containsKey("--root")) {
            return Optional.empty();
        }
        return Optional.of(new RenderOptions(Path.of(given.get("--root")), Optional.ofNullable(given.get("--ssid")),
                Optional.ofNullable(given.get("--passphrase-file")).map(Path::of),
                Optional.ofNullable(given.get("--country")), Optional.ofNullable(given.get("--wifi-iface")),
                Optional.ofNullable(given.get("--uplink-iface")), given.containsKey(SSH_FROM_UPLINK)));
    }

    boolean seedsSettings() {
        return ssid.isPresent() || passphraseFile.isPresent() || country.isPresent() || wifiIface.isPresent()
                || uplinkIface.isPresent() || sshFromUplink;
    }

    Optional<String> passphrase() throws IOException {
        if (passphraseFile.isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(passphraseFile.get(), StandardCharsets.UTF_8);
        return Optional.of(lines.isEmpty() ? "" : lines.get(0));
    }

    /**
     * The box's first settings: the defaults with what provisioning chose. The access point serves
     * the LAN on the WiFi interface; nginx owns port 80, so nothing redirects it to the console; SSH
     * is reachable from the LAN only unless provisioning keeps it open to the uplink.
     */
    NetworkSettings firstSettings(String passphrase) {
        NetworkSettings defaults = NetworkSettings.defaults(passphrase);
        WifiSettings wifi = defaults.wifi();
        String iface = wifiIface.orElse(wifi.iface());
        WifiSettings chosen = new WifiSettings(iface, ssid.orElse(wifi.ssid()), passphrase, wifi.security(),
                country.orElse(wifi.country()), wifi.band(), wifi.channel(), wifi.hidden(), wifi.maxClients(),
                wifi.clientIsolation(), wifi.blockedMacs());
        UplinkSettings up = defaults.uplink();
        FirewallSettings firewall = defaults.firewall();
        return defaults.withWifi(chosen)
                .withLan(defaults.lan().withIface(iface))
                .withUplink(new UplinkSettings(uplinkIface.orElse(up.iface()), up.nat(), up.ipForwarding()))
                .withFirewall(new FirewallSettings(firewall.consolePort(), false, !sshFromUplink, firewall.sshPort()));
    }
}
