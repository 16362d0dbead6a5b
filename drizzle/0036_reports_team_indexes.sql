-- Issue 37: a team's submitted assessments and due requests of a period, child by child,
-- for the reports' per-team figures (ADR 033): each team's lateral read scanned the whole
-- region's period without them (a region's quarter, assessments figure: 700 → 410 ms).
CREATE INDEX "assessment_request_child_due_idx" ON "assessment_request" USING btree ("child_id","due_date") WHERE status <> 'cancelled';--> statement-breakpoint
CREATE INDEX "assessment_child_submitted_idx" ON "assessment" USING btree ("child_id","submitted_at") WHERE status = 'submitted';
