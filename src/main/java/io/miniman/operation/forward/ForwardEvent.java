package io.miniman.operation.forward;

import java.time.Duration;
import java.time.Instant;

import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationUpdate;

/**
 * One thing to forward, the same for every format: an operation transition, an alert (with how many
 * matches it stands for) or a channel's test message. Texts are already redacted by the operation log.
 */
public record ForwardEvent(Kind kind, Instant time, String type, String name, String status, String user,
        String target, Long durationMillis, String message, int count, Long operationId) {

    public enum Kind {
        OPERATION, ALERT, TEST;

        public String word() {
            return name().toLowerCase();
        }
    }

    public static ForwardEvent of(OperationUpdate update) {
        Instant time = update.endTime() == null ? update.startTime() : update.endTime();
        String message = update.status() == OperationStatus.FAILED ? update.errorMessage() : update.result();
        return new ForwardEvent(Kind.OPERATION, time, update.type().label(), update.name(), update.status().label(),
                update.user(), update.target(), update.duration().map(Duration::toMillis).orElse(null), message, 1,
                update.id());
    }

    public static ForwardEvent alert(Instant time, String rule, String message, int count, Long operationId) {
        return new ForwardEvent(Kind.ALERT, time, null, rule, null, null, null, null, message, count, operationId);
    }

    public static ForwardEvent test(Instant time, String channel) {
        return new ForwardEvent(Kind.TEST, time, null, channel, null, null, null, null,
                "test message from Mini Manager to " + channel, 1, null);
    }

    public boolean failed() {
        return OperationStatus.FAILED.label().equals(status) || kind == Kind.ALERT;
    }

    /** The one line a human reads first (syslog MSG, GELF short_message, the SNMP message). */
    public String summary() {
        return switch (kind) {
            case OPERATION -> type + " " + name + (target == null ? "" : " on " + target) + ": " + status
                    + (message == null || message.isBlank() ? "" : " (" + firstLine(message) + ")");
            case ALERT -> "alert " + name + (count > 1 ? " (" + count + " times)" : "") + ": " + firstLine(message);
            case TEST -> message;
        };
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        return line.length() <= 300 ? line : line.substring(0, 299) + "…";
    }
}
