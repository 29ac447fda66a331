package io.miniman.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.TextField;

import io.miniman.api.ApiClients;
import io.miniman.security.ApiTokens;
import io.miniman.security.CreatedApiToken;
import io.miniman.security.NewApiToken;
import io.miniman.security.PasswordChange;
import io.miniman.security.Role;
import io.miniman.security.UserService;
import io.miniman.testsupport.KaribuTest;

class ApiTokensViewTest extends KaribuTest {

    @Autowired
    ApiTokens tokens;
    @Autowired
    UserService users;

    /** A user who has chosen their own password (else the console first asks for one). */
    private void signIn(String name, Role role) {
        if (users.find(name).isEmpty()) {
            ApiClients.as("admin", Role.ADMIN, () -> users.create(name, role, "View-test-pass-1"));
            ApiClients.as(name, role, () -> users.changeOwnPassword(new PasswordChange("View-test-pass-1", "View-own-pass-22",
                    "View-own-pass-22")));
        }
        login(name, role.name());
    }

    @Test
    void anOperatorMakesATokenNoHigherThanTheirRoleAndSeesItOnce() {
        signIn("view-olga", Role.OPERATOR);
        UI.getCurrent().navigate(ApiTokensView.class);
        _click(_get(Button.class, spec -> spec.withText("New token")));
        @SuppressWarnings("unchecked")
        ComboBox<Role> role = _get(ComboBox.class, spec -> spec.withLabel("Role"));
        assertThat(role.getListDataView().getItems()).containsExactly(Role.OPERATOR, Role.VIEWER);
        _get(TextField.class, spec -> spec.withLabel("Name")).setValue("bad name!");
        _click(_get(Button.class, spec -> spec.withText("Create")));
        assertThat(_get(TextField.class, spec -> spec.withLabel("Name")).isInvalid()).isTrue();
        assertThat(tokens.authenticate("nothing")).isEmpty();

        _get(TextField.class, spec -> spec.withLabel("Name")).setValue("backup-job");
        _get(Checkbox.class, spec -> spec.withLabel("Read-only (GET requests only)")).setValue(true);
        _click(_get(Button.class, spec -> spec.withText("Create")));
        String value = _get(TextField.class, spec -> spec.withLabel("Token")).getValue();
        assertThat(tokens.authenticate(value)).hasValueSatisfying(auth -> assertThat(auth.readOnly()).isTrue());
        _click(_get(Button.class, spec -> spec.withText("Done")));
        assertThat(_find(TextField.class, spec -> spec.withLabel("Token"))).isEmpty();

        ApiTokensView view = _get(ApiTokensView.class);
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        assertThat(GridKt._get(view.grid, 0).name()).isEqualTo("backup-job");
        // no admin extras for an operator
        assertThat(_find(Checkbox.class, spec -> spec.withLabel("Every user's tokens"))).isEmpty();
        assertThat(_find(Anchor.class, spec -> spec.withText("API reference"))).isEmpty();
    }

    @Test
    void anAdminSeesEveryonesTokensAndRevokesOne() {
        String victim = "view-pete";
        ApiClients.as("admin", Role.ADMIN, () -> users.find(victim).isPresent() ? null : users.create(victim, Role.VIEWER, "View-test-pass-1"));
        CreatedApiToken petes = ApiClients.as(victim, Role.VIEWER, () -> tokens.create(new NewApiToken("petes", Role.VIEWER, 7, false)));
        signIn("view-ada", Role.ADMIN);
        UI.getCurrent().navigate(ApiTokensView.class);
        ApiTokensView view = _get(ApiTokensView.class);
        assertThat(_get(Anchor.class, spec -> spec.withText("API reference")).getHref()).isEqualTo("/swagger-ui.html");
        _get(Checkbox.class, spec -> spec.withLabel("Every user's tokens")).setValue(true);
        int row = -1;
        for (int i = 0; i < GridKt._size(view.grid); i++) {
            if (GridKt._get(view.grid, i).id() == petes.token().id()) {
                row = i;
            }
        }
        assertThat(row).isNotNegative();
        MenuBar menu = (MenuBar) GridKt._getCellComponent(view.grid, row, "actions");
        com.github.mvysny.kaributesting.v10.ContextMenuKt._clickItemWithCaption(menu, "Revoke");
        com.vaadin.flow.component.confirmdialog.ConfirmDialog confirm = _get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class);
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(confirm);
        assertThat(tokens.authenticate(petes.value())).isEmpty();
    }
}
