// The report rollup (docs/REPORTS.md "The rollup"): what each task's inspection records contribute to the quarterly
// report, so that a report reads ≈ 100 tasks' rows instead of ≈ 77,000 item results and 59,000 publications.
//
//   report_task             (task)              records with ≥ 1 result, of those with a problem
//   report_task_department  (task, department)  (record, department) pairs, with a problem, published, published on
//                                               time; item results by effective code c1 … c10
//   report_task_item        (task, check item)  item results (check-item coverage)
//
// Only row facts are stored. Everything the report judges at read time — task status (counted, completed,
// cancelled), the publication deadline against the evaluation date, participants, draws, follow-ups, corrections by
// decision date — is read from its own small tables by the report statement, so task status changes, deadline
// passing and re-issues never touch the rollup.
//
// How it is kept current: incrementally, by record. A write that changes what records contribute (result entry,
// publication, correction approval) calls `takeOut(tx, sel)` BEFORE changing the rows and `putBack(tx, sel)` AFTER,
// in the same transaction: the first subtracts the selected records' current contribution, the second adds their
// new one, each computed from the rows by the same SQL (contribution() below), so the delta is right whatever the
// write did. takeOut locks the records' task rows first (every record write already holds that lock; a correction
// decision takes it here), so no two transactions change one task's records and its rollup at the same time.
// The cost follows the records touched (one statement each way), not the task's size; a write over a whole task
// (publishTaskPart) deletes the task's rows and recomputes them, which is cheaper than subtracting them record by
// record. Measured in docs/BENCHMARKS.md "Quarterly report".
//
// `rebuildRollup` recomputes everything (after a restore, or data loaded by SQL), `checkRollup` compares the stored
// rollup with a fresh computation from the rows (the definition) and lists every difference.
import type { Tx } from '../../shared/mutation.ts';
import type { Database } from '../../db/database.ts';
import { pgArray } from '../../db/pg-array.ts';
import { PROBLEM_CODES } from './report.sql.ts';

const CODES = Array.from({ length: 10 }, (_, i) => i + 1);
const PROBLEM = `(${PROBLEM_CODES.join(',')})`;

/** Which records a call covers: some records, every record of some tasks, or every record. */
export type RollupSelection = { recordIds: string[] } | { taskIds: string[] } | { all: true };

/**
 * The contribution of the selected records (`where` on inspection_record r), as three relations: per task (ct), per
 * (task, department) (cd) and per (task, check item) (ci). The effective code of a result is its latest approved
 * correction's new code (by decided_at, then id: the order of report.sql.ts's cx), else its own code.
 */
const contribution = (where: string) => `
rs as (
  select r.task_id, r.id as record_id, ir.department_id, ir.check_item_id,
         coalesce((select c.new_code from correction c where c.item_result_id = ir.id and c.status = 'APPROVED'
                    order by c.decided_at desc nulls last, c.id limit 1), ir.code) as code
    from inspection_record r join item_result ir on ir.record_id = r.id
   where ${where}
),
pr as (
  select s.task_id, s.record_id, s.department_id, bool_or(s.code in ${PROBLEM}) as problem,
         ${CODES.map((c) => `count(*) filter (where s.code = ${c})::int as c${c}`).join(', ')}
    from rs s group by s.task_id, s.record_id, s.department_id
),
ct as (
  select task_id, count(*)::int as records, count(*) filter (where problem)::int as problem_records
    from (select task_id, record_id, bool_or(problem) as problem from pr group by task_id, record_id) z
   group by task_id
),
cd as (
  select p.task_id, p.department_id, count(*)::int as pairs, count(*) filter (where p.problem)::int as problem_pairs,
         count(pb.id)::int as published, count(pb.id) filter (where pb.on_time)::int as published_on_time,
         ${CODES.map((c) => `sum(p.c${c})::int as c${c}`).join(', ')}
    from pr p left join publication pb on pb.record_id = p.record_id and pb.department_id = p.department_id
   group by p.task_id, p.department_id
),
ci as (
  select task_id, check_item_id, count(*)::int as results from rs group by task_id, check_item_id
)`;

const D_COLS = ['pairs', 'problem_pairs', 'published', 'published_on_time', ...CODES.map((c) => `c${c}`)];

