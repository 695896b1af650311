-- Placements (plekken) and each school's capacity per school year.

CREATE TABLE placements (
    id            BLOB PRIMARY KEY NOT NULL,
    school_id     BLOB NOT NULL REFERENCES organisations (id),
    school_year   INTEGER NOT NULL CHECK (school_year BETWEEN 2000 AND 2100),
    start_moment  TEXT NOT NULL CHECK (start_moment IN ('september', 'february')),
    commitment    TEXT NOT NULL CHECK (commitment IN ('half_year', 'whole_year')),
    weekday       TEXT NOT NULL CHECK (weekday IN ('monday', 'tuesday', 'wednesday', 'thursday', 'friday')),
    starts_at     TEXT NOT NULL,
    ends_at       TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('class', 'school_task', 'thematic')),
    group_label   TEXT,
    teacher       TEXT,
    task          TEXT CHECK (task IN ('surveillance', 'extracurricular', 'administration')),
    theme         TEXT,
    -- Keywords, one per line; searched case-insensitively.
    expertise     TEXT NOT NULL,
    note          TEXT,
    capacity      INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 10),
    status        TEXT NOT NULL CHECK (status IN ('draft', 'open', 'proposed', 'filled', 'closed', 'cancelled')),
    status_reason TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
-- The list's common filters, each ending in id for keyset pagination.
CREATE INDEX placements_year_status ON placements (school_year, status, id);
CREATE INDEX placements_school_year ON placements (school_id, school_year, id);
CREATE INDEX placements_status ON placements (status, id);

CREATE TABLE school_capacities (
    school_id                    BLOB NOT NULL REFERENCES organisations (id),
    school_year                  INTEGER NOT NULL CHECK (school_year BETWEEN 2000 AND 2100),
    groups                       INTEGER NOT NULL,
    groups_with_intern           INTEGER NOT NULL,
    groups_with_starting_teacher INTEGER NOT NULL,
    -- The teachers as a JSON array of {name, groups, weekdays, opted_in}.
    teachers                     TEXT NOT NULL,
    offered                      INTEGER,
    updated_at                   TEXT NOT NULL,
    PRIMARY KEY (school_id, school_year)
);
