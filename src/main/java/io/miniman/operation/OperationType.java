package io.miniman.operation;

public enum OperationType {
    NETWORK, SYSTEM, DOCKER, COMPOSE, AUTH, USERS;

    public String label() {
        return name().toLowerCase();
    }
}
