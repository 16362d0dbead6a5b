CREATE TYPE "public"."consultation_state" AS ENUM('requested', 'scheduled', 'held', 'closed', 'declined');--> statement-breakpoint
CREATE TYPE "public"."email_status" AS ENUM('pending', 'sent');--> statement-breakpoint
CREATE TYPE "public"."flag_status" AS ENUM('open', 'accepted', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."flag_trigger" AS ENUM('turned_red', 'disagreement', 'substance', 'consultation_requested');--> statement-breakpoint
CREATE TYPE "public"."intensive_kind" AS ENUM('intensive_substance', 'intensive_family');--> statement-breakpoint
CREATE TYPE "public"."intensive_outcome" AS ENUM('improved', 'unchanged', 'placement', 'moved_away', 'other');--> statement-breakpoint
CREATE TYPE "public"."intensive_state" AS ENUM('proposed', 'active', 'closed');--> statement-breakpoint
CREATE TYPE "public"."urgency" AS ENUM('normal', 'urgent');--> statement-breakpoint
CREATE TYPE "public"."workflow_kind" AS ENUM('intensive_substance', 'intensive_family', 'consultation');--> statement-breakpoint
ALTER TYPE "public"."grant_basis" ADD VALUE 'workflow';--> statement-breakpoint
CREATE TABLE "consultation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"state" "consultation_state" DEFAULT 'requested' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requester_organisation_id" uuid NOT NULL,
	"question" text NOT NULL,
	"urgency" "urgency" NOT NULL,
	"background" text DEFAULT '' NOT NULL,
	"scheduled_at" timestamp with time zone,
	"place" text,
	"participant_organisation_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"participant_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"hypotheses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recommendations" text,
	"follow_up_owner_id" uuid,
	"follow_up_on" date,
	"decline_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notification_id" uuid NOT NULL,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"status" "email_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "flag" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"trigger" "flag_trigger" NOT NULL,
	"suggested_workflow" "workflow_kind" NOT NULL,
	"status" "flag_status" DEFAULT 'open' NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"due_on" date NOT NULL,
	"decided_workflow" "workflow_kind",
	"dismiss_reason" text,
	"triaged_by" uuid,
	"triaged_at" timestamp with time zone,
	"intensive_id" uuid,
	"consultation_id" uuid,
	"overdue_notified_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intensive_workflow" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"kind" "intensive_kind" NOT NULL,
	"state" "intensive_state" DEFAULT 'proposed' NOT NULL,
	"lead_worker_id" uuid NOT NULL,
	"flag_id" uuid,
	"next_review_on" date,
	"outcome" "intensive_outcome",
	"outcome_note" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"activated_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"review_overdue_notified_on" date,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"link" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "plan_step" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workflow_id" uuid NOT NULL,
	"what" text NOT NULL,
	"who" text NOT NULL,
	"due_on" date NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workflow_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workflow_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"on" date NOT NULL,
	"note" text NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workflow_partner" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workflow_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"grant_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "access_grant" ADD COLUMN "workflow_id" uuid;--> statement-breakpoint
ALTER TABLE "child_status" ADD COLUMN "substance_rating" integer;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_requested_by_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_requester_organisation_id_organisation_id_fk" FOREIGN KEY ("requester_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_follow_up_owner_id_user_id_fk" FOREIGN KEY ("follow_up_owner_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_notification_id_notification_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notification"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag" ADD CONSTRAINT "flag_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag" ADD CONSTRAINT "flag_triaged_by_user_id_fk" FOREIGN KEY ("triaged_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intensive_workflow" ADD CONSTRAINT "intensive_workflow_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intensive_workflow" ADD CONSTRAINT "intensive_workflow_lead_worker_id_user_id_fk" FOREIGN KEY ("lead_worker_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intensive_workflow" ADD CONSTRAINT "intensive_workflow_flag_id_flag_id_fk" FOREIGN KEY ("flag_id") REFERENCES "public"."flag"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intensive_workflow" ADD CONSTRAINT "intensive_workflow_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_step" ADD CONSTRAINT "plan_step_workflow_id_intensive_workflow_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."intensive_workflow"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_step" ADD CONSTRAINT "plan_step_done_by_user_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_step" ADD CONSTRAINT "plan_step_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_entry" ADD CONSTRAINT "workflow_entry_workflow_id_intensive_workflow_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."intensive_workflow"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_entry" ADD CONSTRAINT "workflow_entry_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_partner" ADD CONSTRAINT "workflow_partner_workflow_id_intensive_workflow_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."intensive_workflow"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_partner" ADD CONSTRAINT "workflow_partner_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_partner" ADD CONSTRAINT "workflow_partner_grant_id_access_grant_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."access_grant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultation_child_idx" ON "consultation" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "consultation_requester_idx" ON "consultation" USING btree ("requester_organisation_id");--> statement-breakpoint
CREATE INDEX "email_outbox_pending_idx" ON "email_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE UNIQUE INDEX "flag_open_uq" ON "flag" USING btree ("child_id","trigger") WHERE "flag"."status" = 'open';--> statement-breakpoint
CREATE INDEX "flag_status_due_idx" ON "flag" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "intensive_child_idx" ON "intensive_workflow" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "notification_user_idx" ON "notification" USING btree ("user_id","read_at");--> statement-breakpoint
CREATE INDEX "plan_step_workflow_idx" ON "plan_step" USING btree ("workflow_id");--> statement-breakpoint
CREATE INDEX "workflow_entry_workflow_idx" ON "workflow_entry" USING btree ("workflow_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_partner_uq" ON "workflow_partner" USING btree ("workflow_id","organisation_id");