/** One statement: add `sign` × the contribution of the records matching `where` to the three tables ($1 = sign). */
export const applySql = (where: string) => `
with ${contribution(where)},
ut as (
  insert into report_task as g (task_id, records, problem_records)
  select task_id, $1::int * records, $1::int * problem_records from ct
  on conflict (task_id) do update set records = g.records + excluded.records, problem_records = g.problem_records + excluded.problem_records
  returning 1
),
ud as (
  insert into report_task_department as g (task_id, department_id, ${D_COLS.join(', ')})
  select task_id, department_id, ${D_COLS.map((c) => `$1::int * ${c}`).join(', ')} from cd
  on conflict (task_id, department_id) do update set ${D_COLS.map((c) => `${c} = g.${c} + excluded.${c}`).join(', ')}
  returning 1
),
ui as (
  insert into report_task_item as g (task_id, check_item_id, results)
  select task_id, check_item_id, $1::int * results from ci
  on conflict (task_id, check_item_id) do update set results = g.results + excluded.results
  returning 1
)
select (select count(*) from ut)::int + (select count(*) from ud)::int + (select count(*) from ui)::int as rows`;

/** `where` on inspection_record r for a selection, and its parameter ($2, a PostgreSQL array literal). */
function selectionWhere(sel: RollupSelection): { where: string; param: string | null; empty: boolean } {
  if ('recordIds' in sel) return { where: 'r.id = any($2::uuid[])', param: pgArray(sel.recordIds), empty: !sel.recordIds.length };
  if ('taskIds' in sel) return { where: 'r.task_id = any($2::uuid[])', param: pgArray(sel.taskIds), empty: !sel.taskIds.length };
  return { where: 'true', param: null, empty: false };
}

/** Deletes the rollup rows of some tasks ($1): all their records' contribution at once. */
const DELETE_TASKS_SQL = `
with a as (delete from report_task where task_id = any($1::uuid[]) returning 1),
     b as (delete from report_task_department where task_id = any($1::uuid[]) returning 1),
     c as (delete from report_task_item where task_id = any($1::uuid[]) returning 1)
select (select count(*) from a)::int + (select count(*) from b)::int + (select count(*) from c)::int as rows`;

/**
 * Before a write: take the selected records' current contribution out of the rollup. Locks their tasks first (every
 * record write holds its task's lock already, so this is a no-op there; a correction decision takes it here), so
 * the rows read next are the committed ones and nobody else changes them before the commit. For whole tasks the
 * contribution of all their records is their rollup rows: those are deleted (the per-task recomputation; it also
 * repairs a task whose rollup had drifted).
 */
export async function takeOut(tx: Tx, sel: RollupSelection): Promise<void> {
  const { where, param, empty } = selectionWhere(sel);
  if (empty) return;
  if (!param) throw new Error('report rollup: a write selects records or tasks; rebuild everything with rebuildRollup');
  const tasks = 'recordIds' in sel ? 'select task_id from inspection_record where id = any($1::uuid[])' : 'select unnest($1::uuid[])';
  await tx.$queryRawUnsafe(`select 1 from task where id in (${tasks}) order by id for update`, param);
  if ('taskIds' in sel) await tx.$queryRawUnsafe(DELETE_TASKS_SQL, param);
  else await tx.$queryRawUnsafe(applySql(where), -1, param);
}

/** After the write, in the same transaction (the task locks are held), with the same selection: add their new contribution. */
export async function putBack(tx: Tx, sel: RollupSelection): Promise<void> {
  const { where, param, empty } = selectionWhere(sel);
  if (empty) return;
  if (!param) throw new Error('report rollup: a write selects records or tasks; rebuild everything with rebuildRollup');
  await tx.$queryRawUnsafe(applySql(where), 1, param);
}

// ───────────────────────── rebuild and check ─────────────────────────

/** Runs one statement with $1.. parameters (a seeder's SqlRunner, or a Prisma transaction). */
export interface StatementRunner {
  query(sql: string, params?: (string | number | null)[]): Promise<unknown>;
}

/**
 * Recomputes the rollup of some tasks (or of all) through `run`, which must be inside one transaction (the seeders,
 * rebuildRollup). Deletes their rows, then adds every record's contribution.
 */
