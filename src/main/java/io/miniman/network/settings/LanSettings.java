package io.miniman.network.settings;

import java.util.List;

import io.miniman.network.settings.validation.ConsistentLan;
import io.miniman.network.settings.validation.DomainName;
import io.miniman.network.settings.validation.InterfaceName;
import io.miniman.network.settings.validation.Ipv4;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The box's side of the WiFi: its address and what dnsmasq hands out. */
@ConsistentLan
public record LanSettings(
        @NotNull @InterfaceName String iface,
        @NotNull @Ipv4 String address,
        @Min(8) @Max(30) int prefixLength,
        @NotNull @Ipv4 String rangeStart,
        @NotNull @Ipv4 String rangeEnd,
        // dnsmasq refuses leases shorter than two minutes
        @Min(2) @Max(60 * 24 * 365) int leaseMinutes,
        @NotNull @NotEmpty @Size(max = 8) List<@NotNull @Ipv4 String> dnsServers,
        @NotNull @DomainName String domain,
        @NotNull @Size(max = 256) List<@NotNull @Valid StaticLease> staticLeases) {

    public LanSettings {
        dnsServers = dnsServers == null ? List.of() : List.copyOf(dnsServers);
        staticLeases = staticLeases == null ? List.of() : List.copyOf(staticLeases);
    }

    public static LanSettings defaults() {
        return new LanSettings("wlan0", "192.168.50.1", 24, "192.168.50.10", "192.168.50.100", 12 * 60,
                List.of("8.8.8.8", "8.8.4.4"), "lan", List.of());
    }

    public Ipv4Subnet subnet() {
        return Ipv4Subnet.of(address, prefixLength);
    }

    public LanSettings withAddress(String value, int prefix) {
        return new LanSettings(iface, value, prefix, rangeStart, rangeEnd, leaseMinutes, dnsServers, domain,
                staticLeases);
    }

    public LanSettings withRange(String start, String end) {
        return new LanSettings(iface, address, prefixLength, start, end, leaseMinutes, dnsServers, domain,
                staticLeases);
    }

    public LanSettings withStaticLeases(List<StaticLease> value) {
        return new LanSettings(iface, address, prefixLength, rangeStart, rangeEnd, leaseMinutes, dnsServers, domain,
                value);
    }

    public LanSettings withIface(String value) {
        return new LanSettings(value, address, prefixLength, rangeStart, rangeEnd, leaseMinutes, dnsServers, domain,
                staticLeases);
    }
}
