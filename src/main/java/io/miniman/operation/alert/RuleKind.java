package io.miniman.operation.alert;

/** What a rule watches. */
public enum RuleKind {
    FAILURE_OF_TYPE("Any failure of a type"),
    FAILURES_OF_NAME("N failures of an operation within M minutes"),
    RUNNING_LONGER("An operation running longer than T minutes"),
    LOGIN_LOCKOUT("A login lockout");

    private final String label;

    RuleKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
