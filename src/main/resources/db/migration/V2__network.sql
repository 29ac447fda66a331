-- The network settings as one JSON document: the source of truth the access point files are rendered from.
CREATE TABLE network_settings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    settings_json TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);

-- What the console last wrote to each managed file, to notice hand edits (drift) before overwriting them.
CREATE TABLE network_written_file (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    device_path TEXT NOT NULL UNIQUE,
    content TEXT NOT NULL,
    written_at INTEGER NOT NULL
);

-- The previous files of a change not yet kept, so that a console restart inside the confirmation window
-- still rolls back (at most one row).
CREATE TABLE network_pending_rollback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    snapshot_json TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
