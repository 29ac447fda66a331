package io.miniman.operation.alert.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

import io.miniman.operation.alert.ChannelDraft;
import io.miniman.operation.alert.ChannelKind;
import io.miniman.operation.alert.ChannelSummary;

/** Adds or edits a channel; the fields shown follow the kind. A stored secret is never put back in the form. */
class ChannelDialog extends SettingsDialog<ChannelDraft> {

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
    private final ChannelSummary existing;

    ChannelDialog(ChannelSummary existing, Consumer<ChannelDraft> onSave) {
        super(existing == null ? "Add channel" : "Edit channel " + existing.name());
        this.existing = existing;
        kind.setLabel("Kind");
        kind.setItems(ChannelKind.values());
        kind.setItemLabelGenerator(ChannelKind::label);
        kind.addValueChangeListener(change -> showFieldsOf(change.getValue()));
        errors.bind("name", name).bind("kind", kind).bind("address", address).bind("username", username)
                .bind("secret", secret).bind("mailFrom", mailFrom).bind("mailTo", mailTo);
        FormLayout form = new FormLayout(name, kind, address, username, secret, starttls, mailFrom, mailTo,
                forwardOperations, enabled);
        layout(form, this::draft, onSave);
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
