package io.miniman.system.settings;

import java.time.Duration;
import java.util.Optional;

/**
 * The host as the settings page shows it. {@code ntp} is what {@code timedatectl show} said, or empty
 * with {@code ntpProblem} saying why (no systemd, no D-Bus).
 */
public record HostFacts(String hostname, String timeZone, Optional<Ntp> ntp, String ntpProblem, String os,
        String kernel, Duration uptime, String consoleVersion) {

    /** timedatectl's properties NTP (enabled), NTPSynchronized and CanNTP. */
    public record Ntp(boolean enabled, boolean synchronized_, boolean available) {
    }
}
