-- Issue 13, ADR 026. Hand-written: drizzle-kit cannot say "partitioned" (the snapshot
-- matches schema.ts).

-- 1. A team's dashboard in index order: the team copied onto the status, kept true by a
--    (child, team) key that cascades, and the rank of the colour the team works with.
ALTER TABLE "child" ADD CONSTRAINT "child_id_team_uq" UNIQUE("id","team_id");
--> statement-breakpoint
ALTER TABLE "child_status" ADD COLUMN "team_id" uuid;
--> statement-breakpoint
UPDATE "child_status" s SET "team_id" = c."team_id" FROM "child" c WHERE c."id" = s."child_id";
--> statement-breakpoint
ALTER TABLE "child_status" ALTER COLUMN "team_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "child_status" ADD COLUMN "severity" smallint GENERATED ALWAYS AS (case coalesce(override_colour, colour) when 'red' then 3 when 'yellow' then 2 when 'green' then 1 else 0 end) STORED NOT NULL;
--> statement-breakpoint
ALTER TABLE "child_status" ADD CONSTRAINT "child_status_child_id_team_id_child_id_team_id_fk" FOREIGN KEY ("child_id","team_id") REFERENCES "public"."child"("id","team_id") ON DELETE no action ON UPDATE cascade;
--> statement-breakpoint
CREATE INDEX "child_status_team_order_idx" ON "child_status" USING btree ("team_id","severity" DESC NULLS FIRST,"changed_at" DESC NULLS FIRST,"child_id");
--> statement-breakpoint

-- 2. The access log at national scale: time-ordered keys, a partition per month, list
--    views as one row with the children shown. The old rows are copied as they are.
ALTER TABLE "access_log" RENAME TO "access_log_before_0012";
--> statement-breakpoint
ALTER TABLE "access_log_before_0012" RENAME CONSTRAINT "access_log_action_nonempty" TO "access_log_before_0012_action_nonempty";
--> statement-breakpoint
ALTER INDEX "access_log_child_at_idx" RENAME TO "access_log_before_0012_child_at_idx";
--> statement-breakpoint
ALTER INDEX "access_log_actor_at_idx" RENAME TO "access_log_before_0012_actor_at_idx";
--> statement-breakpoint
CREATE TABLE "access_log" (
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "access_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_organisation_id" uuid,
	"actor_role" "role",
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"child_id" uuid,
	"child_ids" uuid[],
	"entity_ids" text[],
	"basis" text,
	"outcome" "access_outcome" NOT NULL,
	"request_id" text,
	CONSTRAINT "access_log_at_id_pk" PRIMARY KEY("at","id"),
	CONSTRAINT "access_log_action_nonempty" CHECK (length("access_log"."action") > 0)
) PARTITION BY RANGE ("at");
--> statement-breakpoint
CREATE INDEX "access_log_child_at_idx" ON "access_log" USING btree ("child_id","at");
--> statement-breakpoint
CREATE INDEX "access_log_child_ids_idx" ON "access_log" USING gin ("child_ids");
--> statement-breakpoint
CREATE INDEX "access_log_actor_at_idx" ON "access_log" USING btree ("actor_user_id","at");
--> statement-breakpoint
-- Evidence: no change, no removal, stamped now (as 0001 and 0008 set for the old table).
CREATE TRIGGER access_log_no_update_delete
	BEFORE UPDATE OR DELETE ON access_log
	FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER access_log_no_truncate
	BEFORE TRUNCATE ON access_log
	FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change();
--> statement-breakpoint
-- Rows whose month has no partition yet land here, so a write never fails for want of one.
CREATE TABLE "access_log_default" PARTITION OF "access_log" DEFAULT;
--> statement-breakpoint
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log_default
	FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change();
--> statement-breakpoint
-- Makes the monthly partitions from `from_month` through `months` months after it. Run by
-- the migration and by every instance at start and hourly (as the app role, which cannot
-- create tables itself: hence SECURITY DEFINER, with a fixed search_path). A month whose
-- rows already went to the default partition is left there (the partition could not be
-- made without moving evidence); docs/deploy.md says how to move them.
CREATE OR REPLACE FUNCTION access_log_add_months(from_month date, months integer)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
	m date := date_trunc('month', from_month)::date;
	lo timestamptz;
	hi timestamptz;
	part text;
	made integer := 0;
BEGIN
	-- Instances starting together make each partition once.
	PERFORM pg_advisory_xact_lock(7262026);
	FOR i IN 0..months LOOP
		part := 'access_log_' || to_char(m, 'YYYY_MM');
		lo := m::timestamp AT TIME ZONE 'UTC';
		hi := (m + interval '1 month')::timestamp AT TIME ZONE 'UTC';
		IF to_regclass(part) IS NULL
			AND NOT EXISTS (SELECT 1 FROM access_log_default WHERE at >= lo AND at < hi) THEN
			EXECUTE format('CREATE TABLE %I PARTITION OF access_log FOR VALUES FROM (%L) TO (%L)',
				part, lo, hi);
			EXECUTE format('CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON %I
				FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change()', part);
			-- Reads and writes go through access_log, whose rights the app role has.
			IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'yhteisarvio_app') THEN
				EXECUTE format('REVOKE ALL ON %I FROM yhteisarvio_app', part);
			END IF;
			made := made + 1;
		END IF;
		m := (m + interval '1 month')::date;
	END LOOP;
	RETURN made;
END;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION access_log_add_months(date, integer) FROM PUBLIC;
--> statement-breakpoint
DO $$
BEGIN
	IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'yhteisarvio_app') THEN
		GRANT EXECUTE ON FUNCTION access_log_add_months(date, integer) TO yhteisarvio_app;
		REVOKE UPDATE, DELETE, TRUNCATE ON access_log FROM yhteisarvio_app;
		REVOKE ALL ON access_log_default FROM yhteisarvio_app;
	END IF;
END
$$;
--> statement-breakpoint
SELECT access_log_add_months(
	coalesce((SELECT min(at) FROM access_log_before_0012), now())::date,
	(extract(year from age(date_trunc('month', now()), date_trunc('month', coalesce((SELECT min(at) FROM access_log_before_0012), now())))) * 12
		+ extract(month from age(date_trunc('month', now()), date_trunc('month', coalesce((SELECT min(at) FROM access_log_before_0012), now())))))::integer + 2
);
--> statement-breakpoint
INSERT INTO access_log (at, actor_user_id, actor_organisation_id, actor_role, action, entity_type, entity_id, child_id, basis, outcome, request_id)
	SELECT at, actor_user_id, actor_organisation_id, actor_role, action, entity_type, entity_id, child_id, basis, outcome, request_id
	FROM access_log_before_0012 ORDER BY at;
--> statement-breakpoint
-- Stamped now from here on (the copied rows kept their own time).
CREATE TRIGGER access_log_at_now
	BEFORE INSERT ON access_log
	FOR EACH ROW EXECUTE FUNCTION access_log_stamp();
--> statement-breakpoint
DROP TABLE "access_log_before_0012";
