-- Applications to become an ambassador: from the website, or from a partner on a candidate's
-- behalf. An application counts once the candidate confirms their e-mail address: then their
-- account and the ambassador (`registered`) are made, the documents move to the ambassador and
-- the row keeps only what says where it came from (name, e-mail, profile and documents are
-- cleared). Unconfirmed applications are deleted, documents and all, once they expire.
CREATE TABLE applications (
    id                  UUID PRIMARY KEY,
    name                TEXT NOT NULL,
    email               TEXT NOT NULL,
    profile             TEXT NOT NULL,
    sponsoring_employer TEXT,
    partner_client_id   UUID REFERENCES partner_clients (id),
    idempotency_key     TEXT,
    request_hash        BYTEA,
    token_hash          BYTEA UNIQUE,
    motivation_type     TEXT,
    motivation_letter   BYTEA,
    cv_type             TEXT,
    cv                  BYTEA,
    submitted_at        TIMESTAMPTZ NOT NULL,
    expires_at          TIMESTAMPTZ NOT NULL,
    confirmed_at        TIMESTAMPTZ,
    ambassador_id       UUID REFERENCES ambassadors (id)
);
-- A partner's retry with the same Idempotency-Key finds the first application.
CREATE UNIQUE INDEX applications_idempotency ON applications (partner_client_id, idempotency_key);
CREATE INDEX applications_submitted ON applications (submitted_at);
