package io.miniman.system.service;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.miniman.InvalidInputException;

/**
 * Which systemd units the Services page shows and controls.
 *
 * @param services     unit names without ".service"; each must be one the root helper allows, so the
 *                     console and the helper refuse the same names (checked at start)
 * @param systemctl    the program read for the units' state (tests point it at a recording)
 * @param journalLines lines a unit's journal view keeps; older ones are dropped
 */
@ConfigurationProperties("miniman.system")
public record ServicesProperties(
        @DefaultValue({"hostapd", "dnsmasq", "nginx", "docker", "systemd-networkd", "systemd-resolved", "miniman",
                "miniman-firewall"}) List<String> services,
        @DefaultValue("systemctl") String systemctl,
        @DefaultValue("2000") int journalLines) {

    /** The helper's own list (provisioning/miniman-helper, UNITS): it re-checks every name against it. */
    public static final List<String> HELPER_UNITS = List.of("hostapd", "dnsmasq", "nginx", "docker",
            "systemd-networkd", "systemd-resolved", "miniman", "miniman-firewall");

    private static final Pattern UNIT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9@._-]{0,62}");

    public ServicesProperties {
        services = List.copyOf(services);
        for (String unit : services) {
            if (!UNIT_NAME.matcher(unit).matches() || !HELPER_UNITS.contains(unit)) {
                throw new IllegalArgumentException("miniman.system.services: " + unit
                        + " is not one the root helper may control (" + String.join(", ", HELPER_UNITS) + ")");
            }
        }
        if (journalLines < 100 || journalLines > 100_000) {
            throw new IllegalArgumentException("miniman.system.journal-lines must be between 100 and 100000");
        }
    }

    /** The unit, if it is on the list; a clear refusal otherwise, before anything runs. */
    public String requireListed(String unit) {
        if (unit == null || !services.contains(unit)) {
            throw new InvalidInputException("unit", "Not a service this console manages: " + unit
                    + " (it manages " + String.join(", ", services) + ")");
        }
        return unit;
    }
}
