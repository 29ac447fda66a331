package io.miniman.api;

import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import io.miniman.security.ApiTokens;
import io.miniman.security.NewApiToken;
import io.miniman.security.Role;
import io.miniman.security.UserService;

/**
 * Users of each role with tokens, made through the same services as the console (the shared context keeps
 * them between test classes, so each name is made once).
 */
public final class ApiClients {

    private ApiClients() {
    }

    /** Creates the user if missing (as an admin would) and returns a fresh token of theirs. */
    public static String token(UserService users, ApiTokens tokens, String username, Role role, boolean readOnly) {
        as("admin", Role.ADMIN, () -> users.find(username).isPresent() ? null
                : users.create(username, role, "Api-test-password-1"));
        return as(username, role, () -> tokens.create(new NewApiToken("t" + System.nanoTime(), role, 1, readOnly)).value());
    }

    public static <T> T as(String username, Role role, Callable<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                List.of(new SimpleGrantedAuthority(role.authority()))));
        SecurityContextHolder.setContext(context);
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
