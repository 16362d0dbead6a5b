-- The family's two questions after a meeting or a client plan, and meetings where the family
-- is expected (issue 36, DOMAIN §11). Answers are kept as given: append-only for the app role.
CREATE TABLE "family_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"basis" text NOT NULL,
	"meeting_id" uuid,
	"client_plan_id" uuid,
	"heard" smallint NOT NULL,
	"clear" smallint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "family_feedback_basis" CHECK ("family_feedback"."basis" IN ('guardian', 'own_data')),
	CONSTRAINT "family_feedback_one_subject" CHECK (("family_feedback"."meeting_id" IS NULL) <> ("family_feedback"."client_plan_id" IS NULL)),
	CONSTRAINT "family_feedback_scores" CHECK ("family_feedback"."heard" BETWEEN 1 AND 5 AND "family_feedback"."clear" BETWEEN 1 AND 5)
);
--> statement-breakpoint
ALTER TABLE "agenda_item" ADD COLUMN "family_expected" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "family_feedback" ADD CONSTRAINT "family_feedback_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_feedback" ADD CONSTRAINT "family_feedback_person_id_family_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."family_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_feedback" ADD CONSTRAINT "family_feedback_meeting_id_team_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."team_meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_feedback" ADD CONSTRAINT "family_feedback_client_plan_id_client_plan_id_fk" FOREIGN KEY ("client_plan_id") REFERENCES "public"."client_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "family_feedback_child_idx" ON "family_feedback" USING btree ("child_id");--> statement-breakpoint
CREATE UNIQUE INDEX "family_feedback_meeting_uq" ON "family_feedback" USING btree ("person_id","meeting_id","child_id");--> statement-breakpoint
CREATE UNIQUE INDEX "family_feedback_plan_uq" ON "family_feedback" USING btree ("person_id","client_plan_id");--> statement-breakpoint
CREATE INDEX "family_feedback_meeting_idx" ON "family_feedback" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "family_feedback_plan_idx" ON "family_feedback" USING btree ("client_plan_id");
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON "family_feedback" FROM yhteisarvio_app;
