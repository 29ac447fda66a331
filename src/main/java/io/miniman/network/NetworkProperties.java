package io.miniman.network;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code miniman.network.confirm-timeout}: how long an applied change waits for "Keep these settings"
 * before the previous files are put back. {@code miniman.network.lease-file}: dnsmasq's lease file.
 */
@ConfigurationProperties("miniman.network")
public record NetworkProperties(
        @DefaultValue("90s") Duration confirmTimeout,
        @DefaultValue("/var/lib/misc/dnsmasq.leases") String leaseFile) {
}
