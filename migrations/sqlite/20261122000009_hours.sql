-- Hours ambassadors log at their placements, and the school's decision on each.

CREATE TABLE hour_entries (
    id              BLOB PRIMARY KEY NOT NULL,
    ambassador_id   BLOB NOT NULL REFERENCES ambassadors (id),
    placement_id    BLOB NOT NULL REFERENCES placements (id),
    school_id       BLOB NOT NULL REFERENCES organisations (id),
    entry_date      TEXT NOT NULL,
    minutes         INTEGER NOT NULL CHECK (minutes BETWEEN 15 AND 600),
    activity        TEXT NOT NULL CHECK (activity IN ('class', 'school_task', 'lesson')),
    kind            TEXT NOT NULL CHECK (kind IN ('sponsored', 'volunteered')),
    kind_reason     TEXT,
    note            TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('submitted', 'approved', 'rejected', 'locked')),
    decision_reason TEXT,
    decided_by      TEXT,
    decided_at      TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
-- A school's month, and an ambassador's own.
CREATE INDEX hour_entries_school ON hour_entries (school_id, entry_date);
CREATE INDEX hour_entries_ambassador ON hour_entries (ambassador_id, entry_date);
