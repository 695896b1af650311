-- A statement line carries a version that goes up with every change, so two people changing one
-- line at once cannot both win: a write names the version it read (If-Match) and the update is
-- conditional on it.
ALTER TABLE statement_lines ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
