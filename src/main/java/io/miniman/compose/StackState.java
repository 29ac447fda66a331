package io.miniman.compose;

/** A stack's state rolled up from its containers (those labelled with its compose project). */
public enum StackState {
    RUNNING("running", "success"), PARTLY_RUNNING("partly running", "contrast"), STOPPED("stopped", ""),
    NOT_CREATED("not created", ""), UNKNOWN("unknown", "error");

    private final String label;
    private final String badge;

    StackState(String label, String badge) {
        this.label = label;
        this.badge = badge;
    }

    public String label() {
        return label;
    }

    /** The Lumo badge theme that shows it. */
    public String badge() {
        return badge;
    }

    static StackState of(int running, int total) {
        if (total == 0) {
            return NOT_CREATED;
        }
        return running == total ? RUNNING : running == 0 ? STOPPED : PARTLY_RUNNING;
    }
}
