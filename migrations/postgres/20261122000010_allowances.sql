-- The volunteer allowance: the Belastingdienst's caps per calendar year, the programme's monthly
-- amount over time, each volunteer's allowance details, allowances declared from elsewhere, and
-- the monthly statement lines. Money is whole cents.

CREATE TABLE allowance_caps (
    year            INTEGER PRIMARY KEY,
    hourly_21_plus  BIGINT NOT NULL CHECK (hourly_21_plus > 0),
    hourly_under_21 BIGINT NOT NULL CHECK (hourly_under_21 > 0),
    monthly         BIGINT NOT NULL CHECK (monthly > 0),
    yearly          BIGINT NOT NULL CHECK (yearly > 0)
);
-- Published for 2024 and 2025; later years are entered by programme staff.
INSERT INTO allowance_caps (year, hourly_21_plus, hourly_under_21, monthly, yearly) VALUES
    (2024, 550, 325, 21000, 210000),
    (2025, 560, 330, 21000, 210000);

-- The programme's monthly amount from a first day of a month on.
CREATE TABLE allowance_amounts (
    valid_from DATE PRIMARY KEY,
    monthly    BIGINT NOT NULL CHECK (monthly >= 0)
);
INSERT INTO allowance_amounts (valid_from, monthly) VALUES ('2000-01-01', 16000);

-- Only for volunteers who receive an allowance. The age category, never the birth date.
CREATE TABLE allowance_profiles (
    ambassador_id  UUID PRIMARY KEY REFERENCES ambassadors (id),
    age_category   TEXT NOT NULL CHECK (age_category IN ('twenty_one_or_older', 'under_twenty_one')),
    hourly_rate    BIGINT CHECK (hourly_rate > 0),
    iban           TEXT,
    account_holder TEXT,
    updated_at     TIMESTAMPTZ NOT NULL
);

CREATE TABLE declared_allowances (
    id            UUID PRIMARY KEY,
    ambassador_id UUID NOT NULL REFERENCES ambassadors (id),
    month         TEXT NOT NULL,
    amount        BIGINT NOT NULL CHECK (amount > 0),
    source        TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX declared_allowances_ambassador ON declared_allowances (ambassador_id, month);

CREATE TABLE statement_lines (
    id            UUID PRIMARY KEY,
    ambassador_id UUID NOT NULL REFERENCES ambassadors (id),
    month         TEXT NOT NULL,
    -- The line as the domain computes it (StatementLine), read and written whole.
    line          TEXT NOT NULL,
    amount        BIGINT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'paid')),
    corrects      UUID REFERENCES statement_lines (id),
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
-- One line per volunteer and month; corrections are extra lines.
CREATE UNIQUE INDEX statement_lines_one_per_month ON statement_lines (ambassador_id, month) WHERE corrects IS NULL;
CREATE INDEX statement_lines_month ON statement_lines (month, status);
