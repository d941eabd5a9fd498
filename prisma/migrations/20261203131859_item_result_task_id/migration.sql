-- AlterTable
ALTER TABLE "item_result" ADD COLUMN     "task_id" UUID;

-- CreateIndex
CREATE INDEX "item_result_task_id_published_at_id_idx" ON "item_result"("task_id", "published_at", "id");

-- ═══════════════════════════════════════════════════════════════════════════════════════════════════
-- HAND-WRITTEN — item_result.task_id is a copy of its record's task, kept by the database like published_at
-- (20261203131102_item_result_published_at). A task's public results newest first then read the (task_id,
-- published_at, id) index; through the record they walked the newest publications of every task until 25 of this
-- one were found (154–261 ms at 600,000 published results, docs/BENCHMARKS.md "Scale: console list pages").
-- ═══════════════════════════════════════════════════════════════════════════════════════════════════

ALTER TABLE "item_result" DISABLE TRIGGER "item_result_published_immutable";
UPDATE "item_result" ir SET "task_id" = r."task_id" FROM "inspection_record" r WHERE r."id" = ir."record_id";
ALTER TABLE "item_result" ENABLE TRIGGER "item_result_published_immutable";

-- the same trigger now keeps both copies
CREATE OR REPLACE FUNCTION "item_result_published_at"() RETURNS trigger LANGUAGE plpgsql AS $$
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
