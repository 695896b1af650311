-- Training, intervision and the scholingstraject: courses, their sessions, enrolments with a
-- waiting list per session, and attendance. A session's places are held by enrolments that
-- are 'enrolled' or 'offered'; the waiting list is the 'waiting' ones in order of enrolment.
CREATE TABLE courses (
    id                     BLOB PRIMARY KEY NOT NULL,
    kind                   TEXT NOT NULL,
    title                  TEXT NOT NULL,
    -- One topic per line.
    topics                 TEXT NOT NULL,
    description            TEXT NOT NULL,
    requires_intake        INTEGER NOT NULL,
    requires_placement     INTEGER NOT NULL,
    min_attended           INTEGER NOT NULL CHECK (min_attended >= 1),
    offer_hours            INTEGER NOT NULL CHECK (offer_hours >= 1),
    required_for_available INTEGER NOT NULL,
    created_at             TEXT NOT NULL
);

CREATE TABLE course_sessions (
    id          BLOB PRIMARY KEY NOT NULL,
    course_id   BLOB NOT NULL REFERENCES courses (id),
    session_date TEXT NOT NULL,
    starts_at   TEXT NOT NULL,
    ends_at     TEXT NOT NULL CHECK (ends_at > starts_at),
    location    TEXT NOT NULL,
    online_url  TEXT,
    capacity    INTEGER NOT NULL CHECK (capacity >= 1),
    teacher     TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX course_sessions_course ON course_sessions (course_id, session_date);

-- Admitted to a course after its intake (the scholingstraject).
CREATE TABLE course_admissions (
    course_id     BLOB NOT NULL REFERENCES courses (id),
    ambassador_id BLOB NOT NULL REFERENCES ambassadors (id),
    admitted_by   BLOB NOT NULL,
    admitted_at   TEXT NOT NULL,
    PRIMARY KEY (course_id, ambassador_id)
);

CREATE TABLE course_enrolments (
    id            BLOB PRIMARY KEY NOT NULL,
    session_id    BLOB NOT NULL REFERENCES course_sessions (id),
    ambassador_id BLOB NOT NULL REFERENCES ambassadors (id),
    status        TEXT NOT NULL,
    on_school_day INTEGER NOT NULL,
    offered_until TEXT,
    attendance    TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
-- One live enrolment per person per session.
CREATE UNIQUE INDEX course_enrolments_live ON course_enrolments (session_id, ambassador_id)
    WHERE status IN ('enrolled', 'waiting', 'offered');
CREATE INDEX course_enrolments_session ON course_enrolments (session_id, status, created_at);
CREATE INDEX course_enrolments_ambassador ON course_enrolments (ambassador_id);
CREATE INDEX course_enrolments_offers ON course_enrolments (offered_until) WHERE status = 'offered';

-- An ambassador's own feed: the sessions they have a place in. SQLite cannot change a CHECK,
-- so the table is made again with the wider one.
CREATE TABLE calendar_feeds_new (
    subject_id BLOB PRIMARY KEY NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('school', 'lesson_series', 'ambassador')),
    token      TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
INSERT INTO calendar_feeds_new (subject_id, kind, token, created_at)
    SELECT subject_id, kind, token, created_at FROM calendar_feeds;
DROP TABLE calendar_feeds;
ALTER TABLE calendar_feeds_new RENAME TO calendar_feeds;
