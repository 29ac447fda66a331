package io.miniman.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.miniman.security.CurrentUser;
import io.miniman.security.PasswordChange;
import io.miniman.security.PasswordPolicy;
import io.miniman.security.UserService;
import io.miniman.ui.FieldErrors;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.ConstraintViolationException;

/** Standalone (no menu): the forced first-login change must be done before anything else is reachable. */
@Route("change-password")
@PageTitle("Change password · Mini Manager")
@PermitAll
public class ChangePasswordView extends VerticalLayout {

    final PasswordField current = new PasswordField("Current password");
    final PasswordField newPassword = new PasswordField("New password");
    final PasswordField repeat = new PasswordField("Repeat new password");
    private final FieldErrors errors = new FieldErrors()
            .bind("current", current).bind("newPassword", newPassword).bind("repeat", repeat);

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
        try {
            errors.clear();
            users.changeOwnPassword(new PasswordChange(current.getValue(), newPassword.getValue(), repeat.getValue()));
        } catch (ConstraintViolationException e) {
            errors.show(e).forEach(message -> Notification.show(message, 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR));
            return;
        }
        Notification.show("Password changed");
        getUI().ifPresent(ui -> ui.navigate(""));
    }
}
