package io.miniman.operation.pattern;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

import io.miniman.operation.dashboard.FailureCause;

/**
 * Pulls of different images failing for one reason: the problem is the registry, the uplink or the
 * credentials, not one image (one image failing alone is {@link RepeatedFailures}'s case).
 */
@Component
class PullFailuresByCause implements PatternRule {

    static final int THRESHOLD = 3;
    // an image pull (ImageActions) and a stack's pull (StackActions)
    private static final String PULLS = "status = 'FAILED' AND ((operation_type = 'DOCKER' AND operation_name = 'Pull image') "
            + "OR (operation_type = 'COMPOSE' AND operation_name = 'Pull'))";

    private final LogQueries log;

    PullFailuresByCause(LogQueries log) {
        this.log = log;
    }

    @Override
    public List<Finding> find(Instant since, Instant now) {
        Map<FailureCause, List<LogQueries.Row>> byCause = new LinkedHashMap<>();
        for (LogQueries.Row row : log.rows(PULLS, new MapSqlParameterSource(), since, now)) {
            byCause.computeIfAbsent(FailureCause.of(row.error()), c -> new ArrayList<>()).add(row);
        }
        List<Finding> findings = new ArrayList<>();
        byCause.forEach((cause, rows) -> {
            long targets = rows.stream().map(LogQueries.Row::target).distinct().count();
            if (rows.size() >= THRESHOLD && targets >= 2) {
                findings.add(new Finding("pulls:" + cause.name(), "Pulls failing by cause",
                        rows.size() + " pulls of " + targets + " images failed since " + Wording.time(rows.get(rows.size() - 1).start())
                                + ": " + cause.label(),
                        "The images are not the problem: " + cause.advice() + ".", LogQueries.evidence(rows)));
            }
        });
        return findings;
    }
}
