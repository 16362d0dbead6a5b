-- A partner's answer to a 41 § information request (docs/domain.md §3): kept as written; a
-- later answer adds to it.
CREATE TABLE "information_answer" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"grant_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"body" text NOT NULL,
	"answered_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "information_answer" ADD CONSTRAINT "information_answer_grant_id_access_grant_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."access_grant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_answer" ADD CONSTRAINT "information_answer_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_answer" ADD CONSTRAINT "information_answer_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_answer" ADD CONSTRAINT "information_answer_answered_by_user_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "information_answer_grant_idx" ON "information_answer" USING btree ("grant_id");--> statement-breakpoint
CREATE INDEX "information_answer_child_idx" ON "information_answer" USING btree ("child_id","created_at");--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON "information_answer" FROM yhteisarvio_app;
