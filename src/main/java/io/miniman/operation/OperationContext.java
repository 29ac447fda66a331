package io.miniman.operation;

/** What running work may tell the engine while it runs. */
public interface OperationContext {

    long id();

    /** Appends a line to the operation's details, published live (the stored text keeps the last lines). */
    void progress(String line);

    /** From now on this exact value is masked in every text stored or published for this operation. */
    void secret(String value);
}
