package io.miniman.network.ui;

import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.HasValidation;

/** Lets a plain text component collect field errors, for rows of a grid that have no field of their own. */
final class MessageTarget implements HasValidation {

    private final HasText text;
    private String message;
    private boolean invalid;

    MessageTarget(HasText text) {
        this.text = text;
    }

    @Override
    public void setErrorMessage(String errorMessage) {
        this.message = errorMessage;
        text.setText(invalid && message != null ? message : "");
    }

    @Override
    public String getErrorMessage() {
        return message;
    }

    @Override
    public void setInvalid(boolean invalid) {
        this.invalid = invalid;
        text.setText(invalid && message != null ? message : "");
    }

    @Override
    public boolean isInvalid() {
        return invalid;
    }
}
