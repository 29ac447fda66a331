package io.miniman.operation;

/**
 * An authentication that names its user differently in the operation log than {@code getName()}: an API
 * token signs its rows "alice (token ci-runner)", so the log says which script did it.
 */
public interface OperationActor {

    String actorName();
}