export async function rebuildWith(run: StatementRunner, taskIds: string[] | null): Promise<void> {
  if (taskIds) await run.query(DELETE_TASKS_SQL, [pgArray(taskIds)]);
  else for (const t of ['report_task', 'report_task_department', 'report_task_item']) await run.query(`delete from ${t}`);
  await run.query(applySql(taskIds ? 'r.task_id = any($2::uuid[])' : 'true'), taskIds ? [1, pgArray(taskIds)] : [1]);
}

export interface RollupDifference {
  table: 'report_task' | 'report_task_department' | 'report_task_item';
  taskId: string;
  key: string | null;
  stored: Record<string, number> | null;
  computed: Record<string, number> | null;
}

/** Statement listing every key whose stored counts differ from the definition's (missing rows count as zeros). */
export const CHECK_SQL = `
with ${contribution('true')},
dt as (
  select 'report_task' as tbl, coalesce(s.task_id, c.task_id)::text as task_id, null::text as key,
         case when s.task_id is null then null else jsonb_build_object('records', s.records, 'problem_records', s.problem_records) end as stored,
         case when c.task_id is null then null else jsonb_build_object('records', c.records, 'problem_records', c.problem_records) end as computed
    from report_task s full join ct c on c.task_id = s.task_id
   where coalesce(s.records, 0) <> coalesce(c.records, 0) or coalesce(s.problem_records, 0) <> coalesce(c.problem_records, 0)
),
dd as (
  select 'report_task_department', coalesce(s.task_id, c.task_id)::text, coalesce(s.department_id, c.department_id)::text,
         case when s.task_id is null then null else jsonb_build_object(${D_COLS.map((x) => `'${x}', s.${x}`).join(', ')}) end,
         case when c.task_id is null then null else jsonb_build_object(${D_COLS.map((x) => `'${x}', c.${x}`).join(', ')}) end
    from report_task_department s full join cd c on c.task_id = s.task_id and c.department_id = s.department_id
   where ${D_COLS.map((x) => `coalesce(s.${x}, 0) <> coalesce(c.${x}, 0)`).join(' or ')}
),
di as (
  select 'report_task_item', coalesce(s.task_id, c.task_id)::text, coalesce(s.check_item_id, c.check_item_id)::text,
         case when s.task_id is null then null else jsonb_build_object('results', s.results) end,
         case when c.task_id is null then null else jsonb_build_object('results', c.results) end
    from report_task_item s full join ci c on c.task_id = s.task_id and c.check_item_id = s.check_item_id
   where coalesce(s.results, 0) <> coalesce(c.results, 0)
)
select * from dt union all select * from dd union all select * from di
 order by 1, 2, 3 nulls first`;

type Raw = Database['raw'];

/** Every difference between the stored rollup and the rows (empty = the rollup equals the definition). */
export async function checkRollup(raw: Raw): Promise<RollupDifference[]> {
  const { rows } = await raw.query<{ tbl: RollupDifference['table']; task_id: string; key: string | null; stored: Record<string, number> | null; computed: Record<string, number> | null }>(CHECK_SQL);
  return rows.map((r) => ({ table: r.tbl, taskId: r.task_id, key: r.key, stored: r.stored, computed: r.computed }));
}

/**
 * Recomputes the whole rollup (or some tasks') from the rows in one transaction. Idempotent. The three tables are
 * locked EXCLUSIVE first: reports keep reading the previous rollup until the commit, and writers' rollup updates
 * wait for it (they take their records' contribution out only after the rebuild committed, from the rows it saw).
 */
export async function rebuildRollup(database: Database, taskIds: string[] | null = null): Promise<{ tasks: number; departments: number; items: number }> {
  return database.prisma.$transaction(
    async (tx) => {
      const run: StatementRunner = { query: (sql, params = []) => tx.$queryRawUnsafe(sql, ...params) };
      await run.query('lock table report_task, report_task_department, report_task_item in exclusive mode');
      await rebuildWith(run, taskIds);
      const rows = await tx.$queryRawUnsafe<{ tasks: number; departments: number; items: number }[]>(
        `select (select count(*) from report_task)::int as tasks, (select count(*) from report_task_department)::int as departments, (select count(*) from report_task_item)::int as items`,
      );
      return rows[0]!;
    },
    { maxWait: 60_000, timeout: 3600_000 },
  );
}
