package io.miniman.compose.ui;

import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;

import io.miniman.InvalidInputException;
import io.miniman.compose.ComposeRejectedException;
import io.miniman.compose.StackActions;
import io.miniman.compose.StackDetail;
import io.miniman.compose.StackDraft;
import io.miniman.operation.OperationUpdate;
import io.miniman.ui.editor.CodeEditor;

/**
 * compose.yaml in the code editor and the .env beside it. Admins edit and save (checked by compose
 * before anything is written); everyone else reads, with secret-looking .env values masked. "Plain
 * text" swaps the editor for a monospace text area, the fallback for a phone whose keyboard fights it.
 */
class StackFilesTab extends VerticalLayout {

    final CodeEditor editor = new CodeEditor();
    final TextArea plain = new TextArea("compose.yaml");
    final Checkbox plainText = new Checkbox("Plain text");
    final TextArea env = new TextArea(".env");
    final Button save = new Button("Save");
    final Span rejected = new Span();

    StackFilesTab(String stack, boolean admin, StackActions actions, Consumer<OperationUpdate> saved) {
        setPadding(false);
        plain.setWidthFull();
        plain.setHeight("24rem");
        plain.setVisible(false);
        for (TextArea area : new TextArea[] {plain, env}) {
            area.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        }
        plainText.addValueChangeListener(e -> {
            if (e.getValue()) {
                plain.setValue(editor.getValue());
            } else {
                editor.setValue(plain.getValue());
            }
            editor.setVisible(!e.getValue());
            plain.setVisible(e.getValue());
        });
        env.setWidthFull();
        env.setHelperText("KEY=value lines; compose substitutes ${KEY} in the file");
        rejected.getElement().getThemeList().add("badge error");
        rejected.getStyle().set("white-space", "pre-wrap");
        rejected.setVisible(false);
        editor.setReadOnly(!admin);
        plain.setReadOnly(!admin);
        env.setReadOnly(!admin);
        save.setVisible(admin);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            rejected.setVisible(false);
            editor.clearError();
            Submit.run(() -> actions.save(new StackDraft(stack, compose(), env.getValue())),
                    plainText.getValue() ? Map.of("compose", plain, "env", env) : Map.of("env", env), this::refused, saved);
        });
        FlexLayout bar = new FlexLayout(save, plainText);
        bar.setAlignItems(Alignment.CENTER);
        bar.getStyle().set("gap", "var(--lumo-space-m)");
        add(bar, rejected, editor, plain, env);
    }

    private String compose() {
        return plainText.getValue() ? plain.getValue() : editor.getValue();
    }

    void show(StackDetail detail) {
        editor.setValue(detail.text().compose());
        plain.setValue(detail.text().compose());
        env.setValue(detail.text().env());
        if (detail.envMasked()) {
            env.setHelperText("Values of keys that look secret are masked");
        }
    }

    private void refused(InvalidInputException e) {
        if (e instanceof ComposeRejectedException rejection) {
            rejected.setText(rejection.line() > 0 ? "Line " + rejection.line() + ": " + e.getMessage() : e.getMessage());
            rejected.setVisible(true);
            editor.showError(rejection.line(), e.getMessage());
        }
    }
}
