-- Sign-in with the organisation's identity provider (issue 35, DOMAIN §12, ADR 040): an
-- account's identities by issuer and subject, the sign-ins between the redirect and the
-- answer, the provider a session came through, and organisations whose people sign in
-- through their provider only. An identity is never removed by the app (a leaver's account
-- is deactivated, its history kept).
CREATE TABLE "provider_sign_in" (
	"id" text PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"user_id" uuid,
	"state" text NOT NULL,
	"nonce" text NOT NULL,
	"verifier" text NOT NULL,
	"next" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "provider_sign_in_purpose" CHECK ("provider_sign_in"."purpose" IN ('sign_in', 'link', 'confirm'))
);
--> statement-breakpoint
CREATE TABLE "user_identity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"issuer" text NOT NULL,
	"subject" text NOT NULL,
	"last_sign_in_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "provider_only" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "session" ADD COLUMN "provider_issuer" text;--> statement-breakpoint
ALTER TABLE "provider_sign_in" ADD CONSTRAINT "provider_sign_in_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_identity" ADD CONSTRAINT "user_identity_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "provider_sign_in_expires_idx" ON "provider_sign_in" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "provider_sign_in_user_idx" ON "provider_sign_in" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "user_identity_issuer_subject_uq" ON "user_identity" USING btree ("issuer","subject");--> statement-breakpoint
CREATE INDEX "user_identity_user_idx" ON "user_identity" USING btree ("user_id");--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON "user_identity" FROM yhteisarvio_app;
