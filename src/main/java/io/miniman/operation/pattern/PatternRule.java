package io.miniman.operation.pattern;

import java.time.Instant;
import java.util.List;

/** One kind of pattern; each rule reads the log (or engine events) itself, by SQL over the period. */
public interface PatternRule {

    /** Findings in the log between {@code since} and {@code now}, any order. */
    List<Finding> find(Instant since, Instant now);
}
