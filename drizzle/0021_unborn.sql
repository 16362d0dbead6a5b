-- A child notified before birth (25 c §, docs/domain.md §10): the record holds the expected
-- date of birth in date_of_birth until the team records the birth.
ALTER TABLE "child" ADD COLUMN "birth_expected" boolean DEFAULT false NOT NULL;