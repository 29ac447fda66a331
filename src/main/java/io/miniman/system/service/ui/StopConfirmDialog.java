package io.miniman.system.service.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * Stopping the WiFi, the web server in front of the console or the console itself cuts the user off: the
 * dialog says so and wants the unit's name typed, so a slip of the thumb on a phone cannot do it.
 */
class StopConfirmDialog extends Dialog {

    final TextField typed = new TextField();
    final Button stop = new Button();

    StopConfirmDialog(String unit, Consumer<String> onConfirm) {
        setHeaderTitle("Stop " + unit + "?");
        Paragraph warning = new Paragraph(warning(unit) + " You will lose your connection to this console and may "
                + "need a cable or a reboot to get it back.");
        typed.setLabel("Type " + unit + " to confirm");
        typed.setWidthFull();
        typed.setValueChangeMode(ValueChangeMode.EAGER);
        stop.setText("Stop " + unit);
        stop.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        stop.setEnabled(false);
        typed.addValueChangeListener(e -> stop.setEnabled(unit.equals(e.getValue())));
        stop.addClickListener(click -> {
            close();
            onConfirm.accept(typed.getValue());
        });
        add(warning, typed);
        getFooter().add(new Button("Cancel", click -> close()), stop);
        setWidth("min(32rem, 96vw)");
    }

    private static String warning(String unit) {
        return switch (unit) {
            case "hostapd" -> "hostapd is the WiFi access point: stopping it drops every phone on the WiFi, yours too.";
            case "nginx" -> "nginx is the web server in front of the console: stopping it closes the console's address.";
            default -> unit + " is this console: stopping it ends the page you are using.";
        };
    }
}
