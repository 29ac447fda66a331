package io.miniman.operation.pattern;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Runs every rule over the last {@link #PERIOD} and returns what nobody dismissed, newest first. A
 * dismissal holds until a finding has evidence newer than what the person saw.
 */
@Service
public class PatternAnalysis {

    public static final Duration PERIOD = Duration.ofHours(24);

    private final List<PatternRule> rules;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    PatternAnalysis(List<PatternRule> rules, NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.rules = rules;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<Finding> findings() {
        Instant now = clock.instant();
        Map<String, Instant> dismissed = dismissals();
        return rules.stream().flatMap(rule -> rule.find(now.minus(PERIOD), now).stream())
                .filter(f -> !dismissed.containsKey(f.key()) || f.latest().isAfter(dismissed.get(f.key())))
                .sorted(Comparator.comparing(Finding::latest).reversed()).toList();
    }

    /** Hides the finding until newer evidence arrives; see {@link PatternActions#dismiss}. */
    void dismiss(Finding finding, String by) {
        jdbc.update("INSERT INTO finding_dismissal (finding_key, evidence_until, dismissed_by, dismissed_at) "
                + "VALUES (:key, :until, :by, :at) ON CONFLICT (finding_key) DO UPDATE SET evidence_until = excluded.evidence_until, "
                + "dismissed_by = excluded.dismissed_by, dismissed_at = excluded.dismissed_at",
                new MapSqlParameterSource().addValue("key", finding.key()).addValue("until", finding.latest().toEpochMilli())
                        .addValue("by", by).addValue("at", clock.millis()));
    }

    private Map<String, Instant> dismissals() {
        return jdbc.query("SELECT finding_key, evidence_until FROM finding_dismissal", (rs, i) -> Map.entry(rs.getString(1),
                Instant.ofEpochMilli(rs.getLong(2)))).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
