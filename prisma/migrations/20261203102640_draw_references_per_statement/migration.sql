-- ═══════════════════════════════════════════════════════════════════════════════════════════════════
-- HAND-WRITTEN — the draw's result tables check their references once per statement, not once per row.
--
-- A reveal writes tens of thousands of rows in one statement (59,000 draw_target rows for a 1,000,000-candidate
-- draw; 60,000 inspector_assignment rows for 20,000 targets × 3 departments). A FOREIGN KEY checks each row on its
-- own: one internal query per row and per key, each taking a FOR KEY SHARE lock that rewrites the referenced
-- target's tuple (and its page's WAL). As the application's ordinary (non-superuser) role that cost 1.6–3.3 s for
-- the draw_target rows and 7.4 s for the inspector_assignment rows (docs/BENCHMARKS.md "Draw").
--
-- The same integrity, set-based:
-- 1. Child side: an AFTER INSERT / UPDATE statement trigger with a transition table looks every new row's
--    references up in one query and raises foreign_key_violation (23503) if one is missing. Under READ COMMITTED
--    (every transaction of the application) that query runs with a fresh snapshot, so it sees a concurrent delete
--    that committed before it; under REPEATABLE READ / SERIALIZABLE it first locks the referenced rows FOR KEY
--    SHARE, as PostgreSQL's own check does (a concurrent delete then fails the transaction with 40001).
-- 2. Parent side: deleting a target, inspector, department, task or draw takes SHARE locks on both child tables
--    (it waits for writers in flight, and new writers wait for it), then refuses (targets, inspectors,
--    departments, tasks: ON DELETE RESTRICT) or deletes the children (draws: ON DELETE CASCADE). The application
--    never deletes these rows (a target is deregistered, a draw voided); only READ COMMITTED deletes are accepted.
--    Their ids are immutable (the foreign keys said ON UPDATE CASCADE; nothing ever changes an id), and TRUNCATE
--    of a parent is refused while the child tables hold rows.
--
-- prisma/schema.prisma still declares these relations (Prisma joins through them); scripts/migrate-create.ts
-- lists the seven foreign keys as checked by these triggers, so `db:migrate:check` does not ask for them back.
-- test/db/draw-references.test.ts shows each rule on PGlite and PostgreSQL.
-- ═══════════════════════════════════════════════════════════════════════════════════════════════════

ALTER TABLE "draw_target" DROP CONSTRAINT "draw_target_draw_id_fkey";
ALTER TABLE "draw_target" DROP CONSTRAINT "draw_target_target_id_fkey";
ALTER TABLE "inspector_assignment" DROP CONSTRAINT "inspector_assignment_draw_id_fkey";
ALTER TABLE "inspector_assignment" DROP CONSTRAINT "inspector_assignment_task_id_fkey";
ALTER TABLE "inspector_assignment" DROP CONSTRAINT "inspector_assignment_target_id_fkey";
ALTER TABLE "inspector_assignment" DROP CONSTRAINT "inspector_assignment_inspector_id_fkey";
ALTER TABLE "inspector_assignment" DROP CONSTRAINT "inspector_assignment_department_id_fkey";

-- 1. child side ---------------------------------------------------------------------------------------
-- Each distinct value of a referencing column is looked up once, in sorted order, so the probes walk the parent's
-- primary-key index from left to right instead of jumping about it (59,000 draw_target rows: 70–140 ms).

CREATE FUNCTION draw_target_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  missing uuid;
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    PERFORM 1 FROM "draw" WHERE id IN (SELECT draw_id FROM new_rows) ORDER BY id FOR KEY SHARE;
    PERFORM 1 FROM "target" WHERE id IN (SELECT target_id FROM new_rows) ORDER BY id FOR KEY SHARE;
  END IF;
  SELECT n.v INTO missing FROM (SELECT DISTINCT draw_id AS v FROM new_rows ORDER BY 1) n
   WHERE NOT EXISTS (SELECT 1 FROM "draw" x WHERE x.id = n.v) LIMIT 1;
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION 'insert or update on table "draw_target" violates its reference to "draw": % does not exist', missing
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  SELECT n.v INTO missing FROM (SELECT DISTINCT target_id AS v FROM new_rows ORDER BY 1) n
   WHERE NOT EXISTS (SELECT 1 FROM "target" x WHERE x.id = n.v) LIMIT 1;
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION 'insert or update on table "draw_target" violates its reference to "target": % does not exist', missing
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER draw_target_references_insert AFTER INSERT ON "draw_target"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION draw_target_references();
CREATE TRIGGER draw_target_references_update AFTER UPDATE ON "draw_target"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION draw_target_references();

