-- The app runs as a role that cannot alter the records it must not (ADR 013). Migrations
-- run as the owner of the tables; the app then switches to (or logs in as) this role.
-- On a managed PostgreSQL the role may be created beforehand by someone with CREATEROLE
-- (docs in the README); then this block does nothing.
DO $$
BEGIN
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'yhteisarvio_app') THEN
		CREATE ROLE yhteisarvio_app NOLOGIN;
	END IF;
END
$$;
--> statement-breakpoint
-- No DDL: nobody but the owner creates objects in the schema.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO yhteisarvio_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO yhteisarvio_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO yhteisarvio_app;
--> statement-breakpoint
-- Tables made by later migrations (run by the same owner) get the same everyday rights;
-- a migration that adds an append-only table revokes what it must.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO yhteisarvio_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO yhteisarvio_app;
--> statement-breakpoint
-- Evidence and history: read and append only.
REVOKE UPDATE, DELETE, TRUNCATE ON access_log FROM yhteisarvio_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON child_status_history FROM yhteisarvio_app;
--> statement-breakpoint
-- Assessments: drafts are edited, submitted versions never (a correction is a new row).
REVOKE DELETE, TRUNCATE ON assessment FROM yhteisarvio_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION status_history_refuse_change() RETURNS trigger AS $$
BEGIN
	RAISE EXCEPTION 'child_status_history is append-only: % is not allowed', TG_OP
		USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER child_status_history_no_update_delete
	BEFORE UPDATE OR DELETE ON child_status_history
	FOR EACH ROW EXECUTE FUNCTION status_history_refuse_change();
--> statement-breakpoint
CREATE TRIGGER child_status_history_no_truncate
	BEFORE TRUNCATE ON child_status_history
	FOR EACH STATEMENT EXECUTE FUNCTION status_history_refuse_change();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION assessment_refuse_change() RETURNS trigger AS $$
BEGIN
	IF TG_OP = 'UPDATE' AND OLD.status = 'draft' THEN
		RETURN NEW;
	END IF;
	RAISE EXCEPTION 'a submitted assessment is never changed: % is not allowed', TG_OP
		USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER assessment_submitted_no_change
	BEFORE UPDATE OR DELETE ON assessment
	FOR EACH ROW EXECUTE FUNCTION assessment_refuse_change();
--> statement-breakpoint
CREATE TRIGGER assessment_no_truncate
	BEFORE TRUNCATE ON assessment
	FOR EACH STATEMENT EXECUTE FUNCTION assessment_refuse_change();
--> statement-breakpoint
-- A log row is written now, not backdated or post-dated.
CREATE OR REPLACE FUNCTION access_log_stamp() RETURNS trigger AS $$
BEGIN
	IF NEW.at IS DISTINCT FROM now() THEN
		RAISE EXCEPTION 'access_log.at is the time of the transaction'
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER access_log_at_now
	BEFORE INSERT ON access_log
	FOR EACH ROW EXECUTE FUNCTION access_log_stamp();
