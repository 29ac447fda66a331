package io.miniman.network.diag;

public enum DiagnosticKind {
    PING("Ping"),
    TRACEROUTE("Traceroute"),
    DNS_LOOKUP("DNS lookup"),
    TCP_PORT("TCP port check");

    private final String label;

    DiagnosticKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
