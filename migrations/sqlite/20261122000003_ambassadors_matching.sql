-- Ambassadors, their intake, VOG records and documents; matching runs and matches.

CREATE TABLE ambassadors (
    id                BLOB PRIMARY KEY NOT NULL,
    user_id           BLOB UNIQUE REFERENCES users (id),
    name              TEXT NOT NULL,
    email             TEXT NOT NULL,
    employer_id       BLOB REFERENCES organisations (id),
    -- The whole profile as JSON (AmbassadorInput): read and written whole, never queried.
    profile           TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('registered', 'intake_planned', 'intake_done', 'vog_requested', 'available', 'matched', 'active', 'ended')),
    intake_decided_on TEXT,
    erased_at         TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX ambassadors_status ON ambassadors (status, id);

CREATE TABLE intake_steps (
    id            BLOB PRIMARY KEY NOT NULL,
    ambassador_id BLOB NOT NULL REFERENCES ambassadors (id),
    status        TEXT NOT NULL,
    on_date       TEXT NOT NULL,
    by_user_id    BLOB,
    by_name       TEXT,
    note          TEXT,
    recorded_at   TEXT NOT NULL
);
CREATE INDEX intake_steps_ambassador ON intake_steps (ambassador_id, id);

-- Motivation letter and CV, purged a set number of days after the intake decision.
CREATE TABLE ambassador_documents (
    ambassador_id BLOB NOT NULL REFERENCES ambassadors (id),
    kind          TEXT NOT NULL CHECK (kind IN ('motivation_letter', 'cv')),
    media_type    TEXT NOT NULL,
    size          INTEGER NOT NULL,
    content       BLOB NOT NULL,
    uploaded_at   TEXT NOT NULL,
    PRIMARY KEY (ambassador_id, kind)
);

-- Dates and outcome only: never the certificate itself.
CREATE TABLE vog_records (
    id              BLOB PRIMARY KEY NOT NULL,
    ambassador_id   BLOB NOT NULL REFERENCES ambassadors (id),
    issued_on       TEXT NOT NULL,
    seen_on         TEXT NOT NULL,
    seen_by_user_id BLOB,
    seen_by_name    TEXT NOT NULL,
    outcome         TEXT NOT NULL CHECK (outcome IN ('issued', 'refused')),
    recorded_at     TEXT NOT NULL
);
CREATE INDEX vog_records_ambassador ON vog_records (ambassador_id, id);

CREATE TABLE matching_runs (
    id              BLOB PRIMARY KEY NOT NULL,
    school_year     INTEGER NOT NULL,
    start_moment    TEXT NOT NULL,
    created_by_name TEXT NOT NULL,
    candidates      INTEGER NOT NULL,
    placements      INTEGER NOT NULL,
    feasible_pairs  INTEGER NOT NULL,
    total_score     INTEGER NOT NULL,
    -- Ambassador ids without a proposal, as a JSON array.
    left_over       TEXT NOT NULL,
    created_at      TEXT NOT NULL
);

CREATE TABLE run_proposals (
    run_id        BLOB NOT NULL REFERENCES matching_runs (id),
    ambassador_id BLOB NOT NULL REFERENCES ambassadors (id),
    placement_id  BLOB NOT NULL REFERENCES placements (id),
    score         INTEGER NOT NULL,
    -- JSON arrays: the score's parts and the Dutch reasons.
    breakdown     TEXT NOT NULL,
    reasons       TEXT NOT NULL,
    PRIMARY KEY (run_id, ambassador_id)
);

CREATE TABLE matches (
    id                      BLOB PRIMARY KEY NOT NULL,
    placement_id            BLOB NOT NULL REFERENCES placements (id),
    ambassador_id           BLOB NOT NULL REFERENCES ambassadors (id),
    run_id                  BLOB REFERENCES matching_runs (id),
    status                  TEXT NOT NULL CHECK (status IN ('proposed', 'meeting_planned', 'confirmed', 'active', 'declined', 'ended')),
    score                   INTEGER NOT NULL,
    breakdown               TEXT NOT NULL,
    reasons                 TEXT NOT NULL,
    meeting_at              TEXT,
    meeting_place           TEXT,
    school_confirmed_at     TEXT,
    ambassador_confirmed_at TEXT,
    starts_on               TEXT,
    declined_by             TEXT CHECK (declined_by IN ('school', 'ambassador')),
    ended_on                TEXT,
    reason                  TEXT,
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL
);
CREATE INDEX matches_placement ON matches (placement_id, id);
CREATE INDEX matches_ambassador ON matches (ambassador_id, id);
-- An ambassador is in at most one live match.
CREATE UNIQUE INDEX matches_one_live_per_ambassador ON matches (ambassador_id)
    WHERE status IN ('proposed', 'meeting_planned', 'confirmed', 'active');

CREATE TABLE concerns (
    id                  BLOB PRIMARY KEY NOT NULL,
    match_id            BLOB NOT NULL REFERENCES matches (id),
    reported_by_user_id BLOB,
    reported_by_name    TEXT NOT NULL,
    text                TEXT NOT NULL,
    reported_at         TEXT NOT NULL
);
CREATE INDEX concerns_match ON concerns (match_id, id);
