-- The dates of lesson series per group, and the secret addresses of calendar feeds.

CREATE TABLE scheduled_lessons (
    id            UUID PRIMARY KEY,
    series_id     UUID NOT NULL REFERENCES lesson_series (id),
    school_id     UUID NOT NULL REFERENCES organisations (id),
    -- The group, as written: 'groep 6' or 'leerjaar 2'. A group is a school's group label.
    group_label   TEXT NOT NULL,
    -- Which lesson of the series, counting from 1.
    lesson_number BIGINT NOT NULL CHECK (lesson_number >= 1),
    lesson_date   DATE NOT NULL,
    starts_at     TIME NOT NULL,
    minutes       BIGINT NOT NULL CHECK (minutes > 0),
    UNIQUE (series_id, group_label, lesson_number)
);
-- The 22-hour count and the month view read a school's group by date.
CREATE INDEX scheduled_lessons_group ON scheduled_lessons (school_id, group_label, lesson_date);
CREATE INDEX scheduled_lessons_date ON scheduled_lessons (school_id, lesson_date);

-- A feed is either a school's or a series' lessons; the token is its secret address.
CREATE TABLE calendar_feeds (
    subject_id UUID PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('school', 'lesson_series')),
    token      TEXT NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL
);
