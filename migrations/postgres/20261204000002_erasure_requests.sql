-- An ambassador's request to be erased: programme staff see the open ones and erase (or not).
-- At most one request is open per ambassador at a time.
CREATE TABLE erasure_requests (
    id            UUID PRIMARY KEY,
    ambassador_id UUID NOT NULL REFERENCES ambassadors (id) ON DELETE CASCADE,
    reason        TEXT,
    requested_at  TIMESTAMPTZ NOT NULL,
    closed_at     TIMESTAMPTZ
);
CREATE UNIQUE INDEX erasure_requests_open ON erasure_requests (ambassador_id) WHERE closed_at IS NULL;
