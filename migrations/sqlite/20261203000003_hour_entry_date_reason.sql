-- Why an hour entry falls outside the usual school day (another weekday, a school holiday):
-- such an entry is taken only with a reason, which the school sees when it decides.
ALTER TABLE hour_entries ADD COLUMN date_reason TEXT;
