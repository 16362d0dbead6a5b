-- Issue 37: a period's status changes by time (the reports' overrides, the meeting's
-- measures), not by reading every year's history: the history only grows.
CREATE INDEX "child_status_history_at_idx" ON "child_status_history" USING btree ("at");
