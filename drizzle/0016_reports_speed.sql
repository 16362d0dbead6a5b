-- The reports at region scale (docs/performance.md): a child's colour at a moment read
-- from the history index alone, a period's submitted assessments and due requests by date.
DROP INDEX "child_status_history_child_idx";--> statement-breakpoint
CREATE INDEX "assessment_submitted_idx" ON "assessment" USING btree ("submitted_at","child_id","organisation_id") WHERE status = 'submitted';--> statement-breakpoint
CREATE INDEX "assessment_request_due_idx" ON "assessment_request" USING btree ("due_date") WHERE status <> 'cancelled';--> statement-breakpoint
CREATE INDEX "child_status_history_child_idx" ON "child_status_history" USING btree ("child_id","at","seq","to_colour");--> statement-breakpoint
-- Working days between two dates (after a, up to and including b), minus the holidays
-- passed in (domain/working-days). The 0015 version walked every day in a SQL function
-- that cannot be inlined (8 µs a call); this counts weekdays in closed form from a Monday
-- (1 Jan 1900) and subtracts the weekday holidays in the span (1.3 µs a call). The two
-- gave the same answer for every span of -5 to 55 days starting on each day of 2026.
CREATE OR REPLACE FUNCTION working_days_between(a date, b date, holidays date[]) RETURNS integer
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
	n integer;
	h date;
BEGIN
	IF a IS NULL OR b IS NULL THEN
		RETURN NULL;
	END IF;
	IF b <= a THEN
		RETURN 0;
	END IF;
	n := ((b - date '1900-01-01') / 7 * 5 + least((b - date '1900-01-01') % 7 + 1, 5))
		- ((a - date '1900-01-01') / 7 * 5 + least((a - date '1900-01-01') % 7 + 1, 5));
	FOREACH h IN ARRAY coalesce(holidays, '{}') LOOP
		IF h > a AND h <= b AND extract(isodow FROM h) < 6 THEN
			n := n - 1;
		END IF;
	END LOOP;
	RETURN n;
END
$$;
