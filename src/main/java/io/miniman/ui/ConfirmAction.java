package io.miniman.ui;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** A destructive action asks first and names what it destroys. */
public final class ConfirmAction {

    private ConfirmAction() {
    }

    public static ConfirmDialog ask(String header, String text, String confirmLabel, Runnable onConfirm) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(header);
        dialog.setText(text);
        dialog.setCancelable(true);
        dialog.setConfirmText(confirmLabel);
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(event -> onConfirm.run());
        dialog.open();
        return dialog;
    }
}
