-- Who read the most sensitive data (VOG records, IBANs, intake documents, concerns, full
-- exports), of whom, and when. Written in the same request as the read: a read that cannot be
-- logged is refused. Audit data: kept as long as the audit log.
CREATE TABLE sensitive_reads (
    id            UUID PRIMARY KEY,
    at            TIMESTAMPTZ NOT NULL,
    actor_kind    TEXT NOT NULL CHECK (actor_kind IN ('user', 'client')),
    actor_id      UUID NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('vog_records', 'iban', 'document', 'concern', 'export')),
    person_id     UUID NOT NULL,
    resource_type TEXT NOT NULL,
    resource_id   UUID NOT NULL
);
CREATE INDEX sensitive_reads_person ON sensitive_reads (person_id, id);
CREATE INDEX sensitive_reads_kind ON sensitive_reads (kind, id);
CREATE INDEX sensitive_reads_at ON sensitive_reads (at);
