-- Limits on lessons by professionals without a teaching qualification (the 22-hour rule): data
-- with a validity period and a scope, so a new rule (such as the G5 rule of 2026) is added by
-- programme staff, not by a code change.

CREATE TABLE hours_policies (
    name                            TEXT PRIMARY KEY NOT NULL,
    valid_from                      TEXT NOT NULL,
    valid_until                     TEXT,
    -- JSON arrays: the municipalities in scope, and the excluded learning areas' codes.
    municipalities                  TEXT NOT NULL,
    max_minutes_per_group_per_month INTEGER NOT NULL,
    excluded_domains                TEXT NOT NULL
);

-- The G5 experiment (Stcrt. 2020, 26759), as in crates/domain/src/hours_policy; a store test checks
-- that the two agree.
INSERT INTO hours_policies VALUES (
    'G5-experiment (Stcrt. 2020, 26759)', '2020-08-01', '2024-07-31',
    '["Amsterdam","Almere","Den Haag","Rotterdam","Utrecht"]', 1320,
    '["nederlands","rekenen_wiskunde","bewegingsonderwijs"]'
);
