// Benchmark of the quarterly report (docs/BENCHMARKS.md "## Quarterly report"): a fresh PostgreSQL database with the
// demo, N synthetic targets and M synthetic inspection records (the seed generator's --scale / --records), then the
// quarterly report for all departments through the real GraphQL endpoint (yoga.fetch, an office session), ≥ 20 timed
// runs after warm-up, with the CPU time per report of this process and of the database's PostgreSQL backends (from
// /proc: the server must run on this machine); also the annual report, a drill-down page and an XLSX export.
// Then the same quarterly statement computed from the rows (REPORT_ROWS_SQL, the definition the rollup replaces),
// EXPLAIN ANALYZE of both, a check that the rollup equals the rows, and (--mutations) what keeping the rollup costs
// a write: takeOut + putBack for one record (result entry, correction) and for a whole task (task publication),
// against recomputing the task's rollup, each inside a transaction that is rolled back.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm exec tsx bench/report.ts \
//     [--targets 1000000] [--records 200000] [--runs 25] [--row-runs 5] [--mutations] [--no-indexes]
//     [--db <existing database name>] [--keep] [--plan]
//
// An existing database (--db) is migrated first; a database made before the rollup existed gets it from the
// migration's backfill.
//
// The indexes the report needs (INDEXES below; to be added to prisma/schema.prisma by the schema owner) are created
// with CREATE INDEX IF NOT EXISTS unless --no-indexes, so the numbers are those of the proposed schema.
import pg from 'pg';
import os from 'node:os';
import { openDatabase, useDatabase } from '../server/src/db/database.ts';
import { addScaleRecords, addScaleTargets, seedDemo } from '../server/src/db/seed.ts';
import { REPORT_ROWS_SQL, REPORT_SQL } from '../server/src/modules/report/report.sql.ts';
import { checkRollup, putBack, rebuildWith, takeOut, type RollupSelection } from '../server/src/modules/report/report.rollup.ts';
import type { Tx } from '../server/src/shared/mutation.ts';
import { randomBytes, createHash } from 'node:crypto';
import { backendCpuMeter } from './data.ts';

export const INDEXES: string[] = [
  // none needed so far: see docs/BENCHMARKS.md "## Quarterly report" for what was measured
];

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(String(args[i + 1]).replace(/[_,]/g, '')) : dflt;
};
const flag = (name: string) => args.includes(`--${name}`);
const str = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

const base = process.env.DATABASE_URL;
if (!base) throw new Error('set DATABASE_URL (PostgreSQL)');
const urlFor = (db: string) => {
  const u = new URL(base);
  u.pathname = `/${db}`;
  return u.toString();
};

const targets = opt('targets', 1_000_000);
const records = opt('records', 200_000);
const runs = opt('runs', 25);
const rowRuns = opt('row-runs', 5);
const existing = str('db');
const dbName = existing ?? `ssj_bench_report_${process.pid}`;
const log = (m: string) => console.log(`[bench] ${m}`);
const admin = new pg.Client({ connectionString: urlFor('postgres') });
await admin.connect();
if (!existing) await admin.query(`create database ${dbName}`);
const database = useDatabase(await openDatabase({ url: urlFor(dbName), log }));

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
  return { n: s.length, min: s[0]!, median: q(0.5), p95: q(0.95), max: s[s.length - 1]! };
};
const fmt = (x: ReturnType<typeof stats>) => `median ${x.median.toFixed(1)} ms, p95 ${x.p95.toFixed(1)} ms, min ${x.min.toFixed(1)}, max ${x.max.toFixed(1)} (n=${x.n})`;
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

const backendsCpu = backendCpuMeter((sql, params) => admin.query(sql, params), dbName);
/** CPU ms used so far by this process and by the PostgreSQL backends of the benchmark database (bench/data.ts). */
async function cpuMs(): Promise<{ node: number; pg: number }> {
  const own = process.cpuUsage();
  return { node: (own.user + own.system) / 1000, pg: await backendsCpu() };
}

