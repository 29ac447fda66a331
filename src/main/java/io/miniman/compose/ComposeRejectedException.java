package io.miniman.compose;

import io.miniman.InvalidInputException;

/** A compose file that YAML or {@code compose config} refused; {@code line} (1-based, 0 when unknown) lets the editor mark it. */
public class ComposeRejectedException extends InvalidInputException {

    private final int line;

    public ComposeRejectedException(String message, int line) {
        super("compose", message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
