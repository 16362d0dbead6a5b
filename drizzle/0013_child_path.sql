CREATE TYPE "public"."child_phase" AS ENUM('contact', 'needs_assessment', 'client', 'placement', 'aftercare', 'closed');--> statement-breakpoint
CREATE TYPE "public"."clock_kind" AS ENUM('decision', 'needs_assessment', 'client_plan_review');--> statement-breakpoint
CREATE TYPE "public"."contact_decision" AS ENUM('start_needs_assessment', 'no_needs_assessment');--> statement-breakpoint
CREATE TYPE "public"."contact_kind" AS ENUM('notification', 'application', 'other_contact');--> statement-breakpoint
CREATE TYPE "public"."notifier_kind" AS ENUM('school', 'health_care', 'police', 'early_education', 'social_services', 'private_person', 'other');--> statement-breakpoint
CREATE TYPE "public"."placement_kind" AS ENUM('emergency_placement', 'care_order', 'open_care_placement');--> statement-breakpoint
CREATE TABLE "case_contact" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"kind" "contact_kind" NOT NULL,
	"received_on" date NOT NULL,
	"notifier_kind" "notifier_kind" NOT NULL,
	"summary" text NOT NULL,
	"filed_by" uuid NOT NULL,
	"filed_by_organisation_id" uuid NOT NULL,
	"urgent" boolean,
	"urgency_assessed_by" uuid,
	"urgency_assessed_at" timestamp with time zone,
	"decision" "contact_decision",
	"decision_reason" text,
	"decided_on" date,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "caseload_confirmation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"worker_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"caseload_before" integer NOT NULL,
	"reason" text NOT NULL,
	"confirmed_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "family" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phase_change" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "phase_change_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"child_id" uuid NOT NULL,
	"from_phase" "child_phase",
	"to_phase" "child_phase" NOT NULL,
	"on" date NOT NULL,
	"reason" text,
	"placement_kind" "placement_kind",
	"placement_id" uuid,
	"placement_place" text,
	"changed_by" uuid NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statutory_clock" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"kind" "clock_kind" NOT NULL,
	"contact_id" uuid,
	"started_on" date NOT NULL,
	"due_on" date NOT NULL,
	"met_on" date,
	"met_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
DROP INDEX "child_worker_idx";--> statement-breakpoint
ALTER TABLE "child" ADD COLUMN "second_worker_id" uuid;--> statement-breakpoint
ALTER TABLE "child" ADD COLUMN "family_id" uuid;--> statement-breakpoint
ALTER TABLE "child" ADD COLUMN "phase" "child_phase" DEFAULT 'contact' NOT NULL;--> statement-breakpoint
ALTER TABLE "child" ADD COLUMN "phase_since" date DEFAULT current_date NOT NULL;--> statement-breakpoint
-- Children known before phases existed are the team's clients (ADR 027); new ones start at contact.
UPDATE "child" SET "phase" = 'client';--> statement-breakpoint
ALTER TABLE "case_contact" ADD CONSTRAINT "case_contact_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_contact" ADD CONSTRAINT "case_contact_filed_by_user_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_contact" ADD CONSTRAINT "case_contact_filed_by_organisation_id_organisation_id_fk" FOREIGN KEY ("filed_by_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_contact" ADD CONSTRAINT "case_contact_urgency_assessed_by_user_id_fk" FOREIGN KEY ("urgency_assessed_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_contact" ADD CONSTRAINT "case_contact_decided_by_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caseload_confirmation" ADD CONSTRAINT "caseload_confirmation_worker_id_user_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caseload_confirmation" ADD CONSTRAINT "caseload_confirmation_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caseload_confirmation" ADD CONSTRAINT "caseload_confirmation_confirmed_by_user_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family" ADD CONSTRAINT "family_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phase_change" ADD CONSTRAINT "phase_change_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phase_change" ADD CONSTRAINT "phase_change_placement_id_placement_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phase_change" ADD CONSTRAINT "phase_change_changed_by_user_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statutory_clock" ADD CONSTRAINT "statutory_clock_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statutory_clock" ADD CONSTRAINT "statutory_clock_contact_id_case_contact_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."case_contact"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statutory_clock" ADD CONSTRAINT "statutory_clock_met_by_user_id_fk" FOREIGN KEY ("met_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_contact_child_idx" ON "case_contact" USING btree ("child_id","received_on");--> statement-breakpoint
CREATE INDEX "caseload_confirmation_worker_idx" ON "caseload_confirmation" USING btree ("worker_id","created_at");--> statement-breakpoint
CREATE INDEX "phase_change_child_idx" ON "phase_change" USING btree ("child_id","seq");--> statement-breakpoint
CREATE INDEX "statutory_clock_child_idx" ON "statutory_clock" USING btree ("child_id","due_on");--> statement-breakpoint
CREATE INDEX "statutory_clock_contact_idx" ON "statutory_clock" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "statutory_clock_open_idx" ON "statutory_clock" USING btree ("due_on","child_id") WHERE met_on is null;--> statement-breakpoint
ALTER TABLE "child" ADD CONSTRAINT "child_second_worker_id_user_id_fk" FOREIGN KEY ("second_worker_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child" ADD CONSTRAINT "child_family_id_family_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."family"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "child_family_idx" ON "child" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "child_worker_idx" ON "child" USING btree ("responsible_worker_id","phase");--> statement-breakpoint
-- The path's history and the caseload confirmations are evidence: read and append only.
-- Contacts and clocks are corrected, never removed.
REVOKE UPDATE, DELETE, TRUNCATE ON phase_change FROM yhteisarvio_app;--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON caseload_confirmation FROM yhteisarvio_app;--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON case_contact FROM yhteisarvio_app;--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON statutory_clock FROM yhteisarvio_app;
