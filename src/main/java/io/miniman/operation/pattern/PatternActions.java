package io.miniman.operation.pattern;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import io.miniman.InvalidInputException;
import io.miniman.operation.LoggedOperation;
import io.miniman.operation.OperationReader;
import io.miniman.operation.OperationTarget;
import io.miniman.operation.OperationType;

/** Dismissing a finding changes what every reader sees, so it is an operator's decision and in the log. */
@Service
@PreAuthorize("hasAnyRole('ADMIN','OPERATOR')")
public class PatternActions {

    private final PatternAnalysis analysis;

    PatternActions(PatternAnalysis analysis) {
        this.analysis = analysis;
    }

    /** Hides the finding with this key until it has newer evidence than it has now. */
    @LoggedOperation(type = OperationType.SYSTEM, name = "Dismiss finding", targetArg = 0,
            targetKind = OperationTarget.Kind.SETTINGS)
    public String dismiss(String key) {
        Finding finding = analysis.findings().stream().filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow(() -> new InvalidInputException("finding", "This finding is gone (dismissed already, or its evidence is older than "
                        + PatternAnalysis.PERIOD.toHours() + " hours)."));
        analysis.dismiss(finding, OperationReader.current().map(OperationReader::name).orElse("system"));
        return "dismissed until newer evidence: " + finding.title();
    }
}
