package io.miniman.security.ui;

import java.util.Arrays;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.miniman.InvalidInputException;
import io.miniman.security.ApiTokenSummary;
import io.miniman.security.ApiTokens;
import io.miniman.security.CreatedApiToken;
import io.miniman.security.CurrentUser;
import io.miniman.security.NewApiToken;
import io.miniman.security.Role;
import io.miniman.security.Roles;
import io.miniman.ui.ConfirmAction;
import io.miniman.ui.FieldErrors;
import io.miniman.ui.Formats;
import io.miniman.ui.MainLayout;
import io.miniman.ui.PhoneRows;
import io.miniman.ui.RowMenu;
import io.miniman.ui.StatusBadge;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;

/**
 * A user's API tokens: make one (shown once), see when each was last used, revoke. An admin can list and
 * revoke everyone's, and opens the API reference (Swagger UI) from here.
 */
@Route(value = "api-tokens", layout = MainLayout.class)
@PageTitle("API tokens · Mini Manager")
@Menu(title = "API tokens", order = 95, icon = "vaadin:key")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class ApiTokensView extends VerticalLayout {

    private final ApiTokens tokens;
    private final boolean admin = CurrentUser.hasRole(Roles.ADMIN);
    final Grid<ApiTokenSummary> grid = new Grid<>();
    final Checkbox everyone = new Checkbox("Every user's tokens");

    public ApiTokensView(ApiTokens tokens) {
        this.tokens = tokens;
        setSizeFull();
        Button create = new Button("New token", click -> openCreate());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(create);
        bar.setAlignItems(Alignment.BASELINE);
        if (admin) {
            everyone.addValueChangeListener(e -> refresh());
            Anchor reference = new Anchor("/swagger-ui.html", "API reference");
            reference.setRouterIgnore(true);
            reference.setTarget("_blank");
            bar.add(everyone, reference);
        }
        grid.addColumn(ApiTokenSummary::name).setHeader("Name").setFlexGrow(1);
        Grid.Column<ApiTokenSummary> user = grid.addColumn(ApiTokenSummary::username).setHeader("User").setKey("user")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ApiTokensView::access).setHeader("Access").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(t -> StatusBadge.of(state(t), t.active() ? "success" : "contrast"))
                .setHeader("State").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ApiTokensView::expires).setHeader("Expires").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> t.lastUsedAt() == null ? "never" : Formats.time(t.lastUsedAt())).setHeader("Last used").setAutoWidth(true).setFlexGrow(0);
        PhoneRows.of(grid, "Token", ApiTokenSummary::name).badge(ApiTokensView::state, t -> t.active() ? "success" : "contrast")
                .fact(t -> everyone() ? t.username() + " · " + access(t) : access(t)).fact(t -> "expires " + expires(t))
                .showIf(user, this::everyone).install();
        grid.addComponentColumn(this::rowMenu).setKey(PhoneRows.ACTIONS).setWidth("4.5rem").setFlexGrow(0).setFrozenToEnd(true);
        grid.setSizeFull();
        add(new H2("API tokens"), new Paragraph("Scripts send a token as \"Authorization: Bearer <token>\" to /api/v1. "
                + "A token acts as you, never above your role, and each thing it changes is logged with its name."), bar, grid);
        expand(grid);
        refresh();
    }

    void refresh() {
        PhoneRows.relayout(grid);
        grid.setItems(everyone() ? tokens.all() : tokens.own());
    }

    private boolean everyone() {
        return admin && everyone.getValue();
    }

    private static String access(ApiTokenSummary token) {
        return token.role().name() + (token.readOnly() ? ", read-only" : "");
    }

    private static String state(ApiTokenSummary token) {
        return token.active() ? "active" : token.revokedAt() != null ? "revoked" : "expired";
    }

    private static String expires(ApiTokenSummary token) {
        return token.expiresAt() == null ? "never" : Formats.time(token.expiresAt());
    }

    private MenuBar rowMenu(ApiTokenSummary token) {
        return RowMenu.of(token.name(), items -> items.addItem("Revoke", click -> ConfirmAction.ask("Revoke " + token.name() + "?",
                "Scripts using the token " + token.name() + " of " + token.username() + " are refused from now on.",
                "Revoke " + token.name(), () -> {
                    try {
                        tokens.revoke(token.id());
                        Notification.show("Token " + token.name() + " revoked").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    } catch (InvalidInputException e) {
                        error(e.getMessage());
                    }
                    refresh();
                })).setEnabled(token.revokedAt() == null));
    }

    void openCreate() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New API token");
        TextField name = new TextField("Name");
        name.setHelperText("What uses it, e.g. ci-runner");
        Role own = Arrays.stream(Role.values()).filter(r -> CurrentUser.hasRole(r.name())).findFirst().orElse(Role.VIEWER);
        // only roles up to the user's own are offered; the service refuses any other
        ComboBox<Role> role = new ComboBox<>("Role", Arrays.stream(Role.values()).filter(r -> r.ordinal() >= own.ordinal()).toList());
        role.setValue(own);
        IntegerField days = new IntegerField("Expires after (days)");
        days.setValue(30);
        days.setHelperText("Empty: never");
        Checkbox readOnly = new Checkbox("Read-only (GET requests only)");
        FormLayout form = new FormLayout(name, role, days, readOnly);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(form);
        FieldErrors errors = new FieldErrors().bind("name", name).bind("role", role).bind("expiresInDays", days);
        Button save = new Button("Create", click -> {
            errors.clear();
            try {
                CreatedApiToken created = tokens.create(new NewApiToken(name.getValue(), role.getValue(), days.getValue(),
                        readOnly.getValue()));
                dialog.close();
                refresh();
                showOnce(created);
            } catch (ConstraintViolationException e) {
                errors.show(e).forEach(ApiTokensView::error);
            } catch (InvalidInputException e) {
                error(e.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }

    private static void showOnce(CreatedApiToken created) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Token " + created.token().name());
        TextField value = new TextField("Token");
        value.setValue(created.value());
        value.setReadOnly(true);
        value.setWidthFull();
        value.getElement().setAttribute("autocomplete", "off");
        dialog.add(new Paragraph("Copy it now: it is shown this once and cannot be read again."), value);
        dialog.setWidth("min(40em, 95vw)");
        dialog.getFooter().add(new Button("Done", click -> dialog.close()));
        dialog.open();
    }

    private static void error(String message) {
        Notification.show(message, 5000, Notification.Position.BOTTOM_CENTER).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
