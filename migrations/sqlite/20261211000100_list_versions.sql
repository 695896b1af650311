-- A version of what the placement list shows, kept by the database itself: every committed
-- change to placements, organisations (a school's name, type, region or municipality) or
-- memberships (which schools a director's list covers) raises it. The API keeps list pages it
-- has built, each with the version it was built at, and serves one again only while the version
-- is unchanged. SQLite writes one transaction at a time, so plain triggers suffice; the version
-- commits with the change it counts.
CREATE TABLE list_versions (
    name    TEXT PRIMARY KEY,
    version INTEGER NOT NULL
);
INSERT INTO list_versions (name, version) VALUES ('placements', 0);

CREATE TRIGGER placements_list_version_insert AFTER INSERT ON placements
BEGIN
    UPDATE list_versions SET version = version + 1 WHERE name = 'placements';
END;

CREATE TRIGGER placements_list_version_update AFTER UPDATE ON placements
BEGIN
    UPDATE list_versions SET version = version + 1 WHERE name = 'placements';
END;

CREATE TRIGGER placements_list_version_delete AFTER DELETE ON placements
BEGIN
    UPDATE list_versions SET version = version + 1 WHERE name = 'placements';
END;

CREATE TRIGGER organisations_list_version_insert AFTER INSERT ON organisations
BEGIN
    UPDATE list_versions SET version = version + 1 WHERE name = 'placements';
END;

-- Only the columns the list shows: an update that changes none of them (such as the lesson
-- schedule's `SET name = name`) leaves the version alone.
CREATE TRIGGER organisations_list_version_update AFTER UPDATE ON organisations
WHEN OLD.name IS NOT NEW.name OR OLD.school_type IS NOT NEW.school_type
    OR OLD.region IS NOT NEW.region OR OLD.municipality IS NOT NEW.municipality
BEGIN
    UPDATE list_versions SET version = version + 1 WHERE name = 'placements';
END;

CREATE TRIGGER organisations_list_version_delete AFTER DELETE ON organisations
BEGIN
    UPDATE list_versions SET version = version + 1 WHERE name = 'placements';
END;

CREATE TRIGGER memberships_list_version_insert AFTER INSERT ON memberships
BEGIN
    UPDATE list_versions SET version = version + 1 WHERE name = 'placements';
END;

CREATE TRIGGER memberships_list_version_update AFTER UPDATE ON memberships
BEGIN
    UPDATE list_versions SET version = version + 1 WHERE name = 'placements';
END;

CREATE TRIGGER memberships_list_version_delete AFTER DELETE ON memberships
BEGIN
    UPDATE list_versions SET version = version + 1 WHERE name = 'placements';
END;
