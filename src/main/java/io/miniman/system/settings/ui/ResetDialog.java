package io.miniman.system.settings.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import io.miniman.system.settings.HostSettingsService;

/**
 * Shows what a reset does, in system-reset's own words (the text its terminal prompt prints), and asks
 * for the host name typed out before the Reset button works.
 */
class ResetDialog extends Dialog {

    record Confirmed(String typed, boolean purgeDocker) {
    }

    final Pre description = new Pre();
    final Checkbox purgeDocker = new Checkbox("Also remove every container, image, volume and stack");
    final TextField typed = new TextField();
    final Button confirm = new Button("Reset the box");
    private final String hostname;
    private boolean described;

    ResetDialog(HostSettingsService host, Consumer<Confirmed> onConfirm) {
        this.hostname = host.facts().hostname();
        setHeaderTitle("Reset " + hostname + "?");
        description.setId("reset-description");
        description.getStyle().set("white-space", "pre-wrap");
        purgeDocker.addValueChangeListener(change -> describe(host));
        typed.setLabel("Type " + hostname + " to confirm");
        typed.setValueChangeMode(ValueChangeMode.EAGER);
        typed.addValueChangeListener(change -> updateConfirm());
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(click -> {
            close();
            onConfirm.accept(new Confirmed(typed.getValue(), purgeDocker.getValue()));
        });
        add(description, purgeDocker, typed);
        getFooter().add(new Button("Cancel", click -> close()), confirm);
        describe(host);
    }

    private void describe(HostSettingsService host) {
        try {
            description.setText(host.resetDescription(purgeDocker.getValue()));
            described = true;
        } catch (IllegalStateException e) {
            description.setText(e.getMessage());
            described = false;
        }
        updateConfirm();
    }

    private void updateConfirm() {
        confirm.setEnabled(described && typed.getValue().strip().equals(hostname));
    }
}
