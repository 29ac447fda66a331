package io.miniman.operation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Logs a synchronous call of a Spring bean's public method as an operation: the return value is the
 * result, an exception the error (and is rethrown). {@code targetArg} names the argument whose text
 * is the id of the operation's target, of kind {@code targetKind}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface LoggedOperation {
    OperationType type();

    String name();

    int targetArg() default -1;

    OperationTarget.Kind targetKind() default OperationTarget.Kind.USER;
}
