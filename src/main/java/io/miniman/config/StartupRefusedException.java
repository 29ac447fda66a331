package io.miniman.config;

/** A reason not to start that the admin can act on; printed as a short message, not a stack trace. */
public class StartupRefusedException extends RuntimeException {

    private final String action;

    public StartupRefusedException(String message, String action) {
        super(message);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
