-- Employer sponsorship: what an employer signed up with and whether programme staff verified
-- it, the invitations it sends its staff (tokens stored as SHA-256 hashes, single use), the
-- sponsorship agreements, contributions in kind or money, extra cost rows for the cost overview,
-- and the social-return (SROI) value of an employee-hour per municipality. Money is whole cents.

CREATE TABLE employer_profiles (
    organisation_id UUID PRIMARY KEY REFERENCES organisations (id),
    municipality    TEXT NOT NULL CHECK (length(municipality) BETWEEN 1 AND 100),
    verified_at     TIMESTAMPTZ,
    verified_by     UUID REFERENCES users (id),
    created_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE employer_invitations (
    id             UUID PRIMARY KEY,
    employer_id    UUID NOT NULL REFERENCES organisations (id),
    token_hash     BYTEA NOT NULL UNIQUE,
    employee_name  TEXT NOT NULL CHECK (length(employee_name) BETWEEN 1 AND 200),
    employee_email TEXT NOT NULL,
    created_by     UUID REFERENCES users (id),
    created_at     TIMESTAMPTZ NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL,
    used_at        TIMESTAMPTZ,
    revoked_at     TIMESTAMPTZ,
    ambassador_id  UUID REFERENCES ambassadors (id)
);
CREATE INDEX employer_invitations_employer ON employer_invitations (employer_id, created_at);

CREATE TABLE sponsorship_agreements (
    id                           UUID PRIMARY KEY,
    employer_id                  UUID NOT NULL REFERENCES organisations (id),
    ambassador_id                UUID NOT NULL REFERENCES ambassadors (id),
    school_year                  INTEGER NOT NULL,
    start_moment                 TEXT NOT NULL CHECK (start_moment IN ('september', 'february')),
    commitment                   TEXT NOT NULL CHECK (commitment IN ('half_year', 'whole_year')),
    sponsored_minutes_per_week   INTEGER NOT NULL CHECK (sponsored_minutes_per_week BETWEEN 0 AND 2400),
    volunteered_minutes_per_week INTEGER NOT NULL CHECK (volunteered_minutes_per_week BETWEEN 0 AND 2400),
    hourly_rate                  BIGINT NOT NULL CHECK (hourly_rate BETWEEN 0 AND 100000),
    status                       TEXT NOT NULL CHECK (status IN ('proposed', 'agreed', 'running', 'ended')),
    end_reason                   TEXT,
    ended_on                     DATE,
    created_at                   TIMESTAMPTZ NOT NULL,
    updated_at                   TIMESTAMPTZ NOT NULL
);
CREATE INDEX sponsorship_agreements_employer ON sponsorship_agreements (employer_id, ambassador_id);
-- One live agreement per employee and start: a new period gets a new agreement.
CREATE UNIQUE INDEX sponsorship_agreements_one_live
    ON sponsorship_agreements (ambassador_id, school_year, start_moment) WHERE status <> 'ended';

CREATE TABLE sponsorship_contributions (
    id             UUID PRIMARY KEY,
    employer_id    UUID NOT NULL REFERENCES organisations (id),
    kind           TEXT NOT NULL CHECK (kind IN ('materials', 'money')),
    description    TEXT NOT NULL,
    amount         BIGINT NOT NULL CHECK (amount > 0),
    given_on       DATE NOT NULL,
    receipt_number TEXT NOT NULL CHECK (length(receipt_number) BETWEEN 1 AND 100),
    created_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (employer_id, receipt_number)
);

CREATE TABLE sponsorship_cost_roles (
    id          UUID PRIMARY KEY,
    employer_id UUID NOT NULL REFERENCES organisations (id),
    role        TEXT NOT NULL CHECK (length(role) BETWEEN 1 AND 100),
    party       TEXT NOT NULL CHECK (party IN ('employer', 'school', 'programme')),
    minutes     INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 100000),
    hourly_rate BIGINT NOT NULL CHECK (hourly_rate BETWEEN 0 AND 100000),
    recorded_on DATE NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX sponsorship_cost_roles_employer ON sponsorship_cost_roles (employer_id, recorded_on);

-- Keyed by the municipality's name in lower case; the name as written is kept for statements.
CREATE TABLE sroi_rules (
    municipality_key TEXT PRIMARY KEY,
    municipality     TEXT NOT NULL,
    cents_per_hour   BIGINT NOT NULL CHECK (cents_per_hour BETWEEN 0 AND 100000),
    source           TEXT NOT NULL CHECK (length(source) BETWEEN 1 AND 300)
);
-- Utrecht's building-block model: supporting a social project, EUR 100 per employee-hour.
INSERT INTO sroi_rules (municipality_key, municipality, cents_per_hour, source) VALUES
    ('utrecht', 'Utrecht', 10000, 'bouwsteen ''ondersteunen maatschappelijk project''');

-- Employers made before sign-up existed were made by programme staff: verified, municipality
-- to be filled in.
INSERT INTO employer_profiles (organisation_id, municipality, verified_at, created_at)
    SELECT id, 'onbekend', created_at, created_at FROM organisations WHERE kind = 'employer';
