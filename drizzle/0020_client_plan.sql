-- The client plan (30 §) as a versioned document (docs/domain.md §10): a version is never
-- changed or removed by the app; a new one supersedes it. The first plan is due a number of
-- days after the client phase starts, an organisation setting (the law: without delay).
CREATE TABLE "client_plan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"language" "locale" NOT NULL,
	"made_on" date NOT NULL,
	"situation" text NOT NULL,
	"goals" text NOT NULL,
	"services" text NOT NULL,
	"child_view" text NOT NULL,
	"child_heard_on" date,
	"parents_view" text NOT NULL,
	"parents_heard_on" date,
	"participation" text NOT NULL,
	"next_review_on" date NOT NULL,
	"made_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "first_client_plan_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "client_plan" ADD CONSTRAINT "client_plan_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_plan" ADD CONSTRAINT "client_plan_made_by_user_id_fk" FOREIGN KEY ("made_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "client_plan_child_number_uq" ON "client_plan" USING btree ("child_id","number");--> statement-breakpoint
CREATE INDEX "client_plan_made_by_idx" ON "client_plan" USING btree ("made_by");--> statement-breakpoint
ALTER TABLE "client_plan" ADD CONSTRAINT "client_plan_number_check" CHECK ("number" >= 1);--> statement-breakpoint
ALTER TABLE "client_plan" ADD CONSTRAINT "client_plan_review_check" CHECK ("next_review_on" > "made_on");--> statement-breakpoint
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_first_client_plan_days_check" CHECK ("first_client_plan_days" BETWEEN 1 AND 90);--> statement-breakpoint
-- Append only for the app (ADR 013): versions are evidence of what was agreed.
REVOKE UPDATE, DELETE, TRUNCATE ON "client_plan" FROM yhteisarvio_app;
