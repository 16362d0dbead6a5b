CREATE TYPE "public"."traffic_colour" AS ENUM('grey', 'green', 'yellow', 'red');--> statement-breakpoint
CREATE TABLE "child_status" (
	"child_id" uuid PRIMARY KEY NOT NULL,
	"colour" "traffic_colour" NOT NULL,
	"domain_colours" jsonb NOT NULL,
	"reasons" jsonb NOT NULL,
	"signals" jsonb NOT NULL,
	"rules_version" text NOT NULL,
	"newest_at" timestamp with time zone,
	"computed_at" timestamp with time zone NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"override_colour" "traffic_colour",
	"override_reason" text,
	"override_review_on" date,
	"override_by" uuid,
	"override_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "child_status_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"from_colour" "traffic_colour",
	"to_colour" "traffic_colour" NOT NULL,
	"reasons" jsonb NOT NULL,
	"trigger" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "child_status" ADD CONSTRAINT "child_status_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_status" ADD CONSTRAINT "child_status_override_by_user_id_fk" FOREIGN KEY ("override_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_status_history" ADD CONSTRAINT "child_status_history_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "child_status_colour_idx" ON "child_status" USING btree ("colour","changed_at");--> statement-breakpoint
CREATE INDEX "child_status_history_child_idx" ON "child_status_history" USING btree ("child_id","at");