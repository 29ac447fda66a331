package io.miniman;

/** Bad input that a service refused before changing anything; {@code field} lets a form show it beside the field. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
