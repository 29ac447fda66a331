package io.miniman.operation;

public enum OperationType {
    NETWORK, SYSTEM, DOCKER, COMPOSE, AUTH, USERS, EXTENSION;

    public String label() {
        return name().toLowerCase();
    }
}
