-- ═══════════════════════════════════════════════════════════════════════════════════════════════════
-- HAND-WRITTEN, first so that the indexes below are built once: the target's code columns compare bytewise.
-- ═══════════════════════════════════════════════════════════════════════════════════════════════════
-- USCCs, industry codes (GB/T 4754) and region codes are ASCII codes: under COLLATE "C" they sort exactly as under
-- the database collation (C.UTF-8 or any other), equality is unchanged, index inserts compare with memcmp instead of
-- strcoll, and a btree index on them serves prefix filters (industry_code LIKE 'C14%'; uscc::text LIKE '9137%' through
-- the expression index at the end), which under a non-C database collation it cannot. Prisma's diff does not see
-- column collations. No table rewrite: the type is unchanged, the indexes on these columns are rebuilt.
ALTER TABLE "target"
  ALTER COLUMN "uscc" TYPE CHAR(18) COLLATE "C",
  ALTER COLUMN "industry_code" TYPE TEXT COLLATE "C",
  ALTER COLUMN "region_code" TYPE TEXT COLLATE "C";

-- DropIndex
DROP INDEX "target_industry_code_idx";

-- DropIndex
DROP INDEX "target_region_code_idx";

-- DropIndex
DROP INDEX "target_risk_class_idx";

-- CreateIndex
CREATE INDEX "audit_event_actor_id_id_idx" ON "audit_event"("actor_id", "id");

-- CreateIndex
CREATE INDEX "audit_event_operation_id_idx" ON "audit_event"("operation", "id");

-- CreateIndex
CREATE INDEX "correction_requested_at_id_idx" ON "correction"("requested_at", "id");

-- CreateIndex
CREATE INDEX "credit_event_created_at_id_idx" ON "credit_event"("created_at", "id");

-- CreateIndex
CREATE INDEX "follow_up_due_on_id_idx" ON "follow_up"("due_on", "id");

-- CreateIndex
CREATE INDEX "item_result_entered_at_id_idx" ON "item_result"("entered_at", "id");

-- CreateIndex
CREATE INDEX "target_risk_class_id_idx" ON "target"("risk_class", "id");

-- CreateIndex
CREATE INDEX "target_industry_code_id_idx" ON "target"("industry_code", "id");

-- CreateIndex
CREATE INDEX "target_region_code_id_idx" ON "target"("region_code", "id");

-- CreateIndex
CREATE INDEX "target_complaint_count_id_idx" ON "target"("complaint_count", "id");

-- ═══════════════════════════════════════════════════════════════════════════════════════════════════
-- HAND-WRITTEN — indexes the Prisma schema language cannot state (Prisma's diff ignores expression indexes and
-- indexes with an operator class).
-- ═══════════════════════════════════════════════════════════════════════════════════════════════════

-- The USCC prefix search: Prisma compares a CHAR column as "uscc"::text LIKE 'prefix%', which the index on "uscc"
-- cannot serve; this one can (collation "C", from the column).
CREATE INDEX "target_uscc_text_idx" ON "target" (("uscc"::text));

-- "Name contains" (targets' q filter: name ILIKE '%…%') reads a trigram index where the database has pg_trgm
-- (PostgreSQL's contrib; a trusted extension, so a database owner may create it). Without it — embedded PGlite, which
-- loads no extension, or a server without contrib or without the right — the filter works the same, by scanning.
-- A query of one or two characters has no trigram and scans either way (docs/BENCHMARKS.md "Scale: console list pages").
DO $$
DECLARE trgm_schema name;
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
    BEGIN
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE NOTICE 'pg_trgm not created (%); target name search will scan', SQLERRM;
    END;
  END IF;
  SELECT n.nspname INTO trgm_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
  IF trgm_schema IS NOT NULL THEN
    EXECUTE format('CREATE INDEX "target_name_trgm_idx" ON "target" USING gin ("name" %I.gin_trgm_ops)', trgm_schema);
  END IF;
END $$;
