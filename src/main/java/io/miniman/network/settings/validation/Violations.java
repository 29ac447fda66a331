package io.miniman.network.settings.validation;

import jakarta.validation.ConstraintValidatorContext;

/** Cross-field rules report on the field the admin has to change, so a form can show it there. */
final class Violations {

    private final ConstraintValidatorContext context;
    private boolean valid = true;

    Violations(ConstraintValidatorContext context) {
        this.context = context;
        context.disableDefaultConstraintViolation();
    }

    void on(String property, String message) {
        valid = false;
        context.buildConstraintViolationWithTemplate(escape(message)).addPropertyNode(property)
                .addConstraintViolation();
    }

    boolean valid() {
        return valid;
    }

    /** Messages may quote what the user typed; EL and parameter syntax in it must stay literal. */
    private static String escape(String message) {
        return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
