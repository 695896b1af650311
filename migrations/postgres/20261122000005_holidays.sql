-- School holidays per region (Saturday to Sunday): calendar data that admins extend through the
-- API. Summer holidays are binding, the others advisory; lessons are never planned in either.

CREATE TABLE holidays (
    region    TEXT NOT NULL CHECK (region IN ('noord', 'midden', 'zuid')),
    name      TEXT NOT NULL,
    first_day DATE NOT NULL,
    last_day  DATE NOT NULL,
    binding   BOOLEAN NOT NULL,
    CHECK (last_day >= first_day),
    PRIMARY KEY (region, name)
);
CREATE INDEX holidays_region_days ON holidays (region, first_day);

-- Autumn 2025 to summer 2027, as in crates/domain/src/holidays; a store test checks that the two
-- agree.
INSERT INTO holidays (region, name, first_day, last_day, binding) VALUES
    ('noord', 'herfstvakantie 2025', '2025-10-18', '2025-10-26', FALSE),
    ('midden', 'herfstvakantie 2025', '2025-10-18', '2025-10-26', FALSE),
    ('zuid', 'herfstvakantie 2025', '2025-10-11', '2025-10-19', FALSE),
    ('noord', 'kerstvakantie 2025', '2025-12-20', '2026-01-04', FALSE),
    ('midden', 'kerstvakantie 2025', '2025-12-20', '2026-01-04', FALSE),
    ('zuid', 'kerstvakantie 2025', '2025-12-20', '2026-01-04', FALSE),
    ('noord', 'voorjaarsvakantie 2026', '2026-02-21', '2026-03-01', FALSE),
    ('midden', 'voorjaarsvakantie 2026', '2026-02-14', '2026-02-22', FALSE),
    ('zuid', 'voorjaarsvakantie 2026', '2026-02-14', '2026-02-22', FALSE),
    ('noord', 'meivakantie 2026', '2026-04-25', '2026-05-03', FALSE),
    ('midden', 'meivakantie 2026', '2026-04-25', '2026-05-03', FALSE),
    ('zuid', 'meivakantie 2026', '2026-04-25', '2026-05-03', FALSE),
    ('noord', 'zomervakantie 2026', '2026-07-04', '2026-08-16', TRUE),
    ('midden', 'zomervakantie 2026', '2026-07-18', '2026-08-30', TRUE),
    ('zuid', 'zomervakantie 2026', '2026-07-11', '2026-08-23', TRUE),
    ('noord', 'herfstvakantie 2026', '2026-10-10', '2026-10-18', FALSE),
    ('midden', 'herfstvakantie 2026', '2026-10-17', '2026-10-25', FALSE),
    ('zuid', 'herfstvakantie 2026', '2026-10-17', '2026-10-25', FALSE),
    ('noord', 'kerstvakantie 2026', '2026-12-19', '2027-01-03', FALSE),
    ('midden', 'kerstvakantie 2026', '2026-12-19', '2027-01-03', FALSE),
    ('zuid', 'kerstvakantie 2026', '2026-12-19', '2027-01-03', FALSE),
    ('noord', 'voorjaarsvakantie 2027', '2027-02-20', '2027-02-28', FALSE),
    ('midden', 'voorjaarsvakantie 2027', '2027-02-20', '2027-02-28', FALSE),
    ('zuid', 'voorjaarsvakantie 2027', '2027-02-13', '2027-02-21', FALSE),
    ('noord', 'meivakantie 2027', '2027-04-24', '2027-05-02', FALSE),
    ('midden', 'meivakantie 2027', '2027-04-24', '2027-05-02', FALSE),
    ('zuid', 'meivakantie 2027', '2027-04-24', '2027-05-02', FALSE),
    ('noord', 'zomervakantie 2027', '2027-07-10', '2027-08-22', TRUE),
    ('midden', 'zomervakantie 2027', '2027-07-17', '2027-08-29', TRUE),
    ('zuid', 'zomervakantie 2027', '2027-07-24', '2027-09-05', TRUE);
