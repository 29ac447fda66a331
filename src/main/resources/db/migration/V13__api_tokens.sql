-- API tokens. Only the SHA-256 of a token is stored (hex): the token itself is shown once, at creation.
-- role is the most the token may do; each request also caps it at its user's current role. The
-- application caps name at 64 characters (SQLite does not enforce VARCHAR lengths).
CREATE TABLE api_token (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    username     VARCHAR(64)  NOT NULL,
    name         VARCHAR(64)  NOT NULL,
    token_hash   VARCHAR(64)  NOT NULL UNIQUE,
    role         VARCHAR(16)  NOT NULL,
    read_only    BOOLEAN      NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    expires_at   TIMESTAMP,
    last_used_at TIMESTAMP,
    revoked_at   TIMESTAMP
);

CREATE INDEX idx_api_token_user ON api_token (username);
