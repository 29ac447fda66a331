package io.miniman.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

import io.miniman.InvalidInputException;
import io.miniman.security.ui.UsersView;
import io.miniman.testsupport.KaribuTest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

class UsersViewTest extends KaribuTest {

    @Autowired
    UserService users;

    @Test
    void anAdminCreatesAUserWhoMustChangeTheirPassword() {
        login(Roles.ADMIN);
        UI.getCurrent().navigate(UsersView.class);
        String name = "op" + System.nanoTime() % 100000;

        _click(_get(Button.class, spec -> spec.withText("New user")));
        _get(TextField.class, spec -> spec.withLabel("User name")).setValue(name);
        @SuppressWarnings("unchecked")
        ComboBox<Role> role = _get(ComboBox.class, spec -> spec.withLabel("Role"));
        role.setValue(Role.OPERATOR);
        _get(PasswordField.class, spec -> spec.withLabel("Initial password")).setValue("weak");
        _click(_get(Button.class, spec -> spec.withText("Create")));
        PasswordField password = _get(PasswordField.class, spec -> spec.withLabel("Initial password"));
        assertThat(password.isInvalid()).isTrue();
        assertThat(users.find(name)).isEmpty();

        password.setValue("Temporary-pass-9");
        _click(_get(Button.class, spec -> spec.withText("Create")));
        assertThat(users.find(name)).hasValueSatisfying(u -> {
            assertThat(u.role()).isEqualTo(Role.OPERATOR);
            assertThat(u.mustChangePassword()).isTrue();
        });
    }

    @Test
    void theLastEnabledAdminCannotBeDeletedDisabledOrDemoted() {
        login(Roles.ADMIN);
        long enabledAdmins = users.list().stream().filter(u -> u.role() == Role.ADMIN && u.enabled()).count();
        // other tests may have added admins; demote all but "admin" so it is the last one
        users.list().stream().filter(u -> u.role() == Role.ADMIN && u.enabled() && !u.username().equals("admin"))
                .forEach(u -> users.changeRole(u.username(), Role.VIEWER));
        assertThat(enabledAdmins).isPositive();

        assertThatThrownBy(() -> users.delete("admin")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("last enabled ADMIN");
        assertThatThrownBy(() -> users.setEnabled("admin", false)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> users.changeRole("admin", Role.OPERATOR)).isInstanceOf(InvalidInputException.class);
        assertThat(users.find("admin")).hasValueSatisfying(u -> {
            assertThat(u.enabled()).isTrue();
            assertThat(u.role()).isEqualTo(Role.ADMIN);
        });
    }

    @Test
    void aViewerCannotCallTheUserServiceEvenWithoutTheView() {
        login(Roles.VIEWER);
        assertThatThrownBy(() -> users.create("sneaky", Role.ADMIN, "Sneaky-pass-123"))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(users.find("sneaky")).isEmpty();
    }

    @Test
    void everyProblemOfANewUserShowsBesideItsFieldAtOnce() {
        login(Roles.ADMIN);
        UI.getCurrent().navigate(UsersView.class);
        _click(_get(Button.class, spec -> spec.withText("New user")));
        TextField name = _get(TextField.class, spec -> spec.withLabel("User name"));
        PasswordField password = _get(PasswordField.class, spec -> spec.withLabel("Initial password"));

        name.setValue("Bad Name!");
        password.setValue("short");
        _click(_get(Button.class, spec -> spec.withText("Create")));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).contains("lower-case letters, digits");
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).startsWith("At least");

        name.setValue("ADMIN");
        password.setValue("Long-enough-pass-1");
        _click(_get(Button.class, spec -> spec.withText("Create")));
        assertThat(name.getErrorMessage()).contains("A user with this name exists");
        assertThat(password.isInvalid()).as("a corrected field is cleared").isFalse();

        name.setValue("admin");
        password.setValue("admin");
        _click(_get(Button.class, spec -> spec.withText("Create")));
        assertThat(name.getErrorMessage()).isEqualTo("A user with this name exists");
        assertThat(password.getErrorMessage()).startsWith("At least");
    }

    @Test
    void aResetToAPasswordBcryptCannotHashShowsBesideTheField() {
        login(Roles.ADMIN);
        String name = "reset" + System.nanoTime() % 100000;
        users.create(name, Role.VIEWER, "Temporary-pass-9");
        UI.getCurrent().navigate(UsersView.class);
        @SuppressWarnings("unchecked")
        Grid<UserSummary> grid = _get(Grid.class);
        int row = GridKt._findAll(grid).stream().map(UserSummary::username).toList().indexOf(name);
        ContextMenuKt._clickItemWithCaption((MenuBar) GridKt._getCellComponent(grid, row, "actions"), "Reset password…");
        PasswordField password = _get(PasswordField.class, spec -> spec.withLabel("New password"));

        password.setValue("éàüö".repeat(10));
        _click(_get(Button.class, spec -> spec.withText("Reset")));
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).contains("72 bytes");
        assertThat(password.getErrorMessage()).doesNotContain("éàüö");
    }

    @Test
    void theServiceNamesTheFieldsSoTheApiGetsTheSameAnswer() {
        login(Roles.ADMIN);
        assertThatThrownBy(() -> users.create("admin", null, "x"))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(e.getConstraintViolations())
                        .extracting(v -> v.getPropertyPath().toString(), ConstraintViolation::getMessage)
                        .containsExactlyInAnyOrder(
                                tuple("username", "A user with this name exists"),
                                tuple("role", "Choose a role"),
                                tuple("password", "At least 10 characters")));
        String name = "apiuser" + (10000 + System.nanoTime() % 90000);
        users.create(name, Role.VIEWER, "Temporary-pass-9");
        assertThatThrownBy(() -> users.resetPassword(name, name.toUpperCase()))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(e.getConstraintViolations())
                        .extracting(v -> v.getPropertyPath().toString(), ConstraintViolation::getMessage)
                        .containsExactly(tuple("password", "Must differ from the user name")));
    }
}
