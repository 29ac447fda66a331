package io.miniman.compose;

import java.util.List;

/** A row of the stacks list; {@code lastOperation} is e.g. "Up stack: completed", or "" when none is logged. */
public record StackSummary(String name, StackState state, int running, int total, List<String> services, String lastOperation) {

    public StackSummary {
        services = List.copyOf(services);
    }

    /** "running 2/3" */
    public String stateText() {
        return total == 0 || state == StackState.UNKNOWN ? state.label() : state.label() + " " + running + "/" + total;
    }
}
