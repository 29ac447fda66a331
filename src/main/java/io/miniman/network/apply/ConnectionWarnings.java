package io.miniman.network.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.miniman.network.settings.FirewallSettings;
import io.miniman.network.settings.LanSettings;
import io.miniman.network.settings.NetworkSettings;
import io.miniman.network.settings.WifiSettings;

/**
 * Says, before applying, when the change cuts the very connection the admin's browser uses, and where
 * to reconnect. A browser on the LAN subnet is taken to be on the WiFi (the box's LAN is its AP).
 */
public final class ConnectionWarnings {

    private ConnectionWarnings() {
    }

    public static List<String> of(NetworkSettings current, NetworkSettings proposed, ClientContext client) {
        List<String> warnings = new ArrayList<>();
        if (!current.lan().subnet().containsHost(client.remoteAddress())) {
            return warnings;
        }
        WifiSettings was = current.wifi();
        WifiSettings will = proposed.wifi();
        if (radioChanges(was, will)) {
            StringBuilder text = new StringBuilder("You are connected through the WiFi '" + was.ssid()
                    + "'. It restarts and your device will disconnect; reconnect to '" + will.ssid() + "'");
            if (!was.passphrase().equals(will.passphrase())) {
                text.append(" with the new passphrase");
            }
            if (was.hidden() != will.hidden() && will.hidden()) {
                text.append(" (now hidden: add it by name)");
            }
            warnings.add(text.append('.').toString());
        }
        if (addressChanges(current.lan(), proposed.lan())) {
            warnings.add("Your browser reaches the console at " + current.lan().address() + ". After applying, open "
                    + consoleUrl(proposed) + " (your device may need to reconnect to get a new address).");
        } else if (consolePortChanges(current.firewall(), proposed.firewall())) {
            warnings.add("The console is reached through port " + proposed.firewall().consolePort()
                    + " from now on: open " + consoleUrl(proposed) + ".");
        }
        client.mac().map(mac -> mac.toLowerCase(Locale.ROOT)).filter(mac -> will.blockedMacs().stream()
                .anyMatch(blocked -> blocked.equalsIgnoreCase(mac))).ifPresent(mac -> warnings.add(
                        "You are blocking your own device (" + mac + "): it will lose the WiFi."));
        return warnings;
    }

    private static boolean radioChanges(WifiSettings was, WifiSettings will) {
        return !was.iface().equals(will.iface()) || !was.ssid().equals(will.ssid())
                || !was.passphrase().equals(will.passphrase()) || was.security() != will.security()
                || !was.country().equals(will.country()) || was.band() != will.band()
                || was.channel() != will.channel() || was.hidden() != will.hidden()
                || was.clientIsolation() != will.clientIsolation() || was.maxClients() != will.maxClients();
    }

    private static boolean addressChanges(LanSettings was, LanSettings will) {
        return !was.iface().equals(will.iface()) || !was.address().equals(will.address())
                || was.prefixLength() != will.prefixLength();
    }

    private static boolean consolePortChanges(FirewallSettings was, FirewallSettings will) {
        return was.consolePort() != will.consolePort() || was.redirectHttp() != will.redirectHttp();
    }

    private static String consoleUrl(NetworkSettings settings) {
        FirewallSettings firewall = settings.firewall();
        return "http://" + settings.lan().address()
                + (firewall.redirectHttp() ? "/" : ":" + firewall.consolePort() + "/");
    }
}