CREATE FUNCTION inspector_assignment_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  col text;
  parent text;
  missing uuid;
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    PERFORM 1 FROM "draw" WHERE id IN (SELECT draw_id FROM new_rows) ORDER BY id FOR KEY SHARE;
    PERFORM 1 FROM "task" WHERE id IN (SELECT task_id FROM new_rows) ORDER BY id FOR KEY SHARE;
    PERFORM 1 FROM "target" WHERE id IN (SELECT target_id FROM new_rows) ORDER BY id FOR KEY SHARE;
    PERFORM 1 FROM "inspector" WHERE id IN (SELECT inspector_id FROM new_rows) ORDER BY id FOR KEY SHARE;
    PERFORM 1 FROM "department" WHERE id IN (SELECT department_id FROM new_rows) ORDER BY id FOR KEY SHARE;
  END IF;
  FOR col, parent IN VALUES ('draw_id', 'draw'), ('task_id', 'task'), ('target_id', 'target'), ('inspector_id', 'inspector'), ('department_id', 'department') LOOP
    EXECUTE format('SELECT n.v FROM (SELECT DISTINCT %I AS v FROM new_rows ORDER BY 1) n WHERE NOT EXISTS (SELECT 1 FROM %I x WHERE x.id = n.v) LIMIT 1', col, parent) INTO missing;
    IF missing IS NOT NULL THEN
      RAISE EXCEPTION 'insert or update on table "inspector_assignment" violates its reference to "%": % does not exist', parent, missing
        USING ERRCODE = 'foreign_key_violation';
    END IF;
  END LOOP;
  RETURN NULL;
END $$;

CREATE TRIGGER inspector_assignment_references_insert AFTER INSERT ON "inspector_assignment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION inspector_assignment_references();
CREATE TRIGGER inspector_assignment_references_update AFTER UPDATE ON "inspector_assignment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION inspector_assignment_references();

-- 2. parent side --------------------------------------------------------------------------------------

-- TG_ARGV[0]: the referencing column ('target_id', 'inspector_id', 'department_id', 'task_id', 'draw_id');
-- TG_ARGV[1]: 'restrict' or 'cascade'.
CREATE FUNCTION draw_result_parent_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  col text := TG_ARGV[0];
  cascade boolean := TG_ARGV[1] = 'cascade';
  hit uuid;
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'rows of table "%" are referenced by draw results and may only be deleted under READ COMMITTED', TG_TABLE_NAME
      USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  LOCK TABLE "draw_target", "inspector_assignment" IN SHARE MODE;
  IF cascade THEN
    IF col = 'draw_id' THEN
      DELETE FROM "draw_target" WHERE draw_id IN (SELECT id FROM old_rows);
    END IF;
    EXECUTE format('DELETE FROM "inspector_assignment" WHERE %I IN (SELECT id FROM old_rows)', col);
    RETURN NULL;
  END IF;
  IF col = 'target_id' THEN
    SELECT o.id INTO hit FROM old_rows o WHERE EXISTS (SELECT 1 FROM "draw_target" r WHERE r.target_id = o.id) LIMIT 1;
  END IF;
  IF hit IS NULL THEN
    EXECUTE format('SELECT o.id FROM old_rows o WHERE EXISTS (SELECT 1 FROM "inspector_assignment" r WHERE r.%I = o.id) LIMIT 1', col) INTO hit;
  END IF;
  IF hit IS NOT NULL THEN
    RAISE EXCEPTION 'delete on table "%" violates a reference from the draw results: % is still referenced', TG_TABLE_NAME, hit
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER target_draw_results AFTER DELETE ON "target"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION draw_result_parent_deleted('target_id', 'restrict');
CREATE TRIGGER inspector_draw_results AFTER DELETE ON "inspector"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION draw_result_parent_deleted('inspector_id', 'restrict');
CREATE TRIGGER department_draw_results AFTER DELETE ON "department"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION draw_result_parent_deleted('department_id', 'restrict');
CREATE TRIGGER task_draw_results AFTER DELETE ON "task"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION draw_result_parent_deleted('task_id', 'restrict');
CREATE TRIGGER draw_draw_results AFTER DELETE ON "draw"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION draw_result_parent_deleted('draw_id', 'cascade');

CREATE FUNCTION referenced_id_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the id of a row of table "%" never changes (%)', TG_TABLE_NAME, OLD.id
    USING ERRCODE = 'foreign_key_violation';
END $$;

CREATE TRIGGER target_id_immutable BEFORE UPDATE OF id ON "target"
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION referenced_id_immutable();
CREATE TRIGGER inspector_id_immutable BEFORE UPDATE OF id ON "inspector"
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION referenced_id_immutable();
CREATE TRIGGER department_id_immutable BEFORE UPDATE OF id ON "department"
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION referenced_id_immutable();
CREATE TRIGGER task_id_immutable BEFORE UPDATE OF id ON "task"
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION referenced_id_immutable();
CREATE TRIGGER draw_id_immutable BEFORE UPDATE OF id ON "draw"
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION referenced_id_immutable();

CREATE FUNCTION draw_result_parent_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "draw_target") OR EXISTS (SELECT 1 FROM "inspector_assignment") THEN
    RAISE EXCEPTION 'truncate of table "%" would leave draw results without their references', TG_TABLE_NAME
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER target_truncate_guard BEFORE TRUNCATE ON "target" FOR EACH STATEMENT EXECUTE FUNCTION draw_result_parent_truncated();
CREATE TRIGGER inspector_truncate_guard BEFORE TRUNCATE ON "inspector" FOR EACH STATEMENT EXECUTE FUNCTION draw_result_parent_truncated();
CREATE TRIGGER department_truncate_guard BEFORE TRUNCATE ON "department" FOR EACH STATEMENT EXECUTE FUNCTION draw_result_parent_truncated();
CREATE TRIGGER task_truncate_guard BEFORE TRUNCATE ON "task" FOR EACH STATEMENT EXECUTE FUNCTION draw_result_parent_truncated();
CREATE TRIGGER draw_truncate_guard BEFORE TRUNCATE ON "draw" FOR EACH STATEMENT EXECUTE FUNCTION draw_result_parent_truncated();
