-- Resetting a forgotten password: a single-use link, valid one hour, mailed to the account's
-- address. Only the token's hash is kept, so a copy of the database opens no account. Using a
-- link spends every other link the person still had.
CREATE TABLE password_resets (
    id         UUID PRIMARY KEY,
    user_id    UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash BYTEA NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX password_resets_user ON password_resets (user_id, created_at);
