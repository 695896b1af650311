-- Requests of a data subject (AVG art. 15 and 17), for every kind of person, replacing the
-- ambassador-only erasure requests. A request is made on one's own page or recorded by staff
-- (letter, e-mail); its deadline runs from received_on (an Amsterdam date); the person has at
-- most one open request of each kind. `kept` holds, as JSON, what an answered erasure kept and
-- why, as the person was told.
CREATE TABLE privacy_requests (
    id          BLOB PRIMARY KEY NOT NULL,
    user_id     BLOB REFERENCES users (id) ON DELETE SET NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('access', 'erasure')),
    channel     TEXT NOT NULL CHECK (channel IN ('own_page', 'letter', 'email')),
    status      TEXT NOT NULL CHECK (status IN ('received', 'in_progress', 'done', 'refused')),
    note        TEXT,
    received_on TEXT NOT NULL,
    recorded_by BLOB REFERENCES users (id) ON DELETE SET NULL,
    handled_by  BLOB REFERENCES users (id) ON DELETE SET NULL,
    closed_at   TEXT,
    answer      TEXT,
    kept        TEXT,
    created_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX privacy_requests_open ON privacy_requests (user_id, kind)
    WHERE status IN ('received', 'in_progress');
CREATE INDEX privacy_requests_by_user ON privacy_requests (user_id);

-- The old requests, received on their Amsterdam date (winter time: these were all made in
-- December, when Amsterdam is one hour ahead of UTC). An erased ambassador's account is no
-- longer linked, so their answered request stays without one.
INSERT INTO privacy_requests
    (id, user_id, kind, channel, status, note, received_on, closed_at, created_at)
SELECT e.id, a.user_id, 'erasure', 'own_page',
       CASE WHEN e.closed_at IS NULL THEN 'received' ELSE 'done' END,
       e.reason, date(e.requested_at, '+1 hour'), e.closed_at, e.requested_at
FROM erasure_requests e JOIN ambassadors a ON a.id = e.ambassador_id;

DROP TABLE erasure_requests;
