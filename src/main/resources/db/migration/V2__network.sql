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
