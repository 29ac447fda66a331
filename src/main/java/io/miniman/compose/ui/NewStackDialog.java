package io.miniman.compose.ui;

import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import io.miniman.compose.StackActions;
import io.miniman.compose.StackDraft;
import io.miniman.compose.StackTemplates;
import io.miniman.operation.OperationStatus;

/** A new stack from a template; its file is edited on the stack's page afterwards. */
class NewStackDialog extends Dialog {

    final TextField name = new TextField("Name");
    final Select<StackTemplates.Template> template = new Select<>();
    final Button create = new Button("Create");

    NewStackDialog(StackActions actions, Consumer<String> created) {
        setHeaderTitle("New stack");
        setWidth("min(30rem, 96vw)");
        name.setHelperText("Lower-case letters, digits, '_' and '-'; also the folder and the compose project name");
        name.setRequired(true);
        template.setLabel("Start from");
        template.setItems(StackTemplates.ALL);
        template.setItemLabelGenerator(StackTemplates.Template::title);
        template.setValue(StackTemplates.ALL.get(0));
        FormLayout form = new FormLayout(name, template);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> {
            String stack = name.getValue().trim();
            StackTemplates.Template chosen = template.getValue();
            if (Submit.run(() -> actions.create(new StackDraft(stack, chosen.compose(), chosen.env())), Map.of("name", name),
                    refused -> { }, update -> {
                        if (update.status() == OperationStatus.COMPLETED) {
                            created.accept(stack);
                        }
                    }) != null) {
                close();
            }
        });
        getFooter().add(new Button("Cancel", click -> close()), create);
    }
}
