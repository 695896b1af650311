-- Retention: what the daily sweep needs to know and to mark.
-- users.deactivated_at: when a person's last role went (a teacher who left the school); the
--   clock of the school-staff category starts there. A new role clears it.
-- users.anonymised_at, partner_clients.anonymised_at: done once, so a second sweep skips them.
-- statement_lines.paid_at: when a line was paid, the start of the payment period (lines paid
--   before this migration take the time of their last change, which was the payment).
-- statement_lines.payee_erased_at: when the payee (name and IBAN) was wiped after the payment
--   period; amounts and dates stay.
ALTER TABLE users ADD COLUMN deactivated_at TEXT;
ALTER TABLE users ADD COLUMN anonymised_at TEXT;
ALTER TABLE partner_clients ADD COLUMN anonymised_at TEXT;
ALTER TABLE statement_lines ADD COLUMN paid_at TEXT;
ALTER TABLE statement_lines ADD COLUMN payee_erased_at TEXT;
UPDATE statement_lines SET paid_at = updated_at WHERE status = 'paid';
CREATE INDEX audit_log_at ON audit_log (at);
