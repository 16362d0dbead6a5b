-- ENCRYPTION_KEY's check (issue 38): a known text sealed with the key, one row. Every
-- instance opens it at start and refuses to start with a key that cannot; the rotation
-- command re-seals it with the secrets. The app role may not remove it (a removed check
-- would let any key seal a new one).
CREATE TABLE "key_check" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"sealed" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "key_check_one_row" CHECK ("key_check"."id" = 1)
);
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON "key_check" FROM yhteisarvio_app;