try {
  if (!existing) {
    const t0 = performance.now();
    await seedDemo(database, { log: () => {} });
    if (targets) await addScaleTargets(database, targets, { log });
    if (records) await addScaleRecords(database, records, { log });
    log(`data generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const counts = (await database.raw.query(`select (select count(*) from target)::int t, (select count(*) from inspection_record)::int r,
      (select count(*) from item_result)::int ir, (select count(*) from publication)::int p, (select count(*) from follow_up)::int f,
      (select count(*) from task)::int k, pg_size_pretty(pg_database_size(current_database())) size`)).rows[0];
  log(`data: ${JSON.stringify(counts)}`);
  if (!flag('no-indexes')) {
    for (const sql of INDEXES) {
      const t = performance.now();
      await database.raw.exec(sql);
      log(`${sql} (${Math.round(performance.now() - t)} ms)`);
    }
    await database.raw.exec('ANALYZE item_result');
  } else log('indexes: none added (--no-indexes)');

  // an office session, as the console has
  const { yoga } = await import('../server/src/yoga.ts');
  const dept = (await database.raw.query(`select id from department where is_office_host limit 1`)).rows[0].id;
  const user = (await database.raw.query(`insert into app_user (username, display_name, password_hash, role, department_id) values ($1, '压测', 'x', 'OFFICE_ADMIN', $2) returning id`, [`bench_${process.pid}`, dept])).rows[0].id;
  const token = randomBytes(32).toString('base64url');
  await database.raw.query(`insert into session (id, user_id, expires_at) values ($1, $2, now() + interval '8 hours')`, [createHash('sha256').update(token).digest('hex'), user]);
  const headers = { 'content-type': 'application/json', cookie: `ssj_session=${token}` };
  const post = async (query: string) => {
    const t = performance.now();
    const res = await yoga.fetch('http://localhost/graphql', { method: 'POST', headers, body: JSON.stringify({ query }) });
    const body = (await res.json()) as { errors?: unknown; data?: any };
    const ms = performance.now() - t;
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return { ms, body };
  };
  const timed = async (name: string, query: string, n = runs) => {
    for (let i = 0; i < 3; i++) await post(query); // warm-up
    const xs: number[] = [];
    let last: any;
    const c0 = await cpuMs();
    for (let i = 0; i < n; i++) {
      const r = await post(query);
      xs.push(r.ms);
      last = r.body;
    }
    const c1 = await cpuMs();
    log(`${name}: ${fmt(stats(xs))}; CPU per request: node ${((c1.node - c0.node) / n).toFixed(1)} ms, PostgreSQL ${((c1.pg - c0.pg) / n).toFixed(1)} ms`);
    return { stats: stats(xs), last };
  };

  const year = 2026;
  const quarter: number = 3;
  const Q = `{ quarterlyReport(year: ${year}, quarter: ${quarter}) { total { figures { key value numerator denominator met previous change } resultCodes { code count previous } }
    departments { departmentCode figures { key value numerator denominator met previous change } resultCodes { code count } } departmentsWithoutJointTask { code } } }`;
  const t0 = performance.now();
  const diff = await checkRollup(database.raw);
  log(`rollup check: ${diff.length ? `${diff.length} DIFFERENCES (pnpm report:rollup --rebuild)` : 'equal to the rows'} (${Math.round(performance.now() - t0)} ms)`);
  if (diff.length) throw new Error('the rollup differs from the rows: the figures below would be wrong');
  log(`load average before: ${load()}`);
  const q = await timed(`quarterlyReport ${year} Q${quarter}, all departments (GraphQL)`, Q);
  const total = q.last.data.quarterlyReport.total.figures;
  log(`figures: ${total.map((f: any) => `${f.key}=${f.numerator}${f.denominator != null ? `/${f.denominator}` : ''}`).join(' ')}`);
  await timed(`annualReport ${year - 1}, all departments (GraphQL)`, `{ annualReport(year: ${year - 1}) { total { figures { key value } } departments { figures { key value } } } }`, Math.min(runs, 10));
  await timed('reportDrillDown problemRate, page 1 of 100 rows (GraphQL)', `{ reportDrillDown(figure: "problemRate", year: ${year}, quarter: ${quarter}, perPage: 100) { totalCount nodes { id taskCode targetUscc inNumerator } } }`, Math.min(runs, 10));
  {
    const xs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const res = await yoga.fetch(`http://localhost/export/report.xlsx?year=${year}&quarter=${quarter}`, { headers });
      await res.arrayBuffer();
      xs.push(performance.now() - t);
    }
    log(`export report.xlsx: ${fmt(stats(xs))}`);
  }
  log(`load average after: ${load()}`);
  const to = new Date(Date.UTC(year, quarter * 3, 0)).toISOString().slice(0, 10);
  const from = `${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`;
  const pq = quarter === 1 ? [`${year - 1}-10-01`, `${year - 1}-12-31`] : [`${year}-${String(quarter * 3 - 5).padStart(2, '0')}-01`, new Date(Date.UTC(year, quarter * 3 - 3, 0)).toISOString().slice(0, 10)];
  const params = [from, to, pq[0], pq[1], new Date().toISOString().slice(0, 10)];

  // the same statement over the rows (the definition, and the report before the rollup), straight on the driver
  if (rowRuns > 0) {
    await database.raw.query(REPORT_ROWS_SQL, params); // warm-up
    const xs: number[] = [];
    const c0 = await cpuMs();
    for (let i = 0; i < rowRuns; i++) {
      const t = performance.now();
      await database.raw.query(REPORT_ROWS_SQL, params);
      xs.push(performance.now() - t);
    }
    const c1 = await cpuMs();
    log(`row-level statement (REPORT_ROWS_SQL, no GraphQL): ${fmt(stats(xs))}; PostgreSQL CPU per statement ${((c1.pg - c0.pg) / rowRuns).toFixed(1)} ms (load ${load()})`);
  }
  for (const [name, sql] of [['rollup', REPORT_SQL], ['rows', REPORT_ROWS_SQL]] as const) {
    const plan = await database.raw.query(`explain (analyze, buffers, format text) ${sql}`, params);
    const lines = plan.rows.map((r: any) => r['QUERY PLAN'] as string);
    log(`EXPLAIN ANALYZE (${name}): ${lines.filter((l) => /Execution Time|Planning Time/.test(l)).join('; ')}`);
    if (flag('plan')) console.log(lines.join('\n'));
  }

  if (flag('mutations')) await mutationCost();
} finally {
  await database.close();
  if (!existing && !flag('keep')) await admin.query(`drop database if exists ${dbName} with (force)`);
  else log(`database kept: ${dbName}`);
  await admin.end();
}

