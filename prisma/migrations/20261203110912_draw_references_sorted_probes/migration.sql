-- ═══════════════════════════════════════════════════════════════════════════════════════════════════
-- HAND-WRITTEN — the statement triggers of 20261203102640_draw_references_per_statement probe their parents in
-- key order. Each distinct value of a referencing column is looked up once, in sorted order, so the probes walk the
-- parent's primary-key index from left to right instead of jumping about it: for the 59,000 rows of a
-- 1,000,000-candidate draw the check fell from 180–330 ms to 70–140 ms on the reference machine (docs/BENCHMARKS.md
-- "Draw"). Same rules, same errors; test/db/draw-references.test.ts.
-- ═══════════════════════════════════════════════════════════════════════════════════════════════════

CREATE OR REPLACE FUNCTION draw_target_references() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE OR REPLACE FUNCTION inspector_assignment_references() RETURNS trigger LANGUAGE plpgsql AS $$
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
