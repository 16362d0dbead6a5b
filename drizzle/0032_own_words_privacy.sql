-- A young person's request, from 15, that their own words are not shown to their guardians
-- (issue 36, DOMAIN §11). Kept as asked: append-only for the app role.
CREATE TABLE "own_words_privacy" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"private" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "own_words_privacy" ADD CONSTRAINT "own_words_privacy_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "own_words_privacy" ADD CONSTRAINT "own_words_privacy_person_id_family_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."family_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "own_words_privacy_child_idx" ON "own_words_privacy" USING btree ("child_id","created_at");--> statement-breakpoint
CREATE INDEX "own_words_privacy_person_idx" ON "own_words_privacy" USING btree ("person_id");
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON "own_words_privacy" FROM yhteisarvio_app;
