package io.miniman.network.diag;

import jakarta.validation.constraints.NotNull;

/**
 * One diagnostic to run: what, against which host, and for the TCP check the port (ignored otherwise).
 * Checked with Bean Validation by the service, so a form and the API get the same answer.
 */
@ValidDiagnostic
public record DiagnosticRequest(@NotNull(message = "Choose a test.") DiagnosticKind kind, String target, Integer port) {

    /** What the operation is called: the test, its target and, for the TCP check, the port. */
    String describe() {
        return kind.label() + " " + target + (kind == DiagnosticKind.TCP_PORT ? ":" + port : "");
    }
}
