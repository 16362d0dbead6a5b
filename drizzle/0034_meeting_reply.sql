-- A family's reply to what a meeting agreed is a family note about that meeting (issue 36,
-- DOMAIN §11).
ALTER TABLE "family_note" ADD COLUMN "meeting_id" uuid;--> statement-breakpoint
ALTER TABLE "family_note" ADD CONSTRAINT "family_note_meeting_id_team_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."team_meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "family_note_meeting_idx" ON "family_note" USING btree ("meeting_id");