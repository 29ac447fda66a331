package io.miniman.operation.ui;

import java.time.ZoneId;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import io.miniman.operation.OperationFilter;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationType;

/** The Operations view's filters: the search in view, the rest folded away on a phone. */
class OperationFilters extends Composite<VerticalLayout> {

    final ComboBox<OperationType> type = new ComboBox<>("Type");
    final ComboBox<OperationStatus> status = new ComboBox<>("Status");
    final TextField user = new TextField("User");
    final TextField target = new TextField("Target");
    final DateTimePicker from = new DateTimePicker("From");
    final DateTimePicker to = new DateTimePicker("To");
    final TextField text = new TextField("Search");

    OperationFilters(Runnable changed) {
        type.setItems(OperationType.values());
        type.setItemLabelGenerator(OperationType::label);
        status.setItems(OperationStatus.values());
        status.setItemLabelGenerator(OperationStatus::label);
        for (TextField field : new TextField[] {text, user, target}) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setClearButtonVisible(true);
            field.addValueChangeListener(e -> changed.run());
        }
        type.setClearButtonVisible(true);
        status.setClearButtonVisible(true);
        text.setWidthFull();
        text.setPlaceholder("Operation, target, result or error");
        target.setPlaceholder("e.g. nginx");
        FlexLayout more = new FlexLayout(type, status, user, target, from, to);
        more.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        more.getStyle().set("gap", "var(--lumo-space-s)");
        for (var field : new com.vaadin.flow.component.HasSize[] {type, status, user, target}) {
            field.setWidth("min(100%, 12rem)");
        }
        from.setWidth("min(100%, 20rem)");
        to.setWidth("min(100%, 20rem)");
        type.addValueChangeListener(e -> changed.run());
        status.addValueChangeListener(e -> changed.run());
        from.addValueChangeListener(e -> changed.run());
        to.addValueChangeListener(e -> changed.run());
        getContent().setPadding(false);
        getContent().setSpacing(false);
        getContent().add(text, new Details("More filters", more));
    }

    OperationFilter filter() {
        ZoneId zone = ZoneId.systemDefault();
        return new OperationFilter(type.getValue(), status.getValue(), user.getValue(),
                from.getValue() == null ? null : from.getValue().atZone(zone).toInstant(),
                to.getValue() == null ? null : to.getValue().atZone(zone).toInstant(), text.getValue(), target.getValue());
    }
}
