package io.miniman.browser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

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

    static List<Route> all() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(com.vaadin.flow.router.Route.class));
        List<Route> routes = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.miniman")) {
            Class<?> view = Class.forName(candidate.getBeanClassName());
            if (view.getProtectionDomain().getCodeSource().getLocation().getPath().contains("test-classes")) {
                continue;
            }
            routes.add(new Route(view.getAnnotation(com.vaadin.flow.router.Route.class).value(), view));
        }
        routes.sort(Comparator.comparing(Route::path));
        return routes;
    }
}
