package io.miniman.docker.validation;

import java.util.Set;

import org.springframework.stereotype.Component;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

/** The one input check of every Docker action: the record's annotations, so a form and the REST API get the same answer. */
@Component
public class SpecValidator {

    private final Validator validator;

    public SpecValidator(Validator validator) {
        this.validator = validator;
    }

    /** Returns the spec, or throws {@link ConstraintViolationException} with a message per bad property. */
    public <T> T check(T spec) {
        Set<ConstraintViolation<T>> violations = validator.validate(spec);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return spec;
    }
}
