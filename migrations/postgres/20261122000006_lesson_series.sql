-- Lesson series (lessenseries) and their review by the school's internal coordinator.

CREATE TABLE lesson_series (
    id             UUID PRIMARY KEY,
    school_id      UUID NOT NULL REFERENCES organisations (id),
    ambassador_id  UUID NOT NULL REFERENCES ambassadors (id),
    framework_code TEXT NOT NULL REFERENCES frameworks (code),
    title          TEXT NOT NULL,
    -- The rest of the content as JSON (LessonSeriesInput): read and written whole.
    content        TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'changes_requested', 'approved', 'scheduled', 'given')),
    copied_from    UUID REFERENCES lesson_series (id),
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX lesson_series_school ON lesson_series (school_id, status, id);
CREATE INDEX lesson_series_ambassador ON lesson_series (ambassador_id, id);

CREATE TABLE review_comments (
    id          UUID PRIMARY KEY,
    series_id   UUID NOT NULL REFERENCES lesson_series (id),
    author_name TEXT NOT NULL,
    text        TEXT NOT NULL,
    action      TEXT,
    written_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX review_comments_series ON review_comments (series_id, id);
