-- The backup schedule (daily on or off, how many to keep, whether user accounts go in): the console's own
-- settings, one JSON document in at most one row.
CREATE TABLE backup_settings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    settings_json TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);
