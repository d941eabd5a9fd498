-- AlterTable
ALTER TABLE "item_result" ADD COLUMN     "published_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "item_result_published_at_id_idx" ON "item_result"("published_at", "id");

-- ═══════════════════════════════════════════════════════════════════════════════════════════════════
-- HAND-WRITTEN — item_result.published_at is a copy of its publication's published_at, kept by the database.
-- Public results are listed newest publication first (the dashboard's "latest 10", the publicity feed); sorting on
-- the publication's column meant joining and sorting every published result (317–524 ms at 600,000 results,
-- docs/BENCHMARKS.md "Scale: console list pages"). With the time on the row, the (published_at, id) index gives the
-- first page at once. Every writer (the publication statement, seeders, fixtures) only sets publication_id: the
-- trigger derives published_at from it on every insert and update, so the copy cannot drift or be set by hand.
-- ═══════════════════════════════════════════════════════════════════════════════════════════════════

-- backfill, with the published-row guard off for this one statement (the migration's own transaction)
ALTER TABLE "item_result" DISABLE TRIGGER "item_result_published_immutable";
UPDATE "item_result" ir SET "published_at" = p."published_at" FROM "publication" p WHERE p."id" = ir."publication_id";
ALTER TABLE "item_result" ENABLE TRIGGER "item_result_published_immutable";

CREATE FUNCTION "item_result_published_at"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."publication_id" IS NULL THEN
    NEW."published_at" := NULL;
  ELSIF TG_OP = 'INSERT' OR NEW."publication_id" IS DISTINCT FROM OLD."publication_id" OR NEW."published_at" IS DISTINCT FROM OLD."published_at" THEN
    NEW."published_at" := (SELECT p."published_at" FROM "publication" p WHERE p."id" = NEW."publication_id");
  END IF;
  RETURN NEW;
END $$;
-- named to run before "item_result_published_immutable" (triggers fire in name order), which then sees the final row
CREATE TRIGGER "item_result_published_at" BEFORE INSERT OR UPDATE ON "item_result"
  FOR EACH ROW EXECUTE FUNCTION "item_result_published_at"();
