-- What e-mail each person chooses to get, per category (a person's address, lower-case, as the
-- outbox knows them): right away (no row), weekly, or never. Messages a weekly choice holds back
-- wait in digest_items until Monday's sweep sends them as one e-mail and deletes them.
CREATE TABLE mail_preferences (
    email      TEXT NOT NULL,
    category   TEXT NOT NULL,
    choice     TEXT NOT NULL CHECK (choice IN ('immediately', 'weekly', 'never')),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (email, category)
);

CREATE TABLE digest_items (
    id         BLOB PRIMARY KEY NOT NULL,
    email      TEXT NOT NULL,
    category   TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX digest_items_email ON digest_items (email, id);
