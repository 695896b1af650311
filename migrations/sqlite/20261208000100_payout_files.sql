-- Payout files: each file made for a month's approved lines is kept as it was made, with its
-- message id, so the office can download again the file it paid with. Each line goes into at
-- most one file (`statement_lines.payout_file_id`). An approved line pays to the account on
-- record when it was approved (`payee_iban`, `payee_name`), not to one entered afterwards.
CREATE TABLE payout_files (
    id              BLOB PRIMARY KEY NOT NULL,
    month           TEXT NOT NULL,
    -- The pain.001 message id: the bank refuses a file whose id it has seen.
    msg_id          TEXT NOT NULL UNIQUE,
    execution_date  TEXT NOT NULL,
    created_by      BLOB REFERENCES users (id),
    created_by_name TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    line_count      INTEGER NOT NULL CHECK (line_count > 0),
    total           INTEGER NOT NULL CHECK (total > 0),
    -- The payments as frozen when the file was made (JSON): the CSV is written from them.
    lines           TEXT NOT NULL,
    -- The SEPA file (pain.001.001.03) exactly as made; NULL when no payout account was set.
    sepa_xml        TEXT
);
CREATE INDEX payout_files_month ON payout_files (month, created_at);

ALTER TABLE statement_lines ADD COLUMN payout_file_id BLOB REFERENCES payout_files (id);
ALTER TABLE statement_lines ADD COLUMN payee_iban TEXT;
ALTER TABLE statement_lines ADD COLUMN payee_name TEXT;
CREATE INDEX statement_lines_payout_file ON statement_lines (payout_file_id);

-- Lines approved before this migration pay to the account on record now.
UPDATE statement_lines SET
    payee_iban = (SELECT p.iban FROM allowance_profiles p WHERE p.ambassador_id = statement_lines.ambassador_id),
    payee_name = (SELECT p.account_holder FROM allowance_profiles p WHERE p.ambassador_id = statement_lines.ambassador_id)
WHERE status = 'approved';
