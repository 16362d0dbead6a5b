CREATE INDEX "access_grant_child_idx" ON "access_grant" USING btree ("child_id","organisation_id");--> statement-breakpoint
CREATE INDEX "assessment_org_idx" ON "assessment" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "assessment_request_child_idx" ON "assessment_request" USING btree ("child_id","status");--> statement-breakpoint
CREATE INDEX "child_worker_idx" ON "child" USING btree ("responsible_worker_id");--> statement-breakpoint
CREATE INDEX "flag_child_idx" ON "flag" USING btree ("child_id","raised_at");--> statement-breakpoint
CREATE INDEX "intensive_lead_idx" ON "intensive_workflow" USING btree ("lead_worker_id","state");--> statement-breakpoint
CREATE INDEX "membership_org_idx" ON "membership" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "notification_child_idx" ON "notification" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "placement_unit_idx" ON "placement" USING btree ("unit_organisation_id","child_id");--> statement-breakpoint
CREATE INDEX "workflow_partner_org_idx" ON "workflow_partner" USING btree ("organisation_id");