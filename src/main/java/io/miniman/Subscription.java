package io.miniman;

/** Stops a listener: every in-process feed (operations, host figures, Docker events) returns one; views close theirs on detach. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
