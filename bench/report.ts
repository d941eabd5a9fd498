// Benchmark of the quarterly report (docs/BENCHMARKS.md "## Quarterly report"): a fresh PostgreSQL database with the
// demo, N synthetic targets and M synthetic inspection records (the seed generator's --scale / --records), then the
// quarterly report for all departments through the real GraphQL endpoint (yoga.fetch, an office session), ≥ 20 timed
// runs after warm-up; also the annual report, a drill-down page and an XLSX export.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm exec tsx bench/report.ts \
//     [--targets 1000000] [--records 200000] [--runs 25] [--no-indexes] [--db <existing database name>] [--keep]
//
// The indexes the report needs (INDEXES below; to be added to prisma/schema.prisma by the schema owner) are created
// with CREATE INDEX IF NOT EXISTS unless --no-indexes, so the numbers are those of the proposed schema.
import pg from 'pg';
import os from 'node:os';
import { openDatabase, useDatabase } from '../server/src/db/database.ts';
import { addScaleRecords, addScaleTargets, seedDemo } from '../server/src/db/seed.ts';
import { REPORT_SQL } from '../server/src/modules/report/report.sql.ts';
import { randomBytes, createHash } from 'node:crypto';

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
    for (let i = 0; i < n; i++) {
      const r = await post(query);
      xs.push(r.ms);
      last = r.body;
    }
    log(`${name}: ${fmt(stats(xs))}`);
    return { stats: stats(xs), last };
  };

  const year = 2026;
  const quarter = 3;
  const Q = `{ quarterlyReport(year: ${year}, quarter: ${quarter}) { total { figures { key value numerator denominator met previous change } resultCodes { code count previous } }
    departments { departmentCode figures { key value numerator denominator met previous change } resultCodes { code count } } departmentsWithoutJointTask { code } } }`;
  log(`load average before: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
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
  log(`load average after: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const to = new Date(Date.UTC(year, quarter * 3, 0)).toISOString().slice(0, 10);
  const from = `${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`;
  const pq = quarter === 1 ? [`${year - 1}-10-01`, `${year - 1}-12-31`] : [`${year}-${String(quarter * 3 - 5).padStart(2, '0')}-01`, new Date(Date.UTC(year, quarter * 3 - 3, 0)).toISOString().slice(0, 10)];
  const plan = await database.raw.query(`explain (analyze, buffers, format text) ${REPORT_SQL}`, [from, to, pq[0], pq[1], new Date().toISOString().slice(0, 10)]);
  const lines = plan.rows.map((r: any) => r['QUERY PLAN'] as string);
  log(`EXPLAIN ANALYZE: ${lines.filter((l) => /Execution Time|Planning Time/.test(l)).join('; ')}`);
  if (flag('plan')) console.log(lines.join('\n'));
} finally {
  await database.close();
  if (!existing && !flag('keep')) await admin.query(`drop database if exists ${dbName} with (force)`);
  else log(`database kept: ${dbName}`);
  await admin.end();
}
