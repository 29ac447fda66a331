package io.miniman.docker.container;

import java.util.Locale;
import java.util.Set;

/** States to show (empty: all) and a text matched against name, image and id. */
public record ContainerFilter(Set<String> states, String text) {

    public static final ContainerFilter ALL = new ContainerFilter(Set.of(), "");

    public ContainerFilter {
        states = states == null ? Set.of() : Set.copyOf(states);
        text = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    }

    boolean matches(ContainerSummary c) {
        return (states.isEmpty() || states.contains(c.state()))
                && (text.isEmpty() || c.name().toLowerCase(Locale.ROOT).contains(text)
                || c.image().toLowerCase(Locale.ROOT).contains(text) || c.id().startsWith(text));
    }
}
