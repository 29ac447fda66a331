package io.miniman.operation.pattern;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

import io.miniman.operation.dashboard.FailureCause;

/** The same operation on the same target failing again and again: retrying will not help, the cause must go. */
@Component
class RepeatedFailures implements PatternRule {

    static final int THRESHOLD = 3;

    private final LogQueries log;

    RepeatedFailures(LogQueries log) {
        this.log = log;
    }

    @Override
    public List<Finding> find(Instant since, Instant now) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("since", since.toEpochMilli())
                .addValue("now", now.toEpochMilli()).addValue("threshold", THRESHOLD);
        List<String[]> repeated = log.jdbc().query("SELECT operation_name, target FROM operation_log WHERE status = 'FAILED' "
                + "AND start_time >= :since AND start_time < :now GROUP BY operation_name, target HAVING count(*) >= :threshold",
                params, (rs, i) -> new String[] {rs.getString(1), rs.getString(2)});
        return repeated.stream().map(group -> finding(group[0], group[1], since, now)).toList();
    }

    private Finding finding(String name, String target, Instant since, Instant now) {
        List<LogQueries.Row> rows = log.rows("status = 'FAILED' AND operation_name = :name AND target IS :target",
                new MapSqlParameterSource().addValue("name", name).addValue("target", target), since, now);
        FailureCause cause = FailureCause.of(rows.get(0).error());
        Instant first = rows.get(rows.size() - 1).start();
        String title = Wording.subject(name, target) + " failed " + Wording.times(rows.size()) + " since "
                + Wording.time(first) + (cause == FailureCause.OTHER ? "" : ": " + cause.label());
        return new Finding("repeated:" + name + "|" + target, "Repeated failures", title,
                "Retrying will fail the same way: " + cause.advice() + ". The newest error: " + rows.get(0).error(),
                LogQueries.evidence(rows));
    }
}
