package io.miniman.operation.alert.ui;

import java.util.function.Consumer;

import jakarta.validation.ConstraintViolationException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

import io.miniman.operation.alert.ChannelDraft;
import io.miniman.operation.alert.ChannelKind;
import io.miniman.operation.alert.ChannelSummary;
import io.miniman.ui.FieldErrors;

/** Adds or edits a channel; the fields shown follow the kind. A stored secret is never put back in the form. */
class ChannelDialog extends Dialog {

    final TextField name = new TextField("Name");
    final Select<ChannelKind> kind = new Select<>();
    final TextField address = new TextField("Address");
    final TextField username = new TextField("SMTP user");
    final PasswordField secret = new PasswordField("Password");
    final Checkbox starttls = new Checkbox("Require STARTTLS", true);
    final TextField mailFrom = new TextField("From");
    final TextField mailTo = new TextField("To (comma-separated)");
    final Checkbox forwardOperations = new Checkbox("Also forward every operation");
    final Checkbox enabled = new Checkbox("Enabled", true);
    final Button save = new Button("Save");
    final Paragraph error = new Paragraph();
    private final FieldErrors errors = new FieldErrors();
    private final ChannelSummary existing;

    ChannelDialog(ChannelSummary existing, Consumer<ChannelDraft> onSave) {
        this.existing = existing;
        setHeaderTitle(existing == null ? "Add channel" : "Edit channel " + existing.name());
        kind.setLabel("Kind");
        kind.setItems(ChannelKind.values());
        kind.setItemLabelGenerator(ChannelKind::label);
        kind.addValueChangeListener(change -> showFieldsOf(change.getValue()));
        errors.bind("name", name).bind("kind", kind).bind("address", address).bind("username", username)
                .bind("secret", secret).bind("mailFrom", mailFrom).bind("mailTo", mailTo);
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        FormLayout form = new FormLayout(name, kind, address, username, secret, starttls, mailFrom, mailTo,
                forwardOperations, enabled);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 2));
        add(form, error);
        if (existing != null) {
            ChannelDraft draft = ChannelDraft.of(existing);
            name.setValue(draft.name());
            kind.setValue(draft.kind());
            address.setValue(orEmpty(draft.address()));
            username.setValue(orEmpty(draft.username()));
            starttls.setValue(draft.starttls());
            mailFrom.setValue(orEmpty(draft.mailFrom()));
            mailTo.setValue(orEmpty(draft.mailTo()));
            forwardOperations.setValue(draft.forwardOperations());
            enabled.setValue(draft.enabled());
        } else {
            kind.setValue(ChannelKind.IN_APP);
        }
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            try {
                onSave.accept(draft());
                close();
            } catch (ConstraintViolationException e) {
                error.setText(String.join("; ", errors.show(e)));
            } catch (IllegalArgumentException | IllegalStateException e) {
                errors.clear();
                error.setText(e.getMessage());
            }
        });
        getFooter().add(new Button("Cancel", click -> close()), save);
    }

    ChannelDraft draft() {
        return new ChannelDraft(existing == null ? null : existing.id(), name.getValue(), kind.getValue(), address.getValue(),
                username.getValue(), secret.getValue(), starttls.getValue(), mailFrom.getValue(), mailTo.getValue(),
                forwardOperations.getValue(), enabled.getValue());
    }

    private void showFieldsOf(ChannelKind value) {
        boolean mail = value == ChannelKind.EMAIL;
        boolean collector = value != null && value.format().isPresent();
        address.setVisible(mail || collector);
        address.setLabel(mail ? "SMTP server (host:port)" : "Address");
        address.setPlaceholder(switch (value == null ? ChannelKind.IN_APP : value) {
            case EMAIL -> "smtp.example.org:587";
            case SYSLOG -> "udp://192.168.1.10:514 (or tcp://, tls://)";
            case GELF -> "udp://graylog.lan:12201 (or tcp://)";
            case SNMP -> "udp://nms.lan:162";
            case IN_APP -> "";
        });
        username.setVisible(mail);
        secret.setVisible(mail || value == ChannelKind.SNMP);
        secret.setLabel(mail ? "SMTP password" : "Community");
        boolean stored = existing != null && existing.hasSecret() && existing.kind() == value;
        secret.setPlaceholder(stored ? "stored: leave empty to keep" : "");
        starttls.setVisible(mail);
        mailFrom.setVisible(mail);
        mailTo.setVisible(mail);
        forwardOperations.setVisible(collector);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
