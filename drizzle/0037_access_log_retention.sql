-- Issue 38, ADR 046: the access log's months past the retention period are dropped whole,
-- by the worker (as the app role, which has no rights on the partitions: hence SECURITY
-- DEFINER, with a fixed search_path). The caller names the first month to keep; the
-- database never drops a month that ended less than 24 months before its own clock's
-- month, whatever the caller asks (Act 703/2023 § 11: a guardian may ask for two years).
-- Rows in the default partition (months the instances missed) stay until an operator
-- moves them into a month of their own (docs/deploy.md).
CREATE OR REPLACE FUNCTION access_log_drop_months(keep_from date)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
-- Dropping a partition locks the log briefly; never queue writes behind a long wait.
SET lock_timeout = '5s'
AS $$
DECLARE
	newest_allowed date := (date_trunc('month', now() AT TIME ZONE 'UTC') - interval '24 months')::date;
	cut date;
	part text;
	dropped integer := 0;
BEGIN
	IF keep_from IS NULL THEN
		RAISE EXCEPTION 'keep_from is required' USING ERRCODE = 'invalid_parameter_value';
	END IF;
	cut := least(date_trunc('month', keep_from)::date, newest_allowed);
	-- The same lock as access_log_add_months: never beside an instance making months.
	PERFORM pg_advisory_xact_lock(7262026);
	FOR part IN
		SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
		WHERE i.inhparent = 'public.access_log'::regclass
			AND c.relname ~ '^access_log_[0-9]{4}_[0-9]{2}$'
		ORDER BY c.relname
	LOOP
		IF (to_date(substr(part, 12), 'YYYY_MM') + interval '1 month')::date <= cut THEN
			EXECUTE format('DROP TABLE %I', part);
			dropped := dropped + 1;
		END IF;
	END LOOP;
	RETURN dropped;
END;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION access_log_drop_months(date) FROM PUBLIC;
--> statement-breakpoint
DO $$
BEGIN
	IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'yhteisarvio_app') THEN
		GRANT EXECUTE ON FUNCTION access_log_drop_months(date) TO yhteisarvio_app;
	END IF;
END
$$;
