package io.miniman.ui;

import com.vaadin.flow.component.formlayout.FormLayout;

/** A form's columns: one on a phone (narrower than {@link NarrowScreen#WIDTH}), where side-by-side fields get too narrow to type in. */
public final class FormColumns {

    private FormColumns() {
    }

    public static FormLayout wide(FormLayout form, int columns) {
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep(NarrowScreen.WIDTH + "px", columns));
        return form;
    }
}
