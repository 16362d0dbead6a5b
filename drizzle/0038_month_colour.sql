-- Issue 37, ADR 047: each child's colour at the end of each month, kept once the month is
-- over (the worker), so the region's colours by month read one row per child and month.
-- Derived from child_status_history and as permanent: append-only for the app role.
CREATE TABLE "child_month_colour" (
	"month_end" date NOT NULL,
	"child_id" uuid NOT NULL,
	"colour" "traffic_colour" NOT NULL,
	CONSTRAINT "child_month_colour_month_end_child_id_pk" PRIMARY KEY("month_end","child_id")
);
--> statement-breakpoint
CREATE TABLE "month_colour_kept" (
	"month_end" date PRIMARY KEY NOT NULL,
	"children" integer NOT NULL,
	"kept_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "child_month_colour" ADD CONSTRAINT "child_month_colour_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON "child_month_colour", "month_colour_kept" FROM yhteisarvio_app;
--> statement-breakpoint
-- A history row is written at the moment of its change, so it never falls in a kept month.
-- One dated in the past (data loaded from elsewhere, the demo, the tests' fixtures) makes
-- the months from its date unkept again, under the keepers' lock, so the reports read them
-- from the history until the worker keeps them anew: a kept month never hides a row.
CREATE OR REPLACE FUNCTION month_colours_forget_from() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
	IF NEW.at < now() - interval '1 hour' THEN
		PERFORM pg_advisory_xact_lock(hashtextextended('month-colours', 0));
		DELETE FROM child_month_colour
			WHERE month_end >= (NEW.at AT TIME ZONE 'Europe/Helsinki')::date;
		DELETE FROM month_colour_kept
			WHERE month_end >= (NEW.at AT TIME ZONE 'Europe/Helsinki')::date;
	END IF;
	RETURN NEW;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION month_colours_forget_from() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER child_status_history_forget_kept_months
	AFTER INSERT ON child_status_history
	FOR EACH ROW EXECUTE FUNCTION month_colours_forget_from();
