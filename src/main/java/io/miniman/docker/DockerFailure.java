package io.miniman.docker;

/**
 * An engine refusal or an unreachable engine, with the engine's own words as the message
 * (never a stack trace for a view to show).
 */
public class DockerFailure extends RuntimeException {

    private final int status;

    public DockerFailure(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public DockerFailure(String message) {
        this(message, 0, null);
    }

    /** The HTTP status the engine answered, or 0 when it did not answer. */
    public int status() {
        return status;
    }

    public boolean notFound() {
        return status == 404;
    }
}
