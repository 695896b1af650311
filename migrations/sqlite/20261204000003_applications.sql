-- Applications to become an ambassador: from the website, or from a partner on a candidate's
-- behalf. An application counts once the candidate confirms their e-mail address: then their
-- account and the ambassador (`registered`) are made, the documents move to the ambassador and
-- the row keeps only what says where it came from (name, e-mail, profile and documents are
-- cleared). Unconfirmed applications are deleted, documents and all, once they expire.
CREATE TABLE applications (
    id                  BLOB PRIMARY KEY NOT NULL,
    name                TEXT NOT NULL,
    email               TEXT NOT NULL,
    profile             TEXT NOT NULL,
    sponsoring_employer TEXT,
    partner_client_id   BLOB REFERENCES partner_clients (id),
    idempotency_key     TEXT,
    request_hash        BLOB,
    token_hash          BLOB UNIQUE,
    motivation_type     TEXT,
    motivation_letter   BLOB,
    cv_type             TEXT,
    cv                  BLOB,
    submitted_at        TEXT NOT NULL,
    expires_at          TEXT NOT NULL,
    confirmed_at        TEXT,
    ambassador_id       BLOB REFERENCES ambassadors (id)
);
-- A partner's retry with the same Idempotency-Key finds the first application.
CREATE UNIQUE INDEX applications_idempotency ON applications (partner_client_id, idempotency_key);
CREATE INDEX applications_submitted ON applications (submitted_at);
