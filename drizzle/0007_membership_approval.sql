ALTER TABLE "email_outbox" ADD COLUMN "sensitive" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "membership" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "membership" ADD COLUMN "approved_by" uuid;--> statement-breakpoint
ALTER TABLE "membership" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_approved_by_user_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
-- Memberships that existed before approvals were introduced were working: keep them so.
UPDATE "membership" SET "approved_at" = "created_at" WHERE "approved_at" IS NULL;
