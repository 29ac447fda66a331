package io.miniman.docker.container;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A published port: {@code [hostIp:][hostPort:]containerPort[/protocol]}; hostPort null means "any free one". */
public record PortMapping(String hostIp, Integer hostPort, int containerPort, String protocol) {

    private static final Pattern SPEC =
            Pattern.compile("^(?:(?:(\\d{1,3}(?:\\.\\d{1,3}){3}):)?(\\d{1,5})?:)?(\\d{1,5})(?:/(tcp|udp|sctp))?$");

    public PortMapping {
        protocol = protocol == null ? "tcp" : protocol;
    }

    /** Parses the docker CLI form; throws {@link IllegalArgumentException} saying what is wrong. */
    public static PortMapping parse(String spec) {
        Matcher m = SPEC.matcher(spec.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("Port mapping '" + spec + "' is not [host-ip:][host-port:]container-port[/tcp|udp]");
        }
        Integer hostPort = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        int containerPort = Integer.parseInt(m.group(3));
        if (containerPort < 1 || containerPort > 65535 || (hostPort != null && (hostPort < 1 || hostPort > 65535))) {
            throw new IllegalArgumentException("Port mapping '" + spec + "': ports go from 1 to 65535");
        }
        return new PortMapping(m.group(1), hostPort, containerPort, m.group(4));
    }

    @Override
    public String toString() {
        String host = (hostIp == null ? "" : hostIp + ":") + (hostPort == null ? "" : hostPort);
        return (host.isEmpty() ? "" : host + "->") + containerPort + "/" + protocol;
    }
}
