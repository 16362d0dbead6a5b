-- A notification gives no access (docs/domain.md §3, revised): the notifier gets a receipt
-- (a reference number, the team's worker to contact, the child's name as it wrote it), and
-- the team asks for information with a time-limited 41 § request instead.
CREATE SEQUENCE IF NOT EXISTS "case_contact_reference_seq";--> statement-breakpoint
ALTER TABLE "access_grant" ADD COLUMN "due_on" date;--> statement-breakpoint
ALTER TABLE "access_grant" ADD COLUMN "request_message" text;--> statement-breakpoint
-- Every existing contact gets its own number, in the order they were filed.
ALTER TABLE "case_contact" ADD COLUMN "reference" text;--> statement-breakpoint
UPDATE "case_contact" AS c SET "reference" = 'LS-' || lpad(nextval('case_contact_reference_seq')::text, 6, '0')
	FROM (SELECT "id" FROM "case_contact" ORDER BY "created_at", "id") AS o WHERE o."id" = c."id";--> statement-breakpoint
ALTER TABLE "case_contact" ALTER COLUMN "reference" SET DEFAULT ('LS-' || lpad(nextval('case_contact_reference_seq')::text, 6, '0'));--> statement-breakpoint
ALTER TABLE "case_contact" ALTER COLUMN "reference" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "case_contact" ADD COLUMN "contact_worker_id" uuid;--> statement-breakpoint
ALTER TABLE "case_contact" ADD COLUMN "subject_name" text;--> statement-breakpoint
ALTER TABLE "case_contact" ADD COLUMN "sent_to_team_id" uuid;--> statement-breakpoint
ALTER TABLE "case_contact" ADD CONSTRAINT "case_contact_sent_to_team_id_team_id_fk" FOREIGN KEY ("sent_to_team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_contact" ADD CONSTRAINT "case_contact_contact_worker_id_user_id_fk" FOREIGN KEY ("contact_worker_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_contact_reference_idx" ON "case_contact" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "case_contact_filer_idx" ON "case_contact" USING btree ("filed_by_organisation_id","created_at");--> statement-breakpoint
-- A 41 § request is always time-limited (§3). Requests made before without an end end
-- 30 days after their last open assessment request is due, or 30 days from today.
UPDATE "access_grant" AS g SET "valid_until" = greatest(
		current_date + 30,
		coalesce((SELECT max(r."due_date") + 30 FROM "assessment_request" r
			WHERE r."child_id" = g."child_id" AND r."organisation_id" = g."organisation_id" AND r."status" = 'open'), current_date + 30))
	WHERE g."basis" = 'statutory_request' AND g."valid_until" IS NULL;--> statement-breakpoint
ALTER TABLE "access_grant" ADD CONSTRAINT "access_grant_request_ends" CHECK ("access_grant"."basis" <> 'statutory_request' or "access_grant"."valid_until" is not null);--> statement-breakpoint
-- The notification grants end now, each ending written to the access log (actor: this
-- migration, named in request_id) in the same transaction.
WITH ended AS (
	UPDATE "access_grant" SET "revoked_at" = now()
	WHERE "basis" = 'notification' AND "revoked_at" IS NULL
	RETURNING "id", "child_id", "organisation_id"
)
INSERT INTO "access_log" ("action", "entity_type", "entity_id", "child_id", "basis", "outcome", "request_id")
SELECT 'revoke', 'access_grant', "id"::text, "child_id", 'notification', 'allowed', 'migration 0017: a notification gives no access'
FROM ended;
