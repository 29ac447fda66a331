package io.miniman.operation.alert;

import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.miniman.operation.forward.Destination;

@Entity
@Table(name = "alert_channel")
class AlertChannel {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(columnDefinition = "integer")
    private Long id;

    @Column(nullable = false, length = 64)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ChannelKind kind;

    private String address;
    private String username;
    private String secret;
    private boolean starttls;
    @Column(name = "mail_from")
    private String mailFrom;
    @Column(name = "mail_to", length = 1000)
    private String mailTo;
    @Column(name = "forward_operations")
    private boolean forwardOperations;
    private boolean enabled;

    protected AlertChannel() {
    }

    AlertChannel(ChannelDraft draft) {
        apply(draft);
    }

    static String key(long id) {
        return "channel:" + id;
    }

    /** A draft without a secret keeps the stored one: forms never receive it, so they cannot send it back. */
    void apply(ChannelDraft draft) {
        name = draft.name();
        if (kind != null && kind != draft.kind()) {
            secret = null;
        }
        kind = draft.kind();
        address = draft.address();
        username = draft.username();
        if (draft.secret() != null) {
            secret = draft.secret();
        }
        starttls = draft.starttls();
        mailFrom = draft.mailFrom();
        mailTo = draft.mailTo();
        forwardOperations = draft.forwardOperations() && kind.format().isPresent();
        enabled = draft.enabled();
    }

    ChannelSummary toSummary() {
        return new ChannelSummary(id, name, kind, address, username, secret != null, starttls, mailFrom, mailTo,
                forwardOperations, enabled);
    }

    /** The collector behind a syslog, GELF or SNMP channel. */
    Optional<Destination> toDestination() {
        return kind.format().map(format -> new Destination(key(id), name, format, format.parse(address), secret,
                forwardOperations));
    }

    Long getId() {
        return id;
    }

    ChannelKind getKind() {
        return kind;
    }

    String getSecret() {
        return secret;
    }

    boolean isEnabled() {
        return enabled;
    }
}
