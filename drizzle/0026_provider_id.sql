-- Several identity providers (issue 35, DOMAIN §12): a sign-in in progress remembers which
-- one it went to. Rows live ten minutes; those of before this change were all the one
-- provider of OIDC_ISSUER, whose id is 'organisation'.
ALTER TABLE "provider_sign_in" ADD COLUMN "provider_id" text DEFAULT 'organisation' NOT NULL;