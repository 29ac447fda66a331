package io.miniman.security;

/** Role names as views and services declare them ({@code @RolesAllowed(Roles.ADMIN)}). */
public final class Roles {

    /** Everything, including users, network changes and reset. */
    public static final String ADMIN = "ADMIN";
    /** Operates containers, stacks and services; no users, no network changes, no reset. */
    public static final String OPERATOR = "OPERATOR";
    /** Reads only. */
    public static final String VIEWER = "VIEWER";

    private Roles() {
    }
}
