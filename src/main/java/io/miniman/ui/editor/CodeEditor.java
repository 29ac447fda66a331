package io.miniman.ui.editor;

import com.vaadin.flow.component.AbstractSinglePropertyField;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/**
 * Our wrapper of CodeMirror 6 (npm {@code codemirror} 6.0.2 with {@code @codemirror/lang-yaml} 6.1.3, all
 * MIT) for YAML: the browser edits and highlights, the server gets the text as the field's value
 * (debounced while typing) and can mark the line a validation refused.
 */
@Tag("miniman-code-editor")
@NpmPackage(value = "codemirror", version = "6.0.2")
@NpmPackage(value = "@codemirror/lang-yaml", version = "6.1.3")
@NpmPackage(value = "@codemirror/state", version = "6.7.6")
@NpmPackage(value = "@codemirror/lint", version = "6.9.8")
@JsModule("./components/code-editor.js")
public class CodeEditor extends AbstractSinglePropertyField<CodeEditor, String> implements HasSize {

    private int errorLine = -1;
    private String errorMessage;

    public CodeEditor() {
        super("value", "", false);
        setWidthFull();
        setHeight("24rem");
    }

    /** Marks a line (1-based; 0 when the message names none) with a validation message. */
    public void showError(int line, String message) {
        errorLine = line;
        errorMessage = message;
        getElement().callJsFunction("showError", line, message);
    }

    public void clearError() {
        errorLine = -1;
        errorMessage = null;
        getElement().callJsFunction("clearError");
    }

    /** The line marked now, or -1 (what a server-side test can check). */
    public int errorLine() {
        return errorLine;
    }

    public String errorMessage() {
        return errorMessage;
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        super.setReadOnly(readOnly);
        getElement().setProperty("readonly", readOnly);
    }
}
