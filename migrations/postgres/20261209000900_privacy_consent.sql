-- Each applicant's consent records the version of the privacy statement they were shown and
-- when they agreed. Applications so far all agreed to the first version, when they applied.
ALTER TABLE applications ADD COLUMN privacy_statement_version TEXT NOT NULL DEFAULT '2026-12';
ALTER TABLE applications ADD COLUMN privacy_consented_at TIMESTAMPTZ;
UPDATE applications SET privacy_consented_at = submitted_at;
ALTER TABLE applications ALTER COLUMN privacy_consented_at SET NOT NULL;
