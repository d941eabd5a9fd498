-- AlterTable
ALTER TABLE "import_job" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "lease_owner" UUID,
ADD COLUMN     "lease_until" TIMESTAMPTZ(3),
ADD COLUMN     "resumed_at" TIMESTAMPTZ(3);
-- CreateTable
CREATE TABLE "import_file" (
    "job_id" UUID NOT NULL,
    "content" BYTEA NOT NULL,

    CONSTRAINT "import_file_pkey" PRIMARY KEY ("job_id")
);
-- CreateTable
CREATE TABLE "import_batch" (
    "job_id" UUID NOT NULL,
    "batch_no" INTEGER NOT NULL,
    "processed" INTEGER NOT NULL,
    "rows" INTEGER NOT NULL,
    "inserted" INTEGER NOT NULL,
    "updated" INTEGER NOT NULL,
    "unchanged" INTEGER NOT NULL,
    "added_to_pool" INTEGER NOT NULL,
    "error_rows" INTEGER NOT NULL,
    "stored_errors" INTEGER NOT NULL,
    "committed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "import_batch_pkey" PRIMARY KEY ("job_id","batch_no")
);
-- CreateIndex
CREATE INDEX "import_job_status_lease_until_idx" ON "import_job"("status", "lease_until");
-- AddForeignKey
ALTER TABLE "import_file" ADD CONSTRAINT "import_file_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "import_job"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- AddForeignKey
ALTER TABLE "import_batch" ADD CONSTRAINT "import_batch_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "import_job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ═══════════════════════════════════════════════════════════════════════════════════════════════════
-- HAND-WRITTEN — integrity the Prisma schema language cannot state (Prisma's diff ignores CHECKs).
-- ═══════════════════════════════════════════════════════════════════════════════════════════════════

-- A job runs at least once; a committed batch's counts are never negative.
ALTER TABLE "import_job" ADD CONSTRAINT "import_job_attempts_positive" CHECK ("attempts" >= 1);
ALTER TABLE "import_batch" ADD CONSTRAINT "import_batch_counts_non_negative" CHECK (
  "batch_no" >= 1 AND "processed" >= 0 AND "rows" >= 0 AND "inserted" >= 0 AND "updated" >= 0 AND "unchanged" >= 0 AND
  "added_to_pool" >= 0 AND "error_rows" >= 0 AND "stored_errors" >= 0);
