-- Hours ambassadors log at their placements, and the school's decision on each.

CREATE TABLE hour_entries (
    id              UUID PRIMARY KEY,
    ambassador_id   UUID NOT NULL REFERENCES ambassadors (id),
    placement_id    UUID NOT NULL REFERENCES placements (id),
    school_id       UUID NOT NULL REFERENCES organisations (id),
    entry_date      DATE NOT NULL,
    minutes         BIGINT NOT NULL CHECK (minutes BETWEEN 15 AND 600),
    activity        TEXT NOT NULL CHECK (activity IN ('class', 'school_task', 'lesson')),
    kind            TEXT NOT NULL CHECK (kind IN ('sponsored', 'volunteered')),
    kind_reason     TEXT,
    note            TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('submitted', 'approved', 'rejected', 'locked')),
    decision_reason TEXT,
    decided_by      TEXT,
    decided_at      TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
-- A school's month, and an ambassador's own.
CREATE INDEX hour_entries_school ON hour_entries (school_id, entry_date);
CREATE INDEX hour_entries_ambassador ON hour_entries (ambassador_id, entry_date);
