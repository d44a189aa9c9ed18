-- The tracker, council pages and /appeals show how many appeals reached each council and
-- campaign, so appeals are public data too: moving one moves the public data version, and
-- every cached page (lib/cache) is made again with the new count.
CREATE TRIGGER "appeals_public_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "appeals" FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version"();--> statement-breakpoint
CREATE TRIGGER "appeal_ties_public_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "appeal_ties" FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version"();
