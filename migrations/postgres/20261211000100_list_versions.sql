-- A version of what the placement list shows, kept by the database itself: every committed
-- change to placements, organisations (a school's name, type, region or municipality) or
-- memberships (which schools a director's list covers) raises it by one. The API keeps list
-- pages it has built, each with the version it was built at, and serves one again only while
-- the version is unchanged, on every instance that shares this database.
--
-- The triggers are deferred to the end of the transaction, so the row's lock is the last one a
-- writing transaction takes: it never waits for another lock while holding this one, and two
-- writers cannot deadlock on it. The version commits with the change it counts, so a reader that
-- sees the new version also sees the change. A transaction raises it once, however many rows it
-- writes.
CREATE TABLE list_versions (
    name    TEXT PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO list_versions (name, version) VALUES ('placements', 0);

CREATE FUNCTION raise_placements_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('klasbrug.placements_version_raised', true) IS DISTINCT FROM txid_current()::text THEN
        UPDATE list_versions SET version = version + 1 WHERE name = 'placements';
        PERFORM set_config('klasbrug.placements_version_raised', txid_current()::text, true);
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER placements_list_version
    AFTER INSERT OR UPDATE OR DELETE ON placements
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION raise_placements_version();
CREATE CONSTRAINT TRIGGER organisations_list_version
    AFTER INSERT OR DELETE ON organisations
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION raise_placements_version();
-- Only the columns the list shows: an update that changes none of them (such as the lesson
-- schedule's `SET name = name`, which only locks the school's row) leaves the version alone.
CREATE CONSTRAINT TRIGGER organisations_list_version_update
    AFTER UPDATE ON organisations
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW
    WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.school_type IS DISTINCT FROM NEW.school_type
          OR OLD.region IS DISTINCT FROM NEW.region OR OLD.municipality IS DISTINCT FROM NEW.municipality)
    EXECUTE FUNCTION raise_placements_version();
CREATE CONSTRAINT TRIGGER memberships_list_version
    AFTER INSERT OR UPDATE OR DELETE ON memberships
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION raise_placements_version();
