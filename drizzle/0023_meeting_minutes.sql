-- The weekly meeting's length (docs/domain.md §7): the agenda shares it over the children,
-- two shares for a child who needs the team now, one for the rotation. A team setting,
-- beside the rotation interval.
ALTER TABLE "team" ADD COLUMN "meeting_minutes" integer DEFAULT 120 NOT NULL;--> statement-breakpoint
ALTER TABLE "team" ADD CONSTRAINT "team_meeting_minutes_range" CHECK ("team"."meeting_minutes" BETWEEN 15 AND 480);
