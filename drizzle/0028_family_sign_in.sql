-- Families and young people sign in with Suomi.fi (issue 36, DOMAIN §11–12, ADR 041): the
-- person by identity code, their own shorter sessions, the sign-ins between the redirect and
-- the answer, and the team's restriction of a guardian's access (reason, review date). A
-- person is never deleted by the app (the access log names them).
CREATE TABLE "family_person" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"identity_code" text NOT NULL,
	"name" text,
	"last_sign_in_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "family_person_code_uq" UNIQUE("identity_code")
);
--> statement-breakpoint
CREATE TABLE "family_session" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"absolute_expires_at" timestamp with time zone NOT NULL,
	"reidentified_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "family_sign_in" (
	"id" text PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"person_id" uuid,
	"state" text NOT NULL,
	"nonce" text NOT NULL,
	"verifier" text NOT NULL,
	"next" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "family_sign_in_purpose" CHECK ("family_sign_in"."purpose" IN ('sign_in', 'reidentify'))
);
--> statement-breakpoint
ALTER TABLE "guardian" ADD COLUMN "restriction_reason" text;--> statement-breakpoint
ALTER TABLE "guardian" ADD COLUMN "restriction_review_on" date;--> statement-breakpoint
ALTER TABLE "guardian" ADD COLUMN "restricted_by" uuid;--> statement-breakpoint
ALTER TABLE "guardian" ADD COLUMN "restricted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "family_session" ADD CONSTRAINT "family_session_person_id_family_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."family_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_sign_in" ADD CONSTRAINT "family_sign_in_person_id_family_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."family_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "family_session_person_idx" ON "family_session" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "family_session_expires_idx" ON "family_session" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "family_sign_in_expires_idx" ON "family_sign_in" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "family_sign_in_person_idx" ON "family_sign_in" USING btree ("person_id");--> statement-breakpoint
ALTER TABLE "guardian" ADD CONSTRAINT "guardian_restricted_by_user_id_fk" FOREIGN KEY ("restricted_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "guardian_restricted_by_idx" ON "guardian" USING btree ("restricted_by");--> statement-breakpoint
ALTER TABLE "guardian" ADD CONSTRAINT "guardian_restriction_whole" CHECK (("guardian"."restriction_reason" IS NULL) = ("guardian"."restriction_review_on" IS NULL) AND ("guardian"."restriction_reason" IS NULL) = ("guardian"."restricted_by" IS NULL) AND ("guardian"."restriction_reason" IS NULL) = ("guardian"."restricted_at" IS NULL));
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON "family_person" FROM yhteisarvio_app;
