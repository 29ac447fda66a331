package io.miniman.operation.alert;

import java.util.Optional;

import io.miniman.operation.forward.Destination;

/** Where an alert can go. The last three are collectors that can also receive every operation transition. */
public enum ChannelKind {
    IN_APP("In-app (header bell)", null),
    EMAIL("E-mail (SMTP)", null),
    SYSLOG("Syslog (RFC 5424)", Destination.Format.SYSLOG),
    GELF("GELF (Graylog, Logstash)", Destination.Format.GELF),
    SNMP("SNMP v2c trap", Destination.Format.SNMP);

    private final String label;
    private final Destination.Format format;

    ChannelKind(String label, Destination.Format format) {
        this.label = label;
        this.format = format;
    }

    public String label() {
        return label;
    }

    /** The wire format of a collector channel; empty for the bell and e-mail. */
    public Optional<Destination.Format> format() {
        return Optional.ofNullable(format);
    }
}
