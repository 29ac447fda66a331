package io.miniman.network.settings;

import java.util.Optional;

import io.miniman.network.settings.validation.NetworkText;

/** An IPv4 subnet as 32-bit numbers, for the range and lease checks. */
public record Ipv4Subnet(long network, int prefixLength) {

    public static Ipv4Subnet of(String address, int prefixLength) {
        long mask = mask(prefixLength);
        return new Ipv4Subnet(toLong(address).orElseThrow(() -> new IllegalArgumentException("not an IPv4 address"))
                & mask, prefixLength);
    }

    public static Optional<Long> toLong(String address) {
        if (!NetworkText.isIpv4(address)) {
            return Optional.empty();
        }
        long value = 0;
        for (String part : address.split("\\.")) {
            value = (value << 8) | Integer.parseInt(part);
        }
        return Optional.of(value);
    }

    public static String toText(long value) {
        return ((value >> 24) & 255) + "." + ((value >> 16) & 255) + "." + ((value >> 8) & 255) + "." + (value & 255);
    }

    static long mask(int prefixLength) {
        return prefixLength == 0 ? 0 : (0xFFFFFFFFL << (32 - prefixLength)) & 0xFFFFFFFFL;
    }

    public long broadcast() {
        return network | (~mask(prefixLength) & 0xFFFFFFFFL);
    }

    /** A usable host address: inside, and neither the network nor the broadcast address. */
    public boolean containsHost(long address) {
        return address > network && address < broadcast();
    }

    public boolean containsHost(String address) {
        return toLong(address).map(this::containsHost).orElse(false);
    }

    public String netmask() {
        return toText(mask(prefixLength));
    }

    public String cidr() {
        return toText(network) + "/" + prefixLength;
    }
}
