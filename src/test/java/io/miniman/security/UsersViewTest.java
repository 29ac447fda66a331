package io.miniman.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

import io.miniman.InvalidInputException;
import io.miniman.security.ui.UsersView;
import io.miniman.testsupport.KaribuTest;

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
}
