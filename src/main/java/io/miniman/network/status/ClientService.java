package io.miniman.network.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.miniman.host.HostFiles;
import io.miniman.host.PrivilegedHelper;
import io.miniman.host.PrivilegedHelper.Outcome;
import io.miniman.network.NetworkProperties;
import io.miniman.network.settings.NetworkSettings;
import io.miniman.network.settings.validation.NetworkText;
import io.miniman.network.store.NetworkSettingsStore;
import org.springframework.stereotype.Service;

/** Clients from dnsmasq's lease file and hostapd's station list; blocking goes through the apply path. */
@Service
public class ClientService {

    private final HostFiles hostFiles;
    private final PrivilegedHelper helper;
    private final NetworkSettingsStore store;
    private final String leaseFile;

    public ClientService(HostFiles hostFiles, PrivilegedHelper helper, NetworkSettingsStore store,
            NetworkProperties properties) {
        this.hostFiles = hostFiles;
        this.helper = helper;
        this.store = store;
        this.leaseFile = properties.leaseFile();
    }

    public record Clients(List<ClientInfo> clients, Optional<String> stationListProblem) {
    }

    public Clients list() {
        NetworkSettings settings = store.current();
        Map<String, Lease> leases = parseLeases(hostFiles.read(leaseFile)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8)).orElse(""));
        Outcome stations = helper.verb("stations", settings.wifi().iface());
        Map<String, Map<String, String>> associated = stations instanceof Outcome.Done done
                ? parseStations(done.output()) : Map.of();
        Set<String> blocked = settings.wifi().blockedMacs().stream().map(mac -> mac.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());

        Set<String> macs = new LinkedHashSet<>(associated.keySet());
        macs.addAll(leases.keySet());
        macs.addAll(blocked);
        List<ClientInfo> out = new ArrayList<>();
        for (String mac : macs) {
            Optional<Lease> lease = Optional.ofNullable(leases.get(mac));
            Map<String, String> station = associated.getOrDefault(mac, Map.of());
            out.add(new ClientInfo(mac, lease.map(Lease::ip), lease.map(Lease::hostname).filter(h -> !h.equals("*")),
                    lease.map(Lease::expiry), associated.containsKey(mac), number(station.get("signal")).map(Long::intValue),
                    number(station.get("connected_time")), number(station.get("rx_bytes")),
                    number(station.get("tx_bytes")), blocked.contains(mac)));
        }
        return new Clients(out, stations instanceof Outcome.Done ? Optional.empty()
                : Optional.of("No station list: " + stations.describe()));
    }

    /** The MAC dnsmasq leased this address to, for "you are blocking yourself" warnings. */
    public Optional<String> macOf(String ip) {
        return parseLeases(hostFiles.read(leaseFile).map(bytes -> new String(bytes, StandardCharsets.UTF_8)).orElse(""))
                .values().stream().filter(lease -> lease.ip().equals(ip)).map(Lease::mac).findFirst();
    }

    record Lease(Instant expiry, String mac, String ip, String hostname) {
    }

    /** dnsmasq's format: "EXPIRY MAC IP HOSTNAME CLIENT-ID" per line, EXPIRY in epoch seconds (0 = never). */
    static Map<String, Lease> parseLeases(String text) {
        Map<String, Lease> out = new LinkedHashMap<>();
        for (String line : text.lines().toList()) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 4 && NetworkText.isMac(fields[1]) && NetworkText.isIpv4(fields[2])) {
                String mac = fields[1].toLowerCase(Locale.ROOT);
                out.put(mac, new Lease(Instant.ofEpochSecond(number(fields[0]).orElse(0L)), mac, fields[2], fields[3]));
            }
        }
        return out;
    }

    /** hostapd_cli all_sta: a MAC on a line of its own, then that station's key=value lines. */
    static Map<String, Map<String, String>> parseStations(String text) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String line : text.lines().map(String::trim).toList()) {
            if (NetworkText.isMac(line)) {
                current = new LinkedHashMap<>();
                out.put(line.toLowerCase(Locale.ROOT), current);
            } else if (current != null && line.indexOf('=') > 0) {
                current.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return out;
    }

    private static Optional<Long> number(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
