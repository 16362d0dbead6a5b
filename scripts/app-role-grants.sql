-- The app role's rights (ADR 013), as the migrations leave them, for a database restored
-- with `pg_restore --no-privileges` (docs/deploy.md): run it as the database's owner,
--   psql -v ON_ERROR_STOP=1 -f scripts/app-role-grants.sql "<owner's URL>"
-- then start the app (which takes CONNECT from PUBLIC again). A spec
-- (src/lib/server/db/app-role-grants.spec.ts) restores a migrated database without
-- privileges, runs this file and compares every privilege with the original's: a migration
-- that grants or revokes something must say it here too.
\set ON_ERROR_STOP on
BEGIN;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO yhteisarvio_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO yhteisarvio_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO yhteisarvio_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO yhteisarvio_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO yhteisarvio_app;
-- Append-only records (0008, 0013, 0014, 0020, 0022, 0029, 0030, 0031, 0032, 0038).
REVOKE UPDATE, DELETE, TRUNCATE ON access_log, child_status_history, phase_change,
	caseload_confirmation, meeting_addendum, client_plan, information_answer, family_note, own_view, family_feedback,
	own_words_privacy, child_month_colour, month_colour_kept FROM yhteisarvio_app;
-- Records that are never deleted (0008, 0013, 0014, 0024, 0025, 0027, 0028).
REVOKE DELETE, TRUNCATE ON assessment, case_contact, statutory_clock, team_meeting, hypothesis,
	meeting_step, meeting_discussion, key_check, user_identity, guardian, family_person FROM yhteisarvio_app;
-- The access log's partitions: reads and writes go through access_log only (0012).
DO $$
DECLARE
	part text;
BEGIN
	FOR part IN
		SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
		WHERE i.inhparent = 'public.access_log'::regclass
	LOOP
		EXECUTE format('REVOKE ALL ON %I FROM yhteisarvio_app', part);
	END LOOP;
END
$$;
REVOKE ALL ON FUNCTION access_log_add_months(date, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION access_log_add_months(date, integer) TO yhteisarvio_app;
-- Retention drops whole months past the period, never the last 24 (0037, ADR 046).
REVOKE ALL ON FUNCTION access_log_drop_months(date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION access_log_drop_months(date) TO yhteisarvio_app;
COMMIT;
