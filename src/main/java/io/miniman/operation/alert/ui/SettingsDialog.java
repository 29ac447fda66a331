package io.miniman.operation.alert.ui;

import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.validation.ConstraintViolationException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;

import io.miniman.ui.FieldErrors;
import io.miniman.ui.FormColumns;

/**
 * What the channel and rule dialogs share: a form in one column on a phone and two from 500 px, a line
 * for refusals under it, and Save handing the edited value on. A Bean Validation refusal is shown beside
 * its field, any other one on that line; the dialog closes only when the value was taken.
 */
abstract class SettingsDialog<T> extends Dialog {

    final Button save = new Button("Save");
    final Paragraph error = new Paragraph();
    final FieldErrors errors = new FieldErrors();

    SettingsDialog(String title) {
        setHeaderTitle(title);
        error.getStyle().set("color", "var(--lumo-error-text-color)");
    }

    void layout(FormLayout form, Supplier<T> edited, Consumer<T> onSave) {
        FormColumns.wide(form, 2);
        add(form, error);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            try {
                onSave.accept(edited.get());
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
}
