package io.miniman.network.diag;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The target is a host name or an address (see {@link DiagnosticTarget}); the TCP check has a port from
 * 1 to 65535. Each problem is reported on its own field, so a form shows it there.
 */
@Documented
@Constraint(validatedBy = ValidDiagnostic.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidDiagnostic {

    String message() default "invalid diagnostic";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ValidDiagnostic, DiagnosticRequest> {
        @Override
        public boolean isValid(DiagnosticRequest request, ConstraintValidatorContext context) {
            if (request == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            // the messages are fixed texts: nothing the user typed goes into a message template
            String problem = DiagnosticTarget.problem(request.target()).orElse(null);
            if (problem != null) {
                context.buildConstraintViolationWithTemplate(problem).addPropertyNode("target").addConstraintViolation();
                valid = false;
            }
            Integer port = request.port();
            if (request.kind() == DiagnosticKind.TCP_PORT && (port == null || port < 1 || port > 65535)) {
                context.buildConstraintViolationWithTemplate("A port from 1 to 65535.").addPropertyNode("port")
                        .addConstraintViolation();
                valid = false;
            }
            return valid;
        }
    }
}
