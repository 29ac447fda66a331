package io.miniman.security;

public enum Role {
    ADMIN, OPERATOR, VIEWER;

    public String authority() {
        return "ROLE_" + name();
    }
}
