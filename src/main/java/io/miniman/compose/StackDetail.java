package io.miniman.compose;

import java.util.List;

/**
 * One stack for its page. {@code text.env()} has the values of secret-looking keys masked unless the
 * reader is an admin ({@code envMasked} says which).
 */
public record StackDetail(StackSummary summary, StackText text, boolean envMasked, List<StackContainer> containers) {

    public StackDetail {
        containers = List.copyOf(containers);
    }
}
