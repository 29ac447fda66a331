package io.miniman.network.apply;

import java.util.Optional;

/**
 * Where the admin's browser is: its address as the console sees it, and its MAC when dnsmasq leased
 * that address. Used only to warn before the admin cuts their own connection.
 */
public record ClientContext(String remoteAddress, Optional<String> mac) {

    public static ClientContext unknown() {
        return new ClientContext("", Optional.empty());
    }
}
