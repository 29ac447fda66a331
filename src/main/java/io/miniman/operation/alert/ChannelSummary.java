package io.miniman.operation.alert;

/** A channel as views read it: the secret is never in it, only whether one is stored. */
public record ChannelSummary(long id, String name, ChannelKind kind, String address, String username, boolean hasSecret,
        boolean starttls, String mailFrom, String mailTo, boolean forwardOperations, boolean enabled) {

    public String key() {
        return AlertChannel.key(id);
    }
}
