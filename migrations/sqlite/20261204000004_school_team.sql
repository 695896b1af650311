-- A school's team: the director (or programme staff) invites teachers and coordinators by
-- e-mail with a single-use link, valid 14 days. A new invitation to the same address at the
-- same school replaces a pending one.
CREATE TABLE team_invitations (
    id          BLOB PRIMARY KEY NOT NULL,
    school_id   BLOB NOT NULL REFERENCES organisations (id),
    role        TEXT NOT NULL CHECK (role IN ('teacher', 'coordinator')),
    name        TEXT NOT NULL,
    email       TEXT NOT NULL,
    token_hash  BLOB NOT NULL UNIQUE,
    invited_by  BLOB REFERENCES users (id) ON DELETE SET NULL,
    created_at  TEXT NOT NULL,
    accepted_at TEXT,
    user_id     BLOB REFERENCES users (id) ON DELETE SET NULL,
    revoked_at  TEXT
);
CREATE INDEX team_invitations_school ON team_invitations (school_id, created_at);

-- A teacher says, per school year, whether they are open to working with an ambassador, for
-- which groups and on which days. The school's capacity counts it.
CREATE TABLE teacher_opt_ins (
    school_id   BLOB NOT NULL REFERENCES organisations (id),
    user_id     BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    school_year INTEGER NOT NULL,
    opted_in    INTEGER NOT NULL,
    groups      TEXT NOT NULL,
    weekdays    TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (school_id, user_id, school_year)
);
