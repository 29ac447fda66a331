package io.miniman.docker;

import java.time.Instant;

/** Whether the engine answers; {@link #message()} is what a view shows when it does not. */
public record EngineState(Status status, String host, String reason, Instant since) {

    public enum Status { UNKNOWN, UP, DOWN }

    public boolean up() {
        return status == Status.UP;
    }

    public String message() {
        return switch (status) {
            case UP -> "Docker engine at " + host + " is up";
            case UNKNOWN -> "Connecting to the Docker engine at " + host + "...";
            case DOWN -> "Docker engine unreachable at " + host + ": " + reason;
        };
    }
}
