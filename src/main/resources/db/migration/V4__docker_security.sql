-- Host folders that non-admins may bind-mount into containers (Docker security settings); none by default.
CREATE TABLE docker_bind_folder (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    path TEXT NOT NULL UNIQUE
);
