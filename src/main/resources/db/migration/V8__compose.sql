-- Each save of a stack's files keeps the whole text, so any revision can be shown, compared and restored;
-- the console keeps the last 20 per stack. The folder on disk stays the truth: these are its history.
CREATE TABLE stack_revision (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    stack VARCHAR(63) NOT NULL,
    created_at INTEGER NOT NULL,
    author VARCHAR(64) NOT NULL,
    compose TEXT NOT NULL,
    env TEXT NOT NULL,
    summary VARCHAR(200) NOT NULL
);
CREATE INDEX idx_stack_revision_stack ON stack_revision (stack, id DESC);
