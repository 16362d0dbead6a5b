-- The review date of a guardian's restriction that the team has been reminded of (issue 36,
-- DOMAIN §11): the worker reminds once per review date.
ALTER TABLE "guardian" ADD COLUMN "restriction_reminded_on" date;