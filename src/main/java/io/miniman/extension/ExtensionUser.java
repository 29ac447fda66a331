package io.miniman.extension;

import java.util.Optional;

import io.miniman.security.CurrentUser;
import io.miniman.security.Roles;

/** The signed-in user, and the role names for {@code @RolesAllowed} on an extension's views. */
public final class ExtensionUser {

    /** Everything, including users, network changes and reset. */
    public static final String ADMIN = Roles.ADMIN;
    /** Operates containers, stacks and services. */
    public static final String OPERATOR = Roles.OPERATOR;
    /** Reads only. */
    public static final String VIEWER = Roles.VIEWER;

    private ExtensionUser() {
    }

    public static Optional<String> name() {
        return CurrentUser.name();
    }

    public static boolean hasRole(String role) {
        return CurrentUser.hasRole(role);
    }

    /** True for OPERATOR and ADMIN: the roles that may change the box through {@link BoxOperations}. */
    public static boolean mayChange() {
        return CurrentUser.hasAnyRole(ADMIN, OPERATOR);
    }
}
