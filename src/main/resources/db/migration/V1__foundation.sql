CREATE TABLE app_user (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    username             VARCHAR(64)  NOT NULL UNIQUE,
    password_hash        VARCHAR(100) NOT NULL,
    role                 VARCHAR(16)  NOT NULL,
    enabled              BOOLEAN      NOT NULL,
    must_change_password BOOLEAN      NOT NULL,
    created_at           TIMESTAMP    NOT NULL,
    operations_seen_at   TIMESTAMP
);

CREATE TABLE operation_log (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    operation_type VARCHAR(16)  NOT NULL,
    operation_name VARCHAR(100) NOT NULL,
    target         VARCHAR(255),
    status         VARCHAR(16)  NOT NULL,
    details        TEXT,
    start_time     TIMESTAMP    NOT NULL,
    end_time       TIMESTAMP,
    username       VARCHAR(64),
    result         TEXT,
    error_message  TEXT
);

-- the Operations view lists newest first, filtered by type, status or user; the header counts running rows
CREATE INDEX idx_operation_log_start ON operation_log (start_time DESC);
CREATE INDEX idx_operation_log_status ON operation_log (status, start_time DESC);
CREATE INDEX idx_operation_log_type ON operation_log (operation_type, start_time DESC);
CREATE INDEX idx_operation_log_user ON operation_log (username, start_time DESC);
