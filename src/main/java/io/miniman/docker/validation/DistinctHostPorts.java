package io.miniman.docker.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.miniman.docker.container.PortMapping;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** No host port (per protocol) is published twice: the engine would create the container and then fail to start it. */
@Documented
@Constraint(validatedBy = DistinctHostPorts.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface DistinctHostPorts {
    String message() default "map a host port only once per protocol";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<DistinctHostPorts, List<PortMapping>> {
        @Override
        public boolean isValid(List<PortMapping> ports, ConstraintValidatorContext context) {
            Set<String> seen = new HashSet<>();
            return ports == null || ports.stream().filter(p -> p.hostPort() != null)
                    .allMatch(p -> seen.add(p.hostPort() + "/" + p.protocol()));
        }
    }
}
