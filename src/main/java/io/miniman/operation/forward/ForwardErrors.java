package io.miniman.operation.forward;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/** The exact reason of a failed send, in the words shown beside a channel ("failing since …: reason"). */
public final class ForwardErrors {

    private ForwardErrors() {
    }

    public static String describe(Throwable e) {
        // a network cause says most, however deep a library wrapped it (the deepest is the system's own words)
        String network = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            if (cause instanceof UnknownHostException) {
                network = message.startsWith("host name") ? message : "host name does not resolve: " + message;
            } else if (cause instanceof ConnectException) {
                network = "connection refused or unreachable: " + message;
            } else if (cause instanceof SocketTimeoutException) {
                network = "no answer in time: " + message;
            }
        }
        if (network != null) {
            return network;
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause
                && (cause.getMessage() == null || cause instanceof RuntimeException)) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
