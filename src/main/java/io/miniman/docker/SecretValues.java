package io.miniman.docker;

import io.miniman.operation.Redactor;

/** Which environment keys hold secrets, so their values are masked before anything shows or logs them. */
public final class SecretValues {

    public static final String MASK = "••••••";

    private SecretValues() {
    }

    public static boolean looksSecret(String key) {
        // one rule for the whole console: what a view masks, the operation log masks too
        return Redactor.looksSecret(key);
    }

    /** {@code KEY=value} with the value masked when the key looks secret. */
    public static String maskAssignment(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq < 0 || !looksSecret(assignment.substring(0, eq))) {
            return assignment;
        }
        return assignment.substring(0, eq + 1) + MASK;
    }
}
