-- Training, intervision and the scholingstraject: courses, their sessions, enrolments with a
-- waiting list per session, and attendance. A session's places are held by enrolments that
-- are 'enrolled' or 'offered'; the waiting list is the 'waiting' ones in order of enrolment.
CREATE TABLE courses (
    id                     UUID PRIMARY KEY,
    kind                   TEXT NOT NULL,
    title                  TEXT NOT NULL,
    -- One topic per line.
    topics                 TEXT NOT NULL,
    description            TEXT NOT NULL,
    requires_intake        BOOLEAN NOT NULL,
    requires_placement     BOOLEAN NOT NULL,
    min_attended           BIGINT NOT NULL CHECK (min_attended >= 1),
    offer_hours            BIGINT NOT NULL CHECK (offer_hours >= 1),
    required_for_available BOOLEAN NOT NULL,
    created_at             TIMESTAMPTZ NOT NULL
);

CREATE TABLE course_sessions (
    id          UUID PRIMARY KEY,
    course_id   UUID NOT NULL REFERENCES courses (id),
    session_date DATE NOT NULL,
    starts_at   TIME NOT NULL,
    ends_at     TIME NOT NULL CHECK (ends_at > starts_at),
    location    TEXT NOT NULL,
    online_url  TEXT,
    capacity    BIGINT NOT NULL CHECK (capacity >= 1),
    teacher     TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX course_sessions_course ON course_sessions (course_id, session_date);

-- Admitted to a course after its intake (the scholingstraject).
CREATE TABLE course_admissions (
    course_id     UUID NOT NULL REFERENCES courses (id),
    ambassador_id UUID NOT NULL REFERENCES ambassadors (id),
    admitted_by   UUID NOT NULL,
    admitted_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (course_id, ambassador_id)
);

CREATE TABLE course_enrolments (
    id            UUID PRIMARY KEY,
    session_id    UUID NOT NULL REFERENCES course_sessions (id),
    ambassador_id UUID NOT NULL REFERENCES ambassadors (id),
    status        TEXT NOT NULL,
    on_school_day BOOLEAN NOT NULL,
    offered_until TIMESTAMPTZ,
    attendance    TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
-- One live enrolment per person per session.
CREATE UNIQUE INDEX course_enrolments_live ON course_enrolments (session_id, ambassador_id)
    WHERE status IN ('enrolled', 'waiting', 'offered');
CREATE INDEX course_enrolments_session ON course_enrolments (session_id, status, created_at);
CREATE INDEX course_enrolments_ambassador ON course_enrolments (ambassador_id);
CREATE INDEX course_enrolments_offers ON course_enrolments (offered_until) WHERE status = 'offered';

-- An ambassador's own feed: the sessions they have a place in.
ALTER TABLE calendar_feeds DROP CONSTRAINT calendar_feeds_kind_check;
ALTER TABLE calendar_feeds ADD CONSTRAINT calendar_feeds_kind_check
    CHECK (kind IN ('school', 'lesson_series', 'ambassador'));
