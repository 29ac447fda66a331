package io.miniman.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.miniman.InvalidInputException;
import io.miniman.security.CurrentUser;
import io.miniman.security.PasswordPolicy;
import io.miniman.security.UserService;
import jakarta.annotation.security.PermitAll;

/** Standalone (no menu): the forced first-login change must be done before anything else is reachable. */
@Route(value = "change-password", autoLayout = false)
@PageTitle("Change password · Mini Manager")
@PermitAll
public class ChangePasswordView extends VerticalLayout {

    final PasswordField current = new PasswordField("Current password");
    final PasswordField newPassword = new PasswordField("New password");
    final PasswordField repeat = new PasswordField("Repeat new password");

    public ChangePasswordView(UserService users, PasswordPolicy policy) {
        setMaxWidth("32em");
        setAlignSelf(Alignment.CENTER);
        boolean forced = CurrentUser.name().map(users::mustChangePassword).orElse(false);
        add(new H2("Choose a new password"));
        if (forced) {
            // arriving here by a forward from another route leaves that route in the address bar
            addAttachListener(attach -> attach.getUI().getPage().getHistory().replaceState(null, "change-password"));
            add(new Paragraph("This is your first sign-in with a password someone else set. Choose your own before you go on."));
        }
        newPassword.setHelperText(policy.hint());
        Button save = new Button("Change password", click -> save(users));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        FormLayout form = new FormLayout(current, newPassword, repeat);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form, save);
    }

    private void save(UserService users) {
        current.setInvalid(false);
        newPassword.setInvalid(false);
        repeat.setInvalid(false);
        if (!newPassword.getValue().equals(repeat.getValue())) {
            repeat.setErrorMessage("The two new passwords differ");
            repeat.setInvalid(true);
            return;
        }
        try {
            users.changeOwnPassword(current.getValue(), newPassword.getValue());
        } catch (InvalidInputException e) {
            PasswordField field = "currentPassword".equals(e.field()) ? current : newPassword;
            field.setErrorMessage(e.getMessage());
            field.setInvalid(true);
            return;
        }
        Notification.show("Password changed");
        getUI().ifPresent(ui -> ui.navigate(""));
    }
}
