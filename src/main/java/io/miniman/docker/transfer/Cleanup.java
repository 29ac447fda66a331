package io.miniman.docker.transfer;

/** Undo steps after a failure: each is tried, none may hide the failure that made it necessary. */
final class Cleanup {

    private Cleanup() {
    }

    static void quietly(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException alreadyGone) {
            // gone already, or taken by someone else meanwhile: not ours to force
        }
    }
}
