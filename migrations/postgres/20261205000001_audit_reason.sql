-- The reason a person gave for what they did (declining a match, ending it, closing a spot,
-- rejecting hours), so the audit log says why and not only what.
ALTER TABLE audit_log ADD COLUMN reason TEXT;
