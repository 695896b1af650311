-- What the daily sweep sent, so no reminder leaves twice: one row per person, kind and the thing
-- it is about (a placement, a VOG, a month, a week). The primary key decides, even with two
-- servers sweeping at once.
CREATE TABLE reminders_sent (
    person_id  UUID NOT NULL,
    kind       TEXT NOT NULL,
    about      TEXT NOT NULL,
    sent_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (person_id, kind, about)
);
