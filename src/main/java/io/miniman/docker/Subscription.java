package io.miniman.docker;

/** Stops a listener; views close theirs on detach. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
