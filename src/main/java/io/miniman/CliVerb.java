package io.miniman;

/**
 * A command-line verb of the jar ({@code java -jar miniman.jar render --root DIR}), run with the full
 * application context but without the web server. Provisioning uses these instead of keeping copies
 * of the console's logic in shell scripts.
 */
public interface CliVerb {

    /** The first command-line argument that selects this verb. */
    String name();

    /** One line for {@code java -jar miniman.jar help}. */
    default String usage() {
        return name();
    }

    /** Runs with the arguments after the verb; returns the process exit code. */
    int run(String[] args) throws Exception;
}
