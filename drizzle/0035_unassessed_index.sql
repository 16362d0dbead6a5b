-- Issue 37: notifications whose urgency is not assessed yet (§10), which the dashboard and
-- the agenda count for a team on every view; the region's other contacts were scanned.
CREATE INDEX "case_contact_unassessed_idx" ON "case_contact" USING btree ("child_id","received_on") WHERE kind = 'notification' and urgent is null and decision is null;
