-- AlterTable
ALTER TABLE "item_result" ADD COLUMN     "published_at" TIMESTAMPTZ(3),
ADD COLUMN     "task_id" UUID;

-- CreateIndex
CREATE INDEX "item_result_published_at_id_idx" ON "item_result"("published_at", "id");

-- CreateIndex
CREATE INDEX "item_result_task_id_published_at_id_idx" ON "item_result"("task_id", "published_at", "id");

-- ═══════════════════════════════════════════════════════════════════════════════════════════════════
-- HAND-WRITTEN — item_result.published_at and item_result.task_id are copies of its publication's published_at and
-- its record's task_id, kept by the database.
-- Public results are listed newest publication first (the dashboard's "latest 10", the publicity feed), overall or
-- for one task. Sorting on the publication's column meant joining and sorting every published result (317–524 ms at
-- 600,000 results); sorting on a copy alone made the task's list walk the newest publications of every task
-- (154–261 ms). With both on the row, the (published_at, id) and (task_id, published_at, id) indexes give the first
-- page at once (docs/BENCHMARKS.md "Scale: console list pages"). Every writer (the publication statement, seeders,
-- fixtures) only sets publication_id and record_id: the trigger derives the copies from them on every insert and
-- update, so they cannot drift or be set by hand.
-- ═══════════════════════════════════════════════════════════════════════════════════════════════════

-- backfill, with the published-row guard off for this one statement (the migration's own transaction)
ALTER TABLE "item_result" DISABLE TRIGGER "item_result_published_immutable";
UPDATE "item_result" ir SET "published_at" = p."published_at" FROM "publication" p WHERE p."id" = ir."publication_id";
UPDATE "item_result" ir SET "task_id" = r."task_id" FROM "inspection_record" r WHERE r."id" = ir."record_id";
ALTER TABLE "item_result" ENABLE TRIGGER "item_result_published_immutable";

CREATE FUNCTION "item_result_copies"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."publication_id" IS NULL THEN
    NEW."published_at" := NULL;
  ELSIF TG_OP = 'INSERT' OR NEW."publication_id" IS DISTINCT FROM OLD."publication_id" OR NEW."published_at" IS DISTINCT FROM OLD."published_at" THEN
    NEW."published_at" := (SELECT p."published_at" FROM "publication" p WHERE p."id" = NEW."publication_id");
  END IF;
  IF TG_OP = 'INSERT' OR NEW."record_id" IS DISTINCT FROM OLD."record_id" OR NEW."task_id" IS DISTINCT FROM OLD."task_id" THEN
    NEW."task_id" := (SELECT r."task_id" FROM "inspection_record" r WHERE r."id" = NEW."record_id");
  END IF;
  RETURN NEW;
END $$;
-- named to run before "item_result_published_immutable" (triggers fire in name order), which then sees the final row
CREATE TRIGGER "item_result_copies" BEFORE INSERT OR UPDATE ON "item_result"
  FOR EACH ROW EXECUTE FUNCTION "item_result_copies"();
