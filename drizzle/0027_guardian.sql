-- The child's guardians as the team records them (issue 36, docs/domain.md §11): name,
-- identity code (for matching a Suomi.fi sign-in later) and language. Ended, never deleted.
CREATE TABLE "guardian" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"name" text NOT NULL,
	"identity_code" text NOT NULL,
	"locale" "locale" DEFAULT 'fi' NOT NULL,
	"created_by" uuid NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "guardian_ended_with_whom" CHECK (("guardian"."ended_at" IS NULL) = ("guardian"."ended_by" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "guardian" ADD CONSTRAINT "guardian_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardian" ADD CONSTRAINT "guardian_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardian" ADD CONSTRAINT "guardian_ended_by_user_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "guardian_child_idx" ON "guardian" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "guardian_created_by_idx" ON "guardian" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "guardian_ended_by_idx" ON "guardian" USING btree ("ended_by");--> statement-breakpoint
CREATE UNIQUE INDEX "guardian_child_code_current_uq" ON "guardian" USING btree ("child_id","identity_code") WHERE "guardian"."ended_at" IS NULL;--> statement-breakpoint
CREATE INDEX "guardian_code_idx" ON "guardian" USING btree ("identity_code");--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON "guardian" FROM yhteisarvio_app;
