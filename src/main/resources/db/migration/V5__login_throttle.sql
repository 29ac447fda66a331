-- Failed sign-ins, so throttling survives a restart. One row per client address (username NULL: its
-- failures in the current window and its lock) and one per (address, name) (failures since the last
-- success, which set a growing delay). The application caps address at 64 and username at 128
-- characters (SQLite does not enforce VARCHAR lengths) and deletes rows idle for a day.
CREATE TABLE login_failure (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    address          VARCHAR(64)  NOT NULL,
    username         VARCHAR(128),
    failures         INTEGER      NOT NULL,
    first_failure_at TIMESTAMP    NOT NULL,
    last_failure_at  TIMESTAMP    NOT NULL,
    locked_until     TIMESTAMP
);

CREATE UNIQUE INDEX idx_login_failure_key ON login_failure (address, username);
CREATE INDEX idx_login_failure_last ON login_failure (last_failure_at);
