package io.miniman.operation.pattern;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Many failed sign-ins from one address, read from the login throttle's own table (security's
 * login_failure: one row per address with username NULL, one per address and name tried). Its rows are
 * the throttle's counts; the log's AUTH rows that name the address are the evidence people can open.
 */
@Component
class LoginFailuresFromAddress implements PatternRule {

    static final int THRESHOLD = 5;

    private final LogQueries log;

    LoginFailuresFromAddress(LogQueries log) {
        this.log = log;
    }

    @Override
    public List<Finding> find(Instant since, Instant now) {
        MapSqlParameterSource window = new MapSqlParameterSource().addValue("since", since.toEpochMilli())
                .addValue("now", now.toEpochMilli()).addValue("threshold", THRESHOLD);
        List<Finding> findings = new ArrayList<>();
        log.jdbc().query("SELECT address, failures, first_failure_at, last_failure_at, locked_until FROM login_failure "
                + "WHERE username IS NULL AND last_failure_at >= :since AND last_failure_at < :now "
                + "AND (failures >= :threshold OR locked_until IS NOT NULL)", window, rs -> {
                    String address = rs.getString(1);
                    long failures = rs.getLong(2);
                    Instant first = Instant.ofEpochMilli(rs.getLong(3));
                    Instant last = Instant.ofEpochMilli(rs.getLong(4));
                    boolean locked = rs.getObject(5) != null;
                    findings.add(finding(address, failures, first, last, locked, since, now));
                });
        return findings;
    }

    private Finding finding(String address, long failures, Instant first, Instant last, boolean locked, Instant since,
            Instant now) {
        List<String> names = log.jdbc().queryForList("SELECT username FROM login_failure WHERE address = :address "
                + "AND username IS NOT NULL ORDER BY failures DESC LIMIT 5", new MapSqlParameterSource("address", address),
                String.class);
        List<Finding.Evidence> evidence = new ArrayList<>();
        evidence.add(new Finding.Evidence(null, last, failures + " failed sign-ins from " + address + " since "
                + Wording.time(first) + (locked ? " (address locked)" : "")));
        // the throttle's messages say "from <address> " (see ThrottledAuthenticationProvider)
        String like = "%from " + address.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + " %";
        evidence.addAll(LogQueries.evidence(log.rows("operation_type = 'AUTH' AND status = 'FAILED' AND error_message LIKE :like ESCAPE '\\'",
                new MapSqlParameterSource("like", like), since, now)));
        return new Finding("logins:" + address, "Login failures from one address",
                failures + " failed sign-ins from " + address + (names.isEmpty() ? "" : " (tried: " + String.join(", ", names) + ")"),
                "If " + address + " is not one of your devices, someone is guessing passwords: keep it off the WiFi "
                        + "(change the WiFi passphrase) and make sure every account has a long password. If it is yours, "
                        + "a saved password is wrong: update it there.",
                evidence);
    }
}