/**
 * What keeping the rollup costs a write, on this database: takeOut + putBack (the task lock and two statements) for
 * one record with results (enterItemResults, decideCorrection) and for every record of a task (publishTaskPart:
 * delete and recompute), and what recomputing the whole task would cost if every single-record write did that (the
 * per-task alternative to the incremental scheme); each repetition in its own transaction, rolled back.
 */
async function mutationCost() {
  const reps = Math.max(5, Math.min(runs, 30));
  const [big] = (await database.raw.query<{ task_id: string; records: number }>(
    `select task_id::text, records from report_task order by records desc, task_id limit 1`,
  )).rows;
  if (!big) return log('mutations: no task with records');
  const recs = (await database.raw.query<{ id: string }>(
    `select r.id::text from inspection_record r where r.task_id = $1 and exists (select 1 from item_result ir where ir.record_id = r.id) order by r.id limit $2`,
    [big.task_id, reps],
  )).rows.map((r) => r.id);
  class Rollback extends Error {}
  const inTx = async (fn: (tx: Tx) => Promise<void>) => {
    let ms = 0;
    try {
      await database.prisma.$transaction(async (tx) => {
        await tx.$queryRawUnsafe('select 1 from task where id = $1::uuid for update', big.task_id); // as the services hold it
        const t = performance.now();
        await fn(tx as unknown as Tx);
        ms = performance.now() - t;
        throw new Rollback();
      }, { timeout: 120_000 });
    } catch (e) {
      if (!(e instanceof Rollback)) throw e;
    }
    return ms;
  };
  const around = (sel: RollupSelection) => async (tx: Tx) => {
    await takeOut(tx, sel);
    await putBack(tx, sel);
  };
  const measure = async (name: string, fn: (i: number) => (tx: Tx) => Promise<void>, n: number) => {
    await inTx(fn(0)); // warm-up
    const xs: number[] = [];
    for (let i = 0; i < n; i++) xs.push(await inTx(fn(i)));
    log(`mutation cost, ${name}: ${fmt(stats(xs))} (load ${load()})`);
  };
  log(`mutations: task ${big.task_id} with ${big.records} records`);
  await measure('one record (takeOut + putBack)', (i) => around({ recordIds: [recs[i % recs.length]!] }), reps);
  await measure(`whole task, ${big.records} records (takeOut + putBack: delete and recompute, as publishTaskPart)`, () => around({ taskIds: [big.task_id] }), Math.min(reps, 10));
  await measure(`whole task recomputed, ${big.records} records (what a per-task scheme would pay on every single-record write)`, () => async (tx) => {
    await rebuildWith({ query: (sql, p = []) => tx.$queryRawUnsafe(sql, ...p) }, [big.task_id]);
  }, Math.min(reps, 10));
}
