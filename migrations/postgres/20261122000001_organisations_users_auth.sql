-- Tenants, people, their roles, sessions, partner clients and the audit log.

CREATE TABLE organisations (
    id           UUID PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('programme', 'school_board', 'school', 'employer', 'partner')),
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    parent_id    UUID REFERENCES organisations (id),
    school_type  TEXT CHECK (school_type IN ('po', 'vo')),
    region       TEXT CHECK (region IN ('noord', 'midden', 'zuid')),
    municipality TEXT CHECK (length(municipality) BETWEEN 1 AND 100),
    created_at   TIMESTAMPTZ NOT NULL,
    -- A school has a type, a region and a municipality; nothing else has them.
    CHECK ((kind = 'school') = (school_type IS NOT NULL AND region IS NOT NULL AND municipality IS NOT NULL)),
    CHECK (kind = 'school' OR (school_type IS NULL AND region IS NULL AND municipality IS NULL))
);
CREATE INDEX organisations_kind_id ON organisations (kind, id);
CREATE INDEX organisations_parent ON organisations (parent_id);

CREATE TABLE users (
    id            UUID PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    password_hash TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE memberships (
    user_id         UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organisation_id UUID NOT NULL REFERENCES organisations (id),
    role            TEXT NOT NULL CHECK (role IN ('programme_admin', 'school_director', 'coordinator', 'teacher', 'ambassador', 'employer_contact')),
    created_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, organisation_id, role)
);
CREATE INDEX memberships_organisation ON memberships (organisation_id, user_id);

-- Refresh tokens are stored as SHA-256 hashes; a family is one login's chain of rotations.
CREATE TABLE refresh_tokens (
    token_hash BYTEA PRIMARY KEY,
    user_id    UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id  UUID NOT NULL,
    issued_at  TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);

CREATE TABLE partner_clients (
    id              UUID PRIMARY KEY,
    client_id       TEXT NOT NULL UNIQUE,
    secret_hash     BYTEA NOT NULL,
    organisation_id UUID NOT NULL REFERENCES organisations (id),
    name            TEXT NOT NULL,
    scopes          TEXT NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    revoked_at      TIMESTAMPTZ
);

-- Failed logins, counted per account and per address to slow down guessing.
CREATE TABLE login_failures (
    id        UUID PRIMARY KEY,
    email     TEXT NOT NULL,
    address   TEXT NOT NULL,
    failed_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_failures_email ON login_failures (email, failed_at);
CREATE INDEX login_failures_address ON login_failures (address, failed_at);

CREATE TABLE audit_log (
    id            UUID PRIMARY KEY,
    at            TIMESTAMPTZ NOT NULL,
    actor_kind    TEXT NOT NULL CHECK (actor_kind IN ('user', 'client', 'system')),
    actor_id      UUID,
    action        TEXT NOT NULL,
    resource_type TEXT NOT NULL,
    resource_id   UUID
);
