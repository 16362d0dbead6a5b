-- Emergency placement (38 §) as a statutory clock, with its one extension (docs/domain.md §10).
-- Clocks for placements made before are added at start-up (startup.ts): a value added to an
-- enum cannot be used in the transaction that adds it, and the migrations run in one.
ALTER TYPE "public"."clock_kind" ADD VALUE 'emergency_placement';--> statement-breakpoint
ALTER TABLE "statutory_clock" ADD COLUMN "extended_on" date;--> statement-breakpoint
ALTER TABLE "statutory_clock" ADD COLUMN "extended_by" uuid;--> statement-breakpoint
ALTER TABLE "statutory_clock" ADD CONSTRAINT "statutory_clock_extended_by_user_id_fk" FOREIGN KEY ("extended_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;