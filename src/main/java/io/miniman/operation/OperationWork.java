package io.miniman.operation;

/** The body of an operation; what it returns becomes the row's result text. */
@FunctionalInterface
public interface OperationWork {
    String run(OperationContext context) throws Exception;
}
