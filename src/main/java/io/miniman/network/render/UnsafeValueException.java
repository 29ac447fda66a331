package io.miniman.network.render;

/** A value that would change the structure of a file; validation should have caught it first. */
public class UnsafeValueException extends IllegalArgumentException {

    public UnsafeValueException(String field) {
        super("refusing to render " + field + ": the value does not fit the file's syntax");
    }
}
