-- Where alerts and forwarded operations go. One row per destination: the header bell, an SMTP server,
-- a syslog collector, a GELF input or an SNMP manager. "forward_operations" sends every operation
-- transition there too (syslog, GELF, SNMP only). The secret (SMTP password, SNMP community) is never
-- shown back in a form and never written to the operation log.
CREATE TABLE alert_channel (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    name               VARCHAR(64)  NOT NULL UNIQUE,
    kind               VARCHAR(16)  NOT NULL,
    address            VARCHAR(255),
    username           VARCHAR(128),
    secret             VARCHAR(255),
    starttls           BOOLEAN      NOT NULL,
    mail_from          VARCHAR(255),
    mail_to            VARCHAR(1000),
    forward_operations BOOLEAN      NOT NULL,
    enabled            BOOLEAN      NOT NULL
);

-- What makes an alert. Unused columns of a kind stay NULL (a lockout rule has no operation name).
CREATE TABLE alert_rule (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    name              VARCHAR(64)  NOT NULL UNIQUE,
    kind              VARCHAR(24)  NOT NULL,
    operation_type    VARCHAR(16),
    operation_name    VARCHAR(100),
    threshold         INTEGER,
    window_minutes    INTEGER,
    quiet_minutes     INTEGER      NOT NULL,
    enabled           BOOLEAN      NOT NULL
);

CREATE TABLE alert_rule_channel (
    rule_id    INTEGER NOT NULL REFERENCES alert_rule (id) ON DELETE CASCADE,
    channel_id INTEGER NOT NULL REFERENCES alert_channel (id) ON DELETE CASCADE,
    PRIMARY KEY (rule_id, channel_id)
);

-- Alerts as fired: the bell lists those with in_app set; "count" is how many matches one alert stands for
CREATE TABLE alert (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    rule_name    VARCHAR(64)   NOT NULL,
    message      VARCHAR(2000) NOT NULL,
    match_count  INTEGER       NOT NULL,
    created_at   TIMESTAMP     NOT NULL,
    operation_id INTEGER,
    in_app       BOOLEAN       NOT NULL
);
CREATE INDEX idx_alert_created ON alert (id DESC);

-- The newest alert each user has read: the bell counts the in-app alerts after it
CREATE TABLE alert_seen (
    username VARCHAR(64) PRIMARY KEY,
    alert_id INTEGER     NOT NULL
);
