-- "Danger now" (docs/domain.md §6): the region's emergency social services number, an organisation setting.
ALTER TABLE "organisation" ADD COLUMN "emergency_phone" text;