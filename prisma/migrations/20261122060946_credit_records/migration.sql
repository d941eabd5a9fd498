-- AlterTable
ALTER TABLE "credit_event" ADD COLUMN     "department_id" UUID,
ADD COLUMN     "note" TEXT;

-- AlterTable
ALTER TABLE "follow_up" ADD COLUMN     "created_by" UUID,
ADD COLUMN     "reference" TEXT;

-- AlterTable
ALTER TABLE "idempotency_key" ADD COLUMN     "request_hash" CHAR(64);

-- AlterTable
ALTER TABLE "inspection_record" ADD COLUMN     "signatory_name" TEXT;

-- AlterTable
ALTER TABLE "target" ADD COLUMN     "risk_class_base" "RiskClass" NOT NULL DEFAULT 'B',
ADD COLUMN     "risk_class_computed_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "task" ADD COLUMN     "reissued_at" TIMESTAMPTZ(3),
ADD COLUMN     "scope_target_ids" UUID[];

-- ───────────── hand-written (not modelled by Prisma) ─────────────

-- Until now the register's class was the only class: it becomes the base class (docs/CREDIT.md).
UPDATE "target" SET "risk_class_base" = "risk_class";

-- Published results are never changed silently (seed 001): once an item result belongs to a publication, its
-- code, note and department cannot change and the row cannot be deleted; a correction is a new row beside it.
-- The service refuses first with a typed error (server/src/modules/record); this is the last line of defence.
CREATE FUNCTION "item_result_published_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."publication_id" IS NOT NULL THEN
    IF TG_OP = 'DELETE' OR NEW."code" IS DISTINCT FROM OLD."code" OR NEW."note" IS DISTINCT FROM OLD."note"
       OR NEW."department_id" IS DISTINCT FROM OLD."department_id" OR NEW."check_item_id" IS DISTINCT FROM OLD."check_item_id"
       OR NEW."record_id" IS DISTINCT FROM OLD."record_id" OR NEW."publication_id" IS DISTINCT FROM OLD."publication_id" THEN
      RAISE EXCEPTION 'published item_result % is immutable', OLD."id" USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "item_result_published_immutable" BEFORE UPDATE OR DELETE ON "item_result"
  FOR EACH ROW EXECUTE FUNCTION "item_result_published_immutable"();

-- A publication row is never updated or deleted.
CREATE FUNCTION "publication_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'publication % is immutable', OLD."id" USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER "publication_no_update_delete" BEFORE UPDATE OR DELETE ON "publication"
  FOR EACH ROW EXECUTE FUNCTION "publication_immutable"();
