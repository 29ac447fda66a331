package io.miniman.network.status;

import java.time.Instant;
import java.util.Optional;

/**
 * A device on the LAN: joined from dnsmasq's lease and hostapd's station entry by MAC. Either side may
 * be missing (a static address without DHCP; a lease whose device left).
 */
public record ClientInfo(String mac, Optional<String> ip, Optional<String> hostname, Optional<Instant> leaseExpiry,
        boolean associated, Optional<Integer> signalDbm, Optional<Long> connectedSeconds, Optional<Long> rxBytes,
        Optional<Long> txBytes, boolean blocked) {
}
