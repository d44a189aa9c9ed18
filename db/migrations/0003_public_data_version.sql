CREATE TABLE "place_sort_keys" (
	"locale" text NOT NULL,
	"place_id" integer NOT NULL,
	"country" char(3) NOT NULL,
	"by_name" integer NOT NULL,
	"by_country" integer NOT NULL,
	"by_country_desc" integer NOT NULL,
	CONSTRAINT "place_sort_keys_locale_place_id_pk" PRIMARY KEY("locale","place_id")
);
--> statement-breakpoint
CREATE TABLE "place_sort_state" (
	"locale" text PRIMARY KEY NOT NULL,
	"epoch" uuid NOT NULL,
	"names_version" bigint NOT NULL,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_data_version" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"epoch" uuid DEFAULT gen_random_uuid() NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"names_version" bigint DEFAULT 0 NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "public_data_version_one_row" CHECK ("public_data_version"."id" = 1)
);
--> statement-breakpoint
CREATE INDEX "place_sort_keys_by_name_idx" ON "place_sort_keys" USING btree ("locale","by_name");--> statement-breakpoint
CREATE INDEX "place_sort_keys_by_country_idx" ON "place_sort_keys" USING btree ("locale","by_country");--> statement-breakpoint
CREATE INDEX "place_sort_keys_by_country_desc_idx" ON "place_sort_keys" USING btree ("locale","by_country_desc");--> statement-breakpoint
CREATE INDEX "place_sort_keys_country_idx" ON "place_sort_keys" USING btree ("locale","country","by_country");--> statement-breakpoint
INSERT INTO "public_data_version" ("id") VALUES (1);--> statement-breakpoint
-- Moves public_data_version once per transaction that writes a table the public pages read
-- (names_version too when the table holds places or their names: the tracker's sort keys
-- depend on those). A BEFORE STATEMENT trigger, so the transaction takes the counter's row lock
-- before it locks any row of the table: writers of public data queue on that one row instead of
-- deadlocking on each other's rows. A transaction-local setting remembers that the counter has
-- moved; a rollback (to a savepoint too) undoes both the move and the setting.
CREATE FUNCTION "bump_public_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_NARGS > 0 AND TG_ARGV[0] = 'names' THEN
    IF current_setting('untwin.names_version_moved', true) IS DISTINCT FROM 'on' THEN
      UPDATE "public_data_version" SET "version" = "version" + 1, "names_version" = "names_version" + 1, "changed_at" = now() WHERE "id" = 1;
      PERFORM set_config('untwin.names_version_moved', 'on', true);
      PERFORM set_config('untwin.public_data_version_moved', 'on', true);
    END IF;
  ELSIF current_setting('untwin.public_data_version_moved', true) IS DISTINCT FROM 'on' THEN
    UPDATE "public_data_version" SET "version" = "version" + 1, "changed_at" = now() WHERE "id" = 1;
    PERFORM set_config('untwin.public_data_version_moved', 'on', true);
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "countries_public_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "countries" FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version"('names');--> statement-breakpoint
CREATE TRIGGER "places_public_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "places" FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version"('names');--> statement-breakpoint
CREATE TRIGGER "place_names_public_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "place_names" FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version"('names');--> statement-breakpoint
CREATE TRIGGER "sources_public_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "sources" FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version"();--> statement-breakpoint
CREATE TRIGGER "councils_public_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "councils" FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version"();--> statement-breakpoint
CREATE TRIGGER "campaigns_public_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "campaigns" FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version"();--> statement-breakpoint
CREATE TRIGGER "campaign_ties_public_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "campaign_ties" FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version"();--> statement-breakpoint
CREATE TRIGGER "campaign_figures_public_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "campaign_figures" FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version"();--> statement-breakpoint
CREATE TRIGGER "ties_public_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ties" FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version"();--> statement-breakpoint
CREATE TRIGGER "tie_events_public_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "tie_events" FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version"();--> statement-breakpoint
CREATE TRIGGER "review_items_public_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "review_items" FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version"();--> statement-breakpoint
-- A ban hides what the person recorded (lib/people/public-content.ts); other changes to a
-- person (sign-in, name, language) are not public.
CREATE TRIGGER "users_public_data_version" BEFORE UPDATE OF "banned_at" OR DELETE OR TRUNCATE ON "users" FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version"();
