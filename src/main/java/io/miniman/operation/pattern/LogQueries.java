package io.miniman.operation.pattern;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The reads the pattern rules share: failed rows of the log, newest first, as evidence. */
@Component
class LogQueries {

    private final NamedParameterJdbcTemplate jdbc;

    LogQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    NamedParameterJdbcTemplate jdbc() {
        return jdbc;
    }

    /** The log's rows of the period matching {@code where} (SQL over the table's columns; values bound from params). */
    List<Row> rows(String where, MapSqlParameterSource params, Instant since, Instant now) {
        return jdbc.query("SELECT id, operation_name, target, status, start_time, error_message, result FROM operation_log "
                + "WHERE start_time >= :since AND start_time < :now AND (" + where + ") ORDER BY start_time DESC, id DESC",
                params.addValue("since", since.toEpochMilli()).addValue("now", now.toEpochMilli()),
                (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6), rs.getString(7)));
    }

    record Row(long id, String name, String target, String status, Instant start, String error, String result) {

        Finding.Evidence evidence() {
            String text = error != null ? error : result != null ? result : status.toLowerCase();
            return new Finding.Evidence(id, start, name + (target == null ? "" : " · " + target) + ": " + text);
        }
    }

    static List<Finding.Evidence> evidence(List<Row> rows) {
        return rows.stream().limit(Finding.EVIDENCE_LIMIT).map(Row::evidence).toList();
    }
}
