-- A dismissed finding of the pattern analysis (io.miniman.operation.pattern). The key names the rule and
-- its subject; evidence_until is the newest evidence the person saw, so newer evidence raises it again.
-- Times are epoch milliseconds, like operation_log's.
CREATE TABLE finding_dismissal (
    finding_key    VARCHAR(300) PRIMARY KEY,
    evidence_until INTEGER      NOT NULL,
    dismissed_by   VARCHAR(64)  NOT NULL,
    dismissed_at   INTEGER      NOT NULL
);
