-- What the family wants the team to know (issue 36, DOMAIN §11): their own words, kept as
-- they wrote them: append-only for the app role.
CREATE TABLE "family_note" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"basis" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "family_note_basis" CHECK ("family_note"."basis" IN ('guardian', 'own_data')),
	CONSTRAINT "family_note_text" CHECK (length("family_note"."text") BETWEEN 1 AND 2000)
);
--> statement-breakpoint
ALTER TABLE "family_note" ADD CONSTRAINT "family_note_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_note" ADD CONSTRAINT "family_note_person_id_family_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."family_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "family_note_child_idx" ON "family_note" USING btree ("child_id","created_at");--> statement-breakpoint
CREATE INDEX "family_note_person_idx" ON "family_note" USING btree ("person_id");
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON "family_note" FROM yhteisarvio_app;
