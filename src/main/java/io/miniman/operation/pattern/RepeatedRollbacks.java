package io.miniman.operation.pattern;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

/** Network settings applied and rolled back more than once: the change keeps cutting the console off. */
@Component
class RepeatedRollbacks implements PatternRule {

    static final int THRESHOLD = 2;
    // the rows ApplyWithRollback records (io.miniman.network.apply)
    private static final String ROLLBACKS = "operation_type = 'NETWORK' AND operation_name = 'Roll back network settings'";

    private final LogQueries log;

    RepeatedRollbacks(LogQueries log) {
        this.log = log;
    }

    @Override
    public List<Finding> find(Instant since, Instant now) {
        List<LogQueries.Row> rows = log.rows(ROLLBACKS, new MapSqlParameterSource(), since, now);
        if (rows.size() < THRESHOLD) {
            return List.of();
        }
        return List.of(new Finding("rollbacks:network", "Apply rolled back repeatedly",
                "Network settings were rolled back " + Wording.times(rows.size()) + " since " + Wording.time(rows.get(rows.size() - 1).start()),
                "Each time the new settings were not confirmed in time, usually because they cut this device off. "
                        + "Compare the address, subnet and gateway with the old ones before applying again, and confirm "
                        + "from a device that stays connected (a cable, or the new WiFi name).",
                LogQueries.evidence(rows)));
    }
}
