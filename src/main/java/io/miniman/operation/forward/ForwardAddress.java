package io.miniman.operation.forward;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** Where a collector listens: {@code udp://host:port}, {@code tcp://host:port} or {@code tls://host:port}. */
public record ForwardAddress(Protocol protocol, String host, int port) {

    public enum Protocol { UDP, TCP, TLS }

    /**
     * Reads what an admin typed or what the environment says; the message of the exception is shown
     * beside the field, so it says what is accepted.
     */
    public static ForwardAddress parse(String text, int defaultPort, Set<Protocol> allowed) {
        String expected = "use " + String.join(", ", allowed.stream().map(p -> p.name().toLowerCase(Locale.ROOT) + "://host:port").toList());
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is empty: " + expected);
        }
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not an address: " + expected);
        }
        Protocol protocol;
        try {
            protocol = Protocol.valueOf(String.valueOf(uri.getScheme()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("has no known protocol: " + expected);
        }
        if (!allowed.contains(protocol)) {
            throw new IllegalArgumentException(protocol.name().toLowerCase(Locale.ROOT) + " is not offered here: " + expected);
        }
        String host = uri.getHost();
        if (host == null || host.isBlank() || uri.getUserInfo() != null || (uri.getPath() != null && !uri.getPath().isEmpty())) {
            throw new IllegalArgumentException("needs a host name or address and nothing else: " + expected);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() < 0 ? defaultPort : uri.getPort();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1 to 65535");
        }
        return new ForwardAddress(protocol, host, port);
    }

    /** Resolved at each send, so a collector that moves to a new address is followed (the JVM caches 30 s). */
    InetAddress resolve() throws UnknownHostException {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new UnknownHostException("host name does not resolve: " + host);
        }
    }

    @Override
    public String toString() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return protocol.name().toLowerCase(Locale.ROOT) + "://" + shownHost + ":" + port;
    }
}
