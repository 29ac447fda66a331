package io.miniman.operation.forward;

import java.util.EnumSet;
import java.util.Objects;

/**
 * A collector to send to: a syslog server, a GELF input or an SNMP manager. {@code key} is stable
 * ("channel:7", "env:syslog:1"); {@code secret} (the SNMP community) is never shown or logged.
 */
public record Destination(String key, String label, Format format, ForwardAddress address, String secret,
        boolean forwardOperations) {

    public enum Format {
        SYSLOG(514, EnumSet.allOf(ForwardAddress.Protocol.class)),
        GELF(12201, EnumSet.of(ForwardAddress.Protocol.UDP, ForwardAddress.Protocol.TCP)),
        SNMP(162, EnumSet.of(ForwardAddress.Protocol.UDP));

        private final int defaultPort;
        private final EnumSet<ForwardAddress.Protocol> protocols;

        Format(int defaultPort, EnumSet<ForwardAddress.Protocol> protocols) {
            this.defaultPort = defaultPort;
            this.protocols = protocols;
        }

        /** Throws {@link IllegalArgumentException} whose message says what is accepted. */
        public ForwardAddress parse(String text) {
            return ForwardAddress.parse(text, defaultPort, protocols);
        }
    }

    EventSender newSender(String hostname) {
        return switch (format) {
            case SYSLOG -> new SyslogSender(address, hostname);
            case GELF -> new GelfSender(address, hostname);
            case SNMP -> new SnmpTrapSender(address, secret);
        };
    }

    /** Equal when nothing that reaches the wire changed, so a save that only renames keeps the queue. */
    boolean sameWire(Destination other) {
        return other != null && format == other.format && address.equals(other.address)
                && Objects.equals(secret, other.secret);
    }

    @Override
    public String toString() {
        return label + " (" + format.name().toLowerCase() + " " + address + ")";
    }
}
