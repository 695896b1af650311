-- Revoking access tokens before they expire, and the counters that slow down guessing.
--
-- An access token names its session and the person's token version; each request checks both
-- with one indexed lookup. Logging out ends the session; a password change or erasure bumps the
-- version, so every token the person holds stops working at once.
ALTER TABLE users ADD COLUMN token_version BIGINT NOT NULL DEFAULT 0;

-- One row per login; its refresh tokens form the family with the same id.
CREATE TABLE sessions (
    id         UUID PRIMARY KEY,
    user_id    UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    started_at TIMESTAMPTZ NOT NULL,
    ended_at   TIMESTAMPTZ
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Fixed-window attempt counters (logins per account and address, logins per address, public
-- sign-ups per address), claimed with one conditional upsert so parallel requests cannot
-- overshoot the limit.
CREATE TABLE rate_limits (
    key               TEXT PRIMARY KEY,
    window_started_at TIMESTAMPTZ NOT NULL,
    attempts          BIGINT NOT NULL
);
CREATE INDEX rate_limits_window ON rate_limits (window_started_at);

-- Replaced by rate_limits.
DROP TABLE login_failures;
