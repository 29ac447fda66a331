package io.miniman.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.miniman.InvalidInputException;
import io.miniman.security.Role;
import io.miniman.security.Roles;
import io.miniman.security.UserService;
import io.miniman.security.UserSummary;
import io.miniman.ui.ConfirmAction;
import io.miniman.ui.FieldErrors;
import io.miniman.ui.Formats;
import io.miniman.ui.MainLayout;
import io.miniman.ui.PhoneRows;
import io.miniman.ui.RowMenu;
import io.miniman.ui.StatusBadge;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;

@Route(value = "users", layout = MainLayout.class)
@PageTitle("Users · Mini Manager")
@Menu(title = "Users", order = 100, icon = "vaadin:users")
@RolesAllowed(Roles.ADMIN)
public class UsersView extends VerticalLayout {

    private final UserService users;
    final Grid<UserSummary> grid = new Grid<>();

    public UsersView(UserService users) {
        this.users = users;
        setSizeFull();
        Button create = new Button("New user", click -> openCreate());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.addColumn(UserSummary::username).setHeader("User").setFlexGrow(1);
        grid.addColumn(u -> u.role().name()).setHeader("Role").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(u -> StatusBadge.of(state(u), stateTheme(u))).setHeader("State").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(u -> Formats.time(u.createdAt())).setHeader("Created").setAutoWidth(true).setFlexGrow(0);
        PhoneRows.of(grid, "User", UserSummary::username).badge(UsersView::state, UsersView::stateTheme).fact(u -> u.role().name())
                .fact(u -> "since " + Formats.time(u.createdAt())).install();
        grid.addComponentColumn(this::actions).setKey(PhoneRows.ACTIONS).setHeader("").setWidth("4.5rem").setFlexGrow(0)
                .setFrozenToEnd(true);
        grid.setSizeFull();
        add(new H2("Users"), create, grid);
        expand(grid);
        refresh();
    }

    void refresh() {
        grid.setItems(users.list());
    }

    private static String state(UserSummary user) {
        return user.enabled() ? "enabled" : "disabled";
    }

    private static String stateTheme(UserSummary user) {
        return user.enabled() ? "success" : "contrast";
    }

    private MenuBar actions(UserSummary user) {
        return RowMenu.of(user.username(), items -> {
            var roles = items.addItem("Role").getSubMenu();
            for (Role role : Role.values()) {
                MenuItem item = roles.addItem(role.name(), click -> attempt(() -> users.changeRole(user.username(), role),
                        user.username() + " is now " + role.name()));
                item.setEnabled(role != user.role());
            }
            items.addItem(user.enabled() ? "Disable" : "Enable",
                    click -> attempt(() -> users.setEnabled(user.username(), !user.enabled()),
                            user.username() + (user.enabled() ? " disabled" : " enabled")));
            items.addItem("Reset password…", click -> openReset(user));
            items.addItem("Delete…", click -> ConfirmAction.ask("Delete " + user.username() + "?",
                    "The user " + user.username() + " is removed and can no longer sign in. Their past operations stay in the log.",
                    "Delete " + user.username(), () -> attempt(() -> users.delete(user.username()), user.username() + " deleted")));
        });
    }

    private void attempt(Runnable action, String success) {
        try {
            action.run();
            Notification.show(success).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException e) {
            error(e.getMessage());
        }
        refresh();
    }

    void openCreate() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New user");
        TextField name = new TextField("User name");
        ComboBox<Role> role = new ComboBox<>("Role", Role.values());
        role.setValue(Role.VIEWER);
        PasswordField password = new PasswordField("Initial password");
        password.setHelperText("They choose their own at first sign-in");
        FormLayout form = new FormLayout(name, role, password);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(form);
        FieldErrors errors = new FieldErrors().bind("username", name).bind("role", role).bind("password", password);
        Button save = new Button("Create", click -> submit(errors, () -> {
            users.create(name.getValue(), role.getValue(), password.getValue());
            dialog.close();
            Notification.show("User " + name.getValue().strip() + " created");
            refresh();
        }));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }

    private void openReset(UserSummary user) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Reset the password of " + user.username());
        PasswordField password = new PasswordField("New password");
        password.setHelperText(user.username() + " must replace it at next sign-in");
        dialog.add(password);
        FieldErrors errors = new FieldErrors().bind("password", password);
        Button save = new Button("Reset", click -> submit(errors, () -> {
            users.resetPassword(user.username(), password.getValue());
            dialog.close();
            Notification.show("Password of " + user.username() + " reset");
        }));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }

    /** Runs a dialog's change; its field errors go beside the fields, a refusal of the whole change to a notification. */
    private static void submit(FieldErrors errors, Runnable change) {
        errors.clear();
        try {
            change.run();
        } catch (ConstraintViolationException e) {
            errors.show(e).forEach(UsersView::error);
        } catch (InvalidInputException e) {
            error(e.getMessage());
        }
    }

    private static void error(String message) {
        Notification.show(message, 5000, Notification.Position.BOTTOM_CENTER).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
