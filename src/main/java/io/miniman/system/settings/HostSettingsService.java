package io.miniman.system.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;

import io.miniman.MinimanApplication;
import io.miniman.config.MinimanProperties;
import io.miniman.host.CommandResult;
import io.miniman.host.CommandRunner;
import io.miniman.host.HostFiles;
import io.miniman.host.PrivilegedHelper;
import io.miniman.system.ProcReader;

/** Reads the host's name, time, OS and versions; changes go through {@link HostSettingsActions}. */
@Service
public class HostSettingsService {

    /** The zone list timedatectl itself reads (systemd 248 and later), so it answers without D-Bus too. */
    static final Path TZDATA = Path.of("/usr/share/zoneinfo/tzdata.zi");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ProcReader proc;
    private final HostFiles files;
    private final CommandRunner runner;
    private final PrivilegedHelper helper;

    public HostSettingsService(MinimanProperties properties, HostFiles files, CommandRunner runner, PrivilegedHelper helper) {
        this.proc = new ProcReader(properties.host().proc());
        this.files = files;
        this.runner = runner;
        this.helper = helper;
    }

    public HostFacts facts() {
        Map<String, String> time = timedatectl();
        Optional<HostFacts.Ntp> ntp = time.containsKey("NTP") ? Optional.of(new HostFacts.Ntp(
                "yes".equals(time.get("NTP")), "yes".equals(time.get("NTPSynchronized")), "yes".equals(time.get("CanNTP"))))
                : Optional.empty();
        return new HostFacts(proc.hostname(), time.getOrDefault("Timezone", timeZoneFromFiles()), ntp,
                ntp.isPresent() ? "" : time.getOrDefault("", "timedatectl gave no answer"), osName(), proc.kernel(),
                proc.uptime(), consoleVersion());
    }

    /** timedatectl's machine-readable properties; on failure, its error under the key "". */
    private Map<String, String> timedatectl() {
        Map<String, String> out = new LinkedHashMap<>();
        CommandResult result;
        try {
            result = runner.run(List.of("timedatectl", "show"), TIMEOUT);
        } catch (RuntimeException e) {
            out.put("", "timedatectl cannot run: " + e.getMessage());
            return out;
        }
        if (!result.ok()) {
            out.put("", "timedatectl: " + result.failureText().strip());
            return out;
        }
        result.stdout().lines().forEach(line -> {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq), line.substring(eq + 1));
            }
        });
        return out;
    }

    /** Where timedatectl cannot answer: the zone /etc/localtime links to, as timedated itself reads it. */
    private String timeZoneFromFiles() {
        Path localtime = files.resolve("/etc/localtime");
        try {
            String target = Files.readSymbolicLink(localtime).toString();
            int at = target.indexOf("zoneinfo/");
            return at < 0 ? "UTC" : target.substring(at + "zoneinfo/".length());
        } catch (IOException | UnsupportedOperationException e) {
            return "UTC";
        }
    }

    private String osName() {
        String text = files.read("/etc/os-release").map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
        return text.lines().filter(line -> line.startsWith("PRETTY_NAME="))
                .map(line -> line.substring("PRETTY_NAME=".length()).replaceAll("^\"|\"$", ""))
                .findFirst().orElse("unknown (no /etc/os-release)");
    }

    private static String consoleVersion() {
        String version = MinimanApplication.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    /** The OS's zone names, links included (what {@code timedatectl list-timezones} lists), sorted. */
    public Set<String> timeZones() {
        Set<String> zones = new TreeSet<>();
        zones.add("UTC");
        try {
            for (String line : Files.readAllLines(TZDATA, StandardCharsets.UTF_8)) {
                String[] fields = line.split(" ");
                // "Z Europe/Berlin ..." is a zone, "L Europe/Berlin Arctic/Longyearbyen" a link: its name is the last field
                if (fields.length >= 2 && fields[0].equals("Z")) {
                    zones.add(fields[1]);
                } else if (fields.length >= 3 && fields[0].equals("L")) {
                    zones.add(fields[2]);
                }
            }
        } catch (IOException e) {
            // no tzdata package: only UTC can be chosen, which the kernel always knows
        }
        return zones;
    }

    // What the Actions classes check against: their own methods, so a view calling facts() or timeZones()
    // is not taken for one that skips the Actions (ArchitectureTest judges by who calls what).
    String hostnameNow() {
        return proc.hostname();
    }

    String timeZoneNow() {
        return facts().timeZone();
    }

    boolean knowsTimeZone(String zone) {
        return timeZones().contains(zone);
    }

    /** Package-private: only {@link HostSettingsActions} runs it, as an operation. */
    PrivilegedHelper.Outcome applyHostname(String hostname) {
        return helper.verb("hostname", hostname);
    }

    PrivilegedHelper.Outcome applyTimeZone(String zone) {
        return helper.verb("timezone", zone);
    }

    /** What {@code system-reset} would do with these options, in the script's own words. */
    public String resetDescription(boolean purgeDocker) {
        PrivilegedHelper.Outcome outcome = purgeDocker
                ? helper.verb("system-reset-describe", "--purge-docker", "--no-reboot")
                : helper.verb("system-reset-describe", "--no-reboot");
        if (outcome instanceof PrivilegedHelper.Outcome.Done done) {
            return done.output().strip();
        }
        throw new IllegalStateException("system-reset cannot describe itself: " + outcome.describe());
    }
}
