-- The young person's own view of the seven domains (issue 36, DOMAIN §11), and the flag a
-- young person's "I am not safe" raises. Their answers are kept as they gave them:
-- append-only for the app role.
ALTER TYPE "public"."flag_trigger" ADD VALUE 'not_safe';--> statement-breakpoint
CREATE TABLE "own_view" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"version" text NOT NULL,
	"answers" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "own_view_answers" CHECK (jsonb_typeof("own_view"."answers") = 'object')
);
--> statement-breakpoint
ALTER TABLE "own_view" ADD CONSTRAINT "own_view_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "own_view" ADD CONSTRAINT "own_view_person_id_family_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."family_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "own_view_child_idx" ON "own_view" USING btree ("child_id","created_at");--> statement-breakpoint
CREATE INDEX "own_view_person_idx" ON "own_view" USING btree ("person_id");
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON "own_view" FROM yhteisarvio_app;
