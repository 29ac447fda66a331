package io.miniman.security;

import java.util.Optional;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user as views see it, to show or hide the buttons a role may use. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<String> name() {
        return authentication().map(Authentication::getName);
    }

    public static boolean hasRole(String role) {
        return authentication().stream().flatMap(a -> a.getAuthorities().stream())
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + role));
    }

    public static boolean hasAnyRole(String... roles) {
        for (String role : roles) {
            if (hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Authentication> authentication() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken
                ? Optional.empty() : Optional.of(auth);
    }
}
