-- The outbox: every message Klasbrug sends (e-mail now, partner webhooks later) is written here
-- in the same transaction as the change that causes it, and delivered by a worker in the
-- server. A worker claims a due row for a while (claimed_until); another worker takes it over
-- only once that lease has passed, so two servers never send one message at the same time,
-- and a server killed mid-delivery loses nothing.
CREATE TABLE outbox (
    id              UUID PRIMARY KEY,
    channel         TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
    kind            TEXT NOT NULL,
    recipient       TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body_text       TEXT NOT NULL,
    body_html       TEXT,
    attachment_name TEXT,
    attachment_type TEXT,
    attachment      BYTEA,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    claimed_by      UUID,
    claimed_until   TIMESTAMPTZ,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ
);
-- What a worker looks for: due pending rows and expired leases.
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status IN ('pending', 'sending');
CREATE INDEX outbox_created ON outbox (created_at);
