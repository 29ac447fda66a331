package io.miniman.operation.alert.ui;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import io.miniman.operation.OperationType;
import io.miniman.operation.alert.ChannelSummary;
import io.miniman.operation.alert.RuleKind;
import io.miniman.operation.alert.RuleSpec;

/** Adds or edits a rule; the fields shown follow what the rule watches. */
class RuleDialog extends SettingsDialog<RuleSpec> {

    final TextField name = new TextField("Name");
    final Select<RuleKind> kind = new Select<>();
    final Select<OperationType> operationType = new Select<>();
    final TextField operationName = new TextField("Operation name");
    final IntegerField threshold = new IntegerField("Failures (N)");
    final IntegerField minutes = new IntegerField("Minutes");
    final IntegerField quietMinutes = new IntegerField("Quiet period (minutes)");
    final MultiSelectComboBox<ChannelSummary> channels = new MultiSelectComboBox<>("Send to");
    final Checkbox enabled = new Checkbox("Enabled", true);
    private final RuleSpec existing;

    RuleDialog(RuleSpec existing, List<ChannelSummary> available, Consumer<RuleSpec> onSave) {
        super(existing == null ? "Add rule" : "Edit rule " + existing.name());
        this.existing = existing;
        kind.setLabel("Alert on");
        kind.setItems(RuleKind.values());
        kind.setItemLabelGenerator(RuleKind::label);
        kind.addValueChangeListener(change -> showFieldsOf(change.getValue()));
        operationType.setLabel("Operation type");
        operationType.setItems(OperationType.values());
        operationType.setEmptySelectionAllowed(true);
        operationType.setEmptySelectionCaption("any");
        operationType.setItemLabelGenerator(type -> type == null ? "any" : type.label());
        channels.setItems(available);
        channels.setItemLabelGenerator(ChannelSummary::name);
        quietMinutes.setHelperText("After an alert, matches in this period are sent as one alert with their count");
        quietMinutes.setValue(15);
        errors.bind("name", name).bind("kind", kind).bind("operationName", operationName).bind("threshold", threshold)
                .bind("minutes", minutes).bind("quietMinutes", quietMinutes).bind("channelIds", channels);
        FormLayout form = new FormLayout(name, kind, operationType, operationName, threshold, minutes, quietMinutes,
                channels, enabled);
        layout(form, this::spec, onSave);
        if (existing != null) {
            name.setValue(existing.name());
            kind.setValue(existing.kind());
            operationType.setValue(existing.operationType());
            operationName.setValue(existing.operationName() == null ? "" : existing.operationName());
            threshold.setValue(existing.threshold());
            minutes.setValue(existing.minutes());
            quietMinutes.setValue(existing.quietMinutes());
            channels.setValue(available.stream().filter(c -> existing.channelIds().contains(c.id())).collect(Collectors.toSet()));
            enabled.setValue(existing.enabled());
        } else {
            kind.setValue(RuleKind.FAILURE_OF_TYPE);
        }
    }

    RuleSpec spec() {
        Set<Long> ids = channels.getValue().stream().map(ChannelSummary::id).collect(Collectors.toSet());
        return new RuleSpec(existing == null ? null : existing.id(), name.getValue(), kind.getValue(), operationType.getValue(),
                operationName.getValue(), threshold.getValue(), minutes.getValue(),
                quietMinutes.getValue() == null ? 0 : quietMinutes.getValue(), ids, enabled.getValue());
    }

    private void showFieldsOf(RuleKind value) {
        operationType.setVisible(value != RuleKind.LOGIN_LOCKOUT);
        operationName.setVisible(value == RuleKind.FAILURES_OF_NAME || value == RuleKind.RUNNING_LONGER);
        operationName.setHelperText(value == RuleKind.RUNNING_LONGER ? "empty: any operation" : "as in the log, e.g. Pull image");
        threshold.setVisible(value == RuleKind.FAILURES_OF_NAME);
        minutes.setVisible(value == RuleKind.FAILURES_OF_NAME || value == RuleKind.RUNNING_LONGER);
        minutes.setLabel(value == RuleKind.RUNNING_LONGER ? "Running longer than (minutes)" : "Within (minutes)");
    }
}
