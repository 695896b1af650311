-- Tenants, people, their roles, sessions, partner clients and the audit log.
-- SQLite stores UUIDs as 16-byte BLOBs and instants as RFC 3339 text in UTC.

CREATE TABLE organisations (
    id           BLOB PRIMARY KEY NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('programme', 'school_board', 'school', 'employer', 'partner')),
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    parent_id    BLOB REFERENCES organisations (id),
    school_type  TEXT CHECK (school_type IN ('po', 'vo')),
    region       TEXT CHECK (region IN ('noord', 'midden', 'zuid')),
    municipality TEXT CHECK (length(municipality) BETWEEN 1 AND 100),
    created_at   TEXT NOT NULL,
    -- A school has a type, a region and a municipality; nothing else has them.
    CHECK ((kind = 'school') = (school_type IS NOT NULL AND region IS NOT NULL AND municipality IS NOT NULL)),
    CHECK (kind = 'school' OR (school_type IS NULL AND region IS NULL AND municipality IS NULL))
);
CREATE INDEX organisations_kind_id ON organisations (kind, id);
CREATE INDEX organisations_parent ON organisations (parent_id);

CREATE TABLE users (
    id            BLOB PRIMARY KEY NOT NULL,
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL
);

CREATE TABLE memberships (
    user_id         BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organisation_id BLOB NOT NULL REFERENCES organisations (id),
    role            TEXT NOT NULL CHECK (role IN ('programme_admin', 'school_director', 'coordinator', 'teacher', 'ambassador', 'employer_contact')),
    created_at      TEXT NOT NULL,
    PRIMARY KEY (user_id, organisation_id, role)
);
CREATE INDEX memberships_organisation ON memberships (organisation_id, user_id);

-- Refresh tokens are stored as SHA-256 hashes; a family is one login's chain of rotations.
CREATE TABLE refresh_tokens (
    token_hash BLOB PRIMARY KEY NOT NULL,
    user_id    BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id  BLOB NOT NULL,
    issued_at  TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);

CREATE TABLE partner_clients (
    id              BLOB PRIMARY KEY NOT NULL,
    client_id       TEXT NOT NULL UNIQUE,
    secret_hash     BLOB NOT NULL,
    organisation_id BLOB NOT NULL REFERENCES organisations (id),
    name            TEXT NOT NULL,
    scopes          TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    revoked_at      TEXT
);

-- Failed logins, counted per account and per address to slow down guessing.
CREATE TABLE login_failures (
    id        BLOB PRIMARY KEY NOT NULL,
    email     TEXT NOT NULL,
    address   TEXT NOT NULL,
    failed_at TEXT NOT NULL
);
CREATE INDEX login_failures_email ON login_failures (email, failed_at);
CREATE INDEX login_failures_address ON login_failures (address, failed_at);

CREATE TABLE audit_log (
    id            BLOB PRIMARY KEY NOT NULL,
    at            TEXT NOT NULL,
    actor_kind    TEXT NOT NULL CHECK (actor_kind IN ('user', 'client', 'system')),
    actor_id      BLOB,
    action        TEXT NOT NULL,
    resource_type TEXT NOT NULL,
    resource_id   BLOB
);
