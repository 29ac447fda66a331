package io.miniman.operation.alert;

/** What "send test" got: sent, or the exact error of the server or the network. */
public record ChannelTest(boolean ok, String message) {
}
