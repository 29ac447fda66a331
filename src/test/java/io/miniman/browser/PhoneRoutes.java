package io.miniman.browser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import io.miniman.testsupport.ConsolePages;

/**
 * The console's pages as the packaged jar registers them: every {@code @Route} class under io.miniman, found
 * with Spring's class-path scanner (the same classes the jar holds), with the roles that may open each.
 */
final class PhoneRoutes {

    private PhoneRoutes() {
    }

    record Route(String path, Class<?> view) {

        boolean anonymousOnly() {
            return view.isAnnotationPresent(AnonymousAllowed.class);
        }

        boolean allows(String role) {
            RolesAllowed roles = view.getAnnotation(RolesAllowed.class);
            return view.isAnnotationPresent(PermitAll.class) || roles != null && Arrays.asList(roles.value()).contains(role);
        }

        /** The path with a real parameter from the seeded data, or null when there is none to give. */
        String concretePath(String container, String stack) {
            if (!HasUrlParameter.class.isAssignableFrom(view)) {
                return path;
            }
            return switch (path) {
                case "docker/container" -> path + "/" + container;
                case "docker/stack" -> path + "/" + stack;
                case "system/services/journal" -> path + "/miniman";
                default -> null;
            };
        }

        String skipReason() {
            return "it takes a parameter and the seeded console has no value for it (" + view.getSimpleName() + ")";
        }
    }

    static List<Route> all() {
        List<Route> routes = new ArrayList<>();
        for (Class<?> view : ConsolePages.all()) {
            routes.add(new Route(view.getAnnotation(com.vaadin.flow.router.Route.class).value(), view));
        }
        routes.sort(Comparator.comparing(Route::path));
        return routes;
    }
}
