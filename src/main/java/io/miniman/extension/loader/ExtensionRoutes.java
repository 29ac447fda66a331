package io.miniman.extension.loader;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.annotation.security.RolesAllowed;

import io.miniman.extension.ExtensionApi;
import io.miniman.extension.loader.ui.ExtensionFailedView;
import io.miniman.extension.loader.ui.ExtensionsView;
import io.miniman.security.CurrentUser;
import io.miniman.ui.Shell;

/**
 * Adds the extensions' pages to the router, under {@code /extensions/} and inside the console's layout,
 * by hand rather than by Vaadin's scan: so a page without roles, a route another extension took or a
 * class that does not load is skipped with the reason instead of stopping the console's start.
 */
@Component
class ExtensionRoutes implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ExtensionRoutes.class);
    /** Vaadin's placeholder for "derive the route from the class name", which we do not follow. */
    private static final String DERIVED = "___NAMING_CONVENTION___";
    private static final String OPENED = ExtensionRoutes.class.getName() + ".opened";

    private final Extensions extensions;
    private final ApplicationContext context;
    private final BundleContents bundle;
    private final Shell shell;

    ExtensionRoutes(Extensions extensions, ApplicationContext context, BundleContents bundle, Shell shell) {
        this.extensions = extensions;
        this.context = context;
        this.bundle = bundle;
        this.shell = shell;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        RouteConfiguration routes = RouteConfiguration.forRegistry(
                ApplicationRouteRegistry.getInstance(event.getSource().getContext()));
        for (ExtensionDescriptor descriptor : extensions.descriptors()) {
            for (String className : pageClasses(descriptor)) {
                register(routes, descriptor, className);
            }
        }
        event.getSource().addUIInitListener(init -> {
            init.getUI().addBeforeEnterListener(this::loadComponents);
            init.getUI().addBeforeEnterListener(this::checkFirstOpen);
            init.getUI().addAfterNavigationListener(after -> checkBundle(init.getUI()));
        });
    }

    private List<String> pageClasses(ExtensionDescriptor descriptor) {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.setResourceLoader(new DefaultResourceLoader(extensions.classLoader()));
        scan.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        return scan.findCandidateComponents(descriptor.basePackage()).stream()
                .map(BeanDefinition::getBeanClassName).sorted().toList();
    }

    void register(RouteConfiguration routes, ExtensionDescriptor descriptor, String className) {
        String source = descriptor.sourceOf(className);
        Class<?> type;
        try {
            type = Class.forName(className, false, extensions.classLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            extensions.refused(source, "its class does not load: " + e);
            return;
        }
        if (!com.vaadin.flow.component.Component.class.isAssignableFrom(type)) {
            extensions.refused(source, "@Route is on a class that is not a Vaadin component");
            return;
        }
        @SuppressWarnings("unchecked")
        Class<? extends com.vaadin.flow.component.Component> page =
                (Class<? extends com.vaadin.flow.component.Component>) type;
        if (!page.isAnnotationPresent(RolesAllowed.class)) {
            extensions.refused(source, "the page declares no @RolesAllowed; a page without roles is denied to everyone");
            return;
        }
        String declared = page.getAnnotation(Route.class).value().replaceAll("^/+|/+$", "");
        if (declared.isEmpty() || declared.equals(DERIVED)) {
            extensions.refused(source, "the page needs an explicit @Route(\"...\") path");
            return;
        }
        String path = ExtensionApi.ROUTE_PREFIX + "/" + declared;
        Optional<Class<? extends com.vaadin.flow.component.Component>> taken = routes.getRoute(path);
        if (taken.isPresent()) {
            if (taken.get() != page) {
                extensions.refused(source, "its route /" + path + " is taken by " + taken.get().getName());
            }
            return;
        }
        routes.setRoute(path, page, shell.layouts());
        extensions.routeAdded(descriptor, path);
    }

    /**
     * The production bundle loads a page's components with the page's own chunk, and an extension's page
     * has none (it was not there at build time): opened straight from its address it would get only the
     * sign-in page's. The Extensions page's chunk holds the app shell's and every free core component
     * (its {@code @Uses} list), so it comes with every extension page.
     * The page is looked up by its route, not named by its class: the bundler starts from every service
     * init listener and puts the components of whatever one refers to into the sign-in page's bundle, which
     * made that page download every core component (login page 304 kB, then 401 kB; footprint.sh). That
     * chunk also holds the shell's components, which come with each core page's chunk and no longer with the
     * sign-in page.
     */
    private void loadComponents(BeforeEnterEvent event) {
        if (extensions.owner(event.getNavigationTarget()).isPresent()) {
            event.getSource().getRegistry().getNavigationTarget(ExtensionsView.ROUTE)
                    .ifPresent(page -> event.getUI().getInternals().addComponentDependencies(page));
        }
    }

    /**
     * The first open of an extension's page in a session builds it once here, so a constructor that
     * throws sends the user to a page naming the extension and the reason (and the admin's Extensions
     * page lists it) instead of Vaadin's bare error. Pages the user may not open are left to access control.
     */
    private void checkFirstOpen(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        Optional<ExtensionDescriptor> owner = extensions.owner(target);
        RolesAllowed roles = target.getAnnotation(RolesAllowed.class);
        if (owner.isEmpty() || roles == null || !CurrentUser.hasAnyRole(roles.value())) {
            return;
        }
        VaadinSession session = event.getUI().getSession();
        @SuppressWarnings("unchecked")
        Set<Class<?>> opened = (Set<Class<?>>) session.getAttribute(OPENED);
        if (opened == null) {
            opened = new HashSet<>();
            session.setAttribute(OPENED, opened);
        }
        if (opened.contains(target)) {
            return;
        }
        try {
            // as Vaadin's Spring instantiator builds route targets: a bean with its dependencies injected
            context.getAutowireCapableBeanFactory().createBean(target);
            opened.add(target);
        } catch (RuntimeException | LinkageError e) {
            Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
            log.warn("Extension {}: page {} failed to open", owner.get().name(), target.getName(), e);
            extensions.refused(owner.get().sourceOf(target.getName()), "the page failed to open: " + root);
            event.rerouteTo(ExtensionFailedView.ROUTE, owner.get().name());
        }
    }

    /** Says which browser code an extension's page lacks, rather than leaving blank elements unexplained. */
    private void checkBundle(UI ui) {
        List<com.vaadin.flow.component.HasElement> chain = ui.getInternals().getActiveRouterTargetsChain();
        if (chain.isEmpty() || !(chain.get(0) instanceof com.vaadin.flow.component.Component page)) {
            return;
        }
        Optional<ExtensionDescriptor> owner = extensions.owner(page.getClass());
        if (owner.isEmpty()) {
            return;
        }
        List<String> missing = bundle.missingFor(page);
        if (!missing.isEmpty()) {
            String reason = "the page uses " + String.join(", ", missing)
                    + ", which this console's bundle does not hold: those parts stay blank";
            extensions.refused(owner.get().sourceOf(page.getClass().getName()), reason);
            Notification.show("Extension " + owner.get().name() + ": " + reason, 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
