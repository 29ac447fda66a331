package io.miniman.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;

import io.miniman.security.ui.ChangePasswordView;
import io.miniman.testsupport.KaribuTest;
import io.miniman.ui.DashboardView;

/** The first sign-in: whatever the user opens, they must choose their own password first. */
class LoginFlowTest extends KaribuTest {

    @Autowired
    UserService users;
    @Autowired
    AppUserRepository repository;
    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder encoder;

    @Test
    void aFirstLoginMustChangeThePasswordBeforeAnythingElse() {
        String name = "newbie" + System.nanoTime() % 100000;
        repository.save(new AppUser(name, encoder.encode("Given-by-admin-1"), Role.OPERATOR, true, java.time.Instant.now()));
        login(name, Roles.OPERATOR);

        UI.getCurrent().navigate(DashboardView.class);
        assertThat(currentView()).isInstanceOf(ChangePasswordView.class);
        UI.getCurrent().navigate("operations");
        assertThat(currentView()).isInstanceOf(ChangePasswordView.class);

        field("Current password").setValue("Given-by-admin-1");
        field("New password").setValue("short");
        field("Repeat new password").setValue("short");
        _click(_get(Button.class, spec -> spec.withText("Change password")));
        assertThat(field("New password").isInvalid()).isTrue();
        assertThat(field("New password").getErrorMessage()).contains("At least");
        assertThat(users.mustChangePassword(name)).isTrue();

        // longer than BCrypt can hash: a message next to the field, not an error page
        field("New password").setValue("a-long-passphrase-".repeat(5));
        field("Repeat new password").setValue("a-long-passphrase-".repeat(5));
        _click(_get(Button.class, spec -> spec.withText("Change password")));
        assertThat(field("New password").isInvalid()).isTrue();
        assertThat(field("New password").getErrorMessage()).contains("72 bytes");

        field("New password").setValue("Given-by-admin-1");
        field("Repeat new password").setValue("Given-by-admin-1");
        _click(_get(Button.class, spec -> spec.withText("Change password")));
        assertThat(field("New password").getErrorMessage()).contains("different");

        field("New password").setValue("my-own-Secret-42");
        field("Repeat new password").setValue("my-own-Secret-42");
        _click(_get(Button.class, spec -> spec.withText("Change password")));

        assertThat(currentView()).isInstanceOf(DashboardView.class);
        assertThat(users.mustChangePassword(name)).isFalse();
        assertThat(encoder.matches("my-own-Secret-42", repository.findByUsernameIgnoreCase(name).orElseThrow().getPasswordHash())).isTrue();
    }

    @Test
    void aWrongCurrentPasswordAndADifferingRepeatShowBesideTheirFieldsAtOnce() {
        String name = "changer" + System.nanoTime() % 100000;
        repository.save(new AppUser(name, encoder.encode("Given-by-admin-1"), Role.VIEWER, false, java.time.Instant.now()));
        login(name, Roles.VIEWER);
        UI.getCurrent().navigate(ChangePasswordView.class);

        field("Current password").setValue("not-the-password");
        field("New password").setValue("my-own-Secret-42");
        field("Repeat new password").setValue("my-own-Secret-43");
        _click(_get(Button.class, spec -> spec.withText("Change password")));

        assertThat(field("Current password").getErrorMessage()).isEqualTo("This is not your current password");
        assertThat(field("Repeat new password").getErrorMessage()).isEqualTo("The two new passwords differ");
        assertThat(field("New password").isInvalid()).isFalse();
        assertThat(encoder.matches("Given-by-admin-1", repository.findByUsernameIgnoreCase(name).orElseThrow().getPasswordHash())).isTrue();
    }

    @Test
    void theInitialAdminExistsAndMustChangeItsPassword() {
        AppUser admin = repository.findByUsernameIgnoreCase("admin").orElseThrow();
        assertThat(admin.getRole()).isEqualTo(Role.ADMIN);
        assertThat(admin.isEnabled()).isTrue();
        assertThat(encoder.matches(io.miniman.testsupport.MinimanSpringTest.INITIAL_ADMIN_PASSWORD, admin.getPasswordHash())).isTrue();
        assertThat(admin.isMustChangePassword()).isTrue();
    }

    private static PasswordField field(String label) {
        return _get(PasswordField.class, spec -> spec.withLabel(label));
    }
}
