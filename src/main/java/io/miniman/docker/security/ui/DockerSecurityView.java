package io.miniman.docker.security.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.miniman.docker.container.SpecText;
import io.miniman.docker.security.DockerSecurityActions;
import io.miniman.docker.security.DockerSecurityPolicy;
import io.miniman.docker.security.DockerSecuritySettings;
import io.miniman.security.Roles;
import io.miniman.ui.FieldErrors;
import io.miniman.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;

/** What operators may ask of Docker: the fixed refusals, and the host folders an admin opens for bind mounts. */
@Route(value = "docker/security", layout = MainLayout.class)
@PageTitle("Docker security · Mini Manager")
@Menu(title = "Docker security", order = 45, icon = "vaadin:shield")
@RolesAllowed(Roles.ADMIN)
public class DockerSecurityView extends VerticalLayout {

    final TextArea bindFolders = new TextArea("Host folders non-admins may bind-mount (one a line)");
    final Button save = new Button("Save");
    private final FieldErrors errors = new FieldErrors().bind("bindFolders", bindFolders);

    public DockerSecurityView(DockerSecurityPolicy policy, DockerSecurityActions actions) {
        bindFolders.setWidthFull();
        bindFolders.setPlaceholder("none: no bind mounts for non-admins (e.g. /srv/shared)");
        bindFolders.setHelperText("A folder and everything under it; symbolic links that lead out of it are refused.");
        bindFolders.setValue(String.join("\n", policy.settings().bindFolders()));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            errors.clear();
            try {
                String result = actions.save(new DockerSecuritySettings(SpecText.lines(bindFolders.getValue())));
                Notification.show("Saved: " + result, 4000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ConstraintViolationException e) {
                errors.show(e);
            }
        });
        UnorderedList refused = new UnorderedList();
        List.of("bind mounts of host folders, except under the folders below",
                        "the host network, or another container's network",
                        "the host's or another container's PID namespace",
                        "privileged mode, host devices and added capabilities",
                        "volume driver options and drivers other than local")
                .forEach(item -> refused.add(new ListItem(item)));
        add(new H2("Docker security"),
                new Paragraph("Whoever may run a container could otherwise become root on this box. Admins may do "
                        + "everything; operators are refused:"),
                refused, bindFolders, save);
        setMaxWidth("48rem");
    }
}
