package io.miniman.operation;

public enum OperationStatus {
    PENDING, RUNNING, COMPLETED, FAILED;

    public boolean isFinished() {
        return this == COMPLETED || this == FAILED;
    }

    public String label() {
        return name().toLowerCase();
    }
}
