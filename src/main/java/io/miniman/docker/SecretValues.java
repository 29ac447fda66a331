package io.miniman.docker;

import java.util.regex.Pattern;

/** Which environment keys hold secrets, so their values are masked before anything shows or logs them. */
public final class SecretValues {

    public static final String MASK = "••••••";
    private static final Pattern SECRET_KEY =
            Pattern.compile("(?i).*(pass|secret|token|api_?key|private_?key|credential|auth).*");

    private SecretValues() {
    }

    public static boolean looksSecret(String key) {
        return SECRET_KEY.matcher(key).matches();
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
