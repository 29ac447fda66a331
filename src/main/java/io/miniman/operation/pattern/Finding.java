package io.miniman.operation.pattern;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A pattern a rule found in the log: what it is, what to do about it, and the rows that show it.
 * {@code key} names the rule and its subject (an operation and target, an address) and stays the same
 * while the pattern goes on, so a dismissal sticks until newer evidence arrives.
 */
public record Finding(String key, String rule, String title, String recommendation, List<Evidence> evidence) {

    /** The most evidence a finding lists: the newest rows say enough. */
    public static final int EVIDENCE_LIMIT = 20;

    public Finding {
        if (evidence.isEmpty()) {
            throw new IllegalArgumentException("a finding needs evidence");
        }
        evidence = evidence.stream().sorted(Comparator.comparing(Evidence::at).reversed()).toList();
    }

    /** The newest evidence (evidence is kept newest first). */
    public Instant latest() {
        return evidence.get(0).at();
    }

    /**
     * One row behind a finding: an operation of the log ({@code operationId}) or an engine event (no id).
     * {@code text} is what the log row says (its error, or the event), already redacted like the log.
     */
    public record Evidence(Long operationId, Instant at, String text) {
    }
}
