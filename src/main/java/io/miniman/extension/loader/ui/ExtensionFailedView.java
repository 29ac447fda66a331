package io.miniman.extension.loader.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import io.miniman.extension.loader.Extensions;
import io.miniman.security.CurrentUser;
import io.miniman.security.Roles;
import io.miniman.ui.MainLayout;

/** Where the user lands when an extension's page fails to open: which extension, and why. */
@Route(value = ExtensionFailedView.ROUTE, layout = MainLayout.class)
@PageTitle("Extension failed")
@PermitAll
public class ExtensionFailedView extends VerticalLayout implements HasUrlParameter<String> {

    /** A constant, so that naming the route does not name the class (see ExtensionRoutes). */
    public static final String ROUTE = "extensions/failed";

    private final Extensions extensions;

    public ExtensionFailedView(Extensions extensions) {
        this.extensions = extensions;
    }

    @Override
    public void setParameter(BeforeEvent event, String name) {
        removeAll();
        add(new H2("The extension " + name + " failed"));
        extensions.loaded().stream().filter(l -> l.descriptor().name().equals(name)).findFirst()
                .ifPresent(loaded -> extensions.problems().stream()
                        .filter(p -> p.source().startsWith(loaded.descriptor().source()))
                        .forEach(p -> add(new Paragraph(p.reason()))));
        add(new Paragraph(CurrentUser.hasRole(Roles.ADMIN)
                ? "The rest of the console works. System → Extensions lists what was skipped; the log has the details."
                : "The rest of the console works. An administrator can see the details."));
    }
}
