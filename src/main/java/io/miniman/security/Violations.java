package io.miniman.security;

/** Helpers for constraint validators that report computed messages. */
final class Violations {

    private Violations() {
    }

    /** A computed message as a template that Bean Validation shows as is ('{', '}', '$' and '\' are template syntax). */
    static String literal(String message) {
        return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
