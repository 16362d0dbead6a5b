-- ADR 052: a create posted twice is answered the first time's way, not created again.
-- The app role gets its rights by the default privileges of 0008; retention deletes by age.
CREATE TABLE "form_submission" (
	"digest" text PRIMARY KEY NOT NULL,
	"location" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "form_submission_created_idx" ON "form_submission" USING btree ("created_at");