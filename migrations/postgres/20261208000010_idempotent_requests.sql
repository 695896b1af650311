-- Answers to POST requests sent with an Idempotency-Key, per caller, kept 24 hours: a retry
-- with the same key and body gets the first answer again instead of doing it twice. A row
-- without a status is a request still being handled.
CREATE TABLE idempotent_requests (
    caller       TEXT NOT NULL,
    key          TEXT NOT NULL,
    fingerprint  BYTEA NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL,
    status       INTEGER,
    content_type TEXT,
    location     TEXT,
    etag         TEXT,
    body         BYTEA,
    PRIMARY KEY (caller, key)
);
CREATE INDEX idempotent_requests_started ON idempotent_requests (started_at);
