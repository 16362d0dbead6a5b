ALTER TYPE "public"."role" ADD VALUE 'region_manager' BEFORE 'partner';--> statement-breakpoint
-- Working days after `a` up to and including `b` (docs/domain.md §8 medians): weekdays that
-- are not in `holidays`, which the caller passes from domain/working-days so the rule lives
-- in one place. 0 when b is not after a.
CREATE FUNCTION working_days_between(a date, b date, holidays date[]) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT count(*)::integer FROM generate_series(a + 1, b, interval '1 day') AS d
	WHERE extract(isodow FROM d) < 6 AND NOT (d::date = ANY (holidays))
$$;
