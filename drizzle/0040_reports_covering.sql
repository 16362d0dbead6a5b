-- Issue 37: the region's reports read a quarter's assessment requests from the index alone,
-- and find the closed cases from the closings only, not from every phase change.
DROP INDEX "assessment_request_due_idx";--> statement-breakpoint
CREATE INDEX "phase_change_closed_idx" ON "phase_change" USING btree ("child_id","on") WHERE to_phase = 'closed';--> statement-breakpoint
CREATE INDEX "assessment_request_due_idx" ON "assessment_request" USING btree ("due_date","child_id","organisation_id","status","completed_at") WHERE status <> 'cancelled';