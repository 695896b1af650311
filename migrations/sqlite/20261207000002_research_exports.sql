-- Research exports: what a research partner was given, already pseudonymised (the key that
-- made the pseudonyms is not kept unless the programme sets one), so its CSV files can be
-- downloaded with the same pseudonyms as its JSON.
CREATE TABLE research_exports (
    id          BLOB PRIMARY KEY NOT NULL,
    client_id   BLOB NOT NULL REFERENCES partner_clients (id),
    school_year INTEGER NOT NULL,
    purpose     TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX research_exports_client ON research_exports (client_id, id);
