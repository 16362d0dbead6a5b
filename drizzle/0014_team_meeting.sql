CREATE TYPE "public"."hypothesis_state" AS ENUM('open', 'supported', 'set_aside');--> statement-breakpoint
CREATE TYPE "public"."meeting_state" AS ENUM('planned', 'open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."step_outcome" AS ENUM('done', 'not_done');--> statement-breakpoint
CREATE TABLE "agenda_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"reasons" jsonb NOT NULL,
	"added_by" uuid,
	"removed_reason" text,
	"removed_by" uuid,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hypothesis" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"statement" text NOT NULL,
	"state" "hypothesis_state" DEFAULT 'open' NOT NULL,
	"state_note" text,
	"state_meeting_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_addendum" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"child_id" uuid,
	"text" text NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_discussion" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"family_present" boolean DEFAULT false NOT NULL,
	"family_who" text DEFAULT '' NOT NULL,
	"reflection" text DEFAULT '' NOT NULL,
	"reflection_by" uuid,
	"tells_family" text DEFAULT '' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_step" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"hypothesis_id" uuid,
	"what" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"outcome" "step_outcome",
	"outcome_note" text,
	"outcome_meeting_id" uuid,
	"outcome_by" uuid,
	"outcome_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_meeting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"state" "meeting_state" DEFAULT 'planned' NOT NULL,
	"facilitator_id" uuid,
	"note_taker_id" uuid,
	"present_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"prepared_by" uuid NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "team" ADD COLUMN "rotation_days" integer DEFAULT 28 NOT NULL;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_meeting_id_team_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."team_meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_added_by_user_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_removed_by_user_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hypothesis" ADD CONSTRAINT "hypothesis_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hypothesis" ADD CONSTRAINT "hypothesis_meeting_id_team_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."team_meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hypothesis" ADD CONSTRAINT "hypothesis_state_meeting_id_team_meeting_id_fk" FOREIGN KEY ("state_meeting_id") REFERENCES "public"."team_meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hypothesis" ADD CONSTRAINT "hypothesis_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_addendum" ADD CONSTRAINT "meeting_addendum_meeting_id_team_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."team_meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_addendum" ADD CONSTRAINT "meeting_addendum_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_addendum" ADD CONSTRAINT "meeting_addendum_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_discussion" ADD CONSTRAINT "meeting_discussion_meeting_id_team_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."team_meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_discussion" ADD CONSTRAINT "meeting_discussion_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_discussion" ADD CONSTRAINT "meeting_discussion_reflection_by_user_id_fk" FOREIGN KEY ("reflection_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_discussion" ADD CONSTRAINT "meeting_discussion_recorded_by_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_step" ADD CONSTRAINT "meeting_step_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_step" ADD CONSTRAINT "meeting_step_meeting_id_team_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."team_meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_step" ADD CONSTRAINT "meeting_step_hypothesis_id_hypothesis_id_fk" FOREIGN KEY ("hypothesis_id") REFERENCES "public"."hypothesis"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_step" ADD CONSTRAINT "meeting_step_owner_id_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_step" ADD CONSTRAINT "meeting_step_outcome_meeting_id_team_meeting_id_fk" FOREIGN KEY ("outcome_meeting_id") REFERENCES "public"."team_meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_step" ADD CONSTRAINT "meeting_step_outcome_by_user_id_fk" FOREIGN KEY ("outcome_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_step" ADD CONSTRAINT "meeting_step_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_meeting" ADD CONSTRAINT "team_meeting_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_meeting" ADD CONSTRAINT "team_meeting_facilitator_id_user_id_fk" FOREIGN KEY ("facilitator_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_meeting" ADD CONSTRAINT "team_meeting_note_taker_id_user_id_fk" FOREIGN KEY ("note_taker_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_meeting" ADD CONSTRAINT "team_meeting_prepared_by_user_id_fk" FOREIGN KEY ("prepared_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_meeting" ADD CONSTRAINT "team_meeting_closed_by_user_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_item_meeting_child_uq" ON "agenda_item" USING btree ("meeting_id","child_id");--> statement-breakpoint
CREATE INDEX "agenda_item_child_idx" ON "agenda_item" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "hypothesis_child_idx" ON "hypothesis" USING btree ("child_id","created_at");--> statement-breakpoint
CREATE INDEX "meeting_addendum_meeting_idx" ON "meeting_addendum" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_discussion_uq" ON "meeting_discussion" USING btree ("meeting_id","child_id");--> statement-breakpoint
CREATE INDEX "meeting_discussion_child_idx" ON "meeting_discussion" USING btree ("child_id","created_at");--> statement-breakpoint
CREATE INDEX "meeting_step_child_idx" ON "meeting_step" USING btree ("child_id","due_on");--> statement-breakpoint
CREATE INDEX "meeting_step_owner_idx" ON "meeting_step" USING btree ("owner_id","due_on");--> statement-breakpoint
CREATE INDEX "meeting_step_meeting_idx" ON "meeting_step" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "team_meeting_team_idx" ON "team_meeting" USING btree ("team_id","starts_at");--> statement-breakpoint
-- A closed meeting is read-only (§7): the app checks under the meeting's lock; the database
-- refuses too, so no path (a bug, a script) can rewrite what the meeting recorded.
CREATE FUNCTION team_meeting_closed_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF OLD.state = 'closed' THEN
		RAISE EXCEPTION 'a closed meeting is read-only' USING ERRCODE = 'check_violation';
	END IF;
	RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;--> statement-breakpoint
CREATE TRIGGER team_meeting_closed BEFORE UPDATE OR DELETE ON team_meeting
	FOR EACH ROW EXECUTE FUNCTION team_meeting_closed_guard();--> statement-breakpoint
CREATE FUNCTION meeting_record_closed_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	mid uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.meeting_id ELSE NEW.meeting_id END;
BEGIN
	IF (TG_OP <> 'INSERT' AND OLD.meeting_id <> mid)
		OR EXISTS (SELECT 1 FROM team_meeting WHERE id = mid AND state = 'closed')
		OR (TG_OP <> 'INSERT' AND EXISTS (
			SELECT 1 FROM team_meeting WHERE id = OLD.meeting_id AND state = 'closed')) THEN
		RAISE EXCEPTION 'a closed meeting is read-only' USING ERRCODE = 'check_violation';
	END IF;
	RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;--> statement-breakpoint
CREATE TRIGGER agenda_item_closed BEFORE INSERT OR UPDATE OR DELETE ON agenda_item
	FOR EACH ROW EXECUTE FUNCTION meeting_record_closed_guard();--> statement-breakpoint
CREATE TRIGGER meeting_discussion_closed BEFORE INSERT OR UPDATE OR DELETE ON meeting_discussion
	FOR EACH ROW EXECUTE FUNCTION meeting_record_closed_guard();--> statement-breakpoint
-- Addenda are appended, never changed; meetings, hypotheses and steps are never removed.
REVOKE UPDATE, DELETE, TRUNCATE ON meeting_addendum FROM yhteisarvio_app;--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON team_meeting FROM yhteisarvio_app;--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON hypothesis FROM yhteisarvio_app;--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON meeting_step FROM yhteisarvio_app;--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON meeting_discussion FROM yhteisarvio_app;
