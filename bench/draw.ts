// Draw benchmark (docs/BENCHMARKS.md, "Draw"): a stratified target draw over 1,000,000 candidates, and inspector
// matching for 20,000 targets × 3 departments, on a fresh PostgreSQL database and on in-memory PGlite.
//
//   pnpm exec tsx bench/draw.ts                       # both databases, 1,000,000 candidates, 3 runs each
//   pnpm exec tsx bench/draw.ts --db pg --runs 5      # PostgreSQL only (DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres)
//   pnpm exec tsx bench/draw.ts --db pglite --targets 200000
//   options: --ratios "300,500,1000,2000;10,30,100,300" (bp per class A–D, one run set per ratio set),
//            --pools 50,30 (inspectors per department in the matching runs), --inspector-targets 20000,
//            --keep DB / --pglite-dir DIR (keep the generated data between profiling runs); DRAW_PROFILE=1 prints phases
//
// The data is generated inside the database from generate_series: valid USCCs "91370687" + 9 base-31 digits + the
// GB 32100 check character (computed in SQL), risk classes A 30 % / B 50 % / C 15 % / D 5 %, one pool; three
// departments with 50 inspectors each, 2 % of them on leave, and 2,000 recusals. Each run draws a new task of a new
// year (so the "twice a year" history of earlier runs does not shrink the candidate list) through the service
// functions the GraphQL mutations call: commit, reveal, lock, each its own transaction. Every step prints its wall
// time and its CPU time (this process, all threads, plus the PostgreSQL backends): on a shared machine the wall time
// depends on the load, the CPU time much less.
import fs from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { openDatabase, useDatabase, type Database } from '../server/src/db/database.ts';
import { commitInspectorDraw, commitTargetDraw, lockDraw, revealDraw } from '../server/src/modules/draw/draw.service.ts';
import type { Context } from '../server/src/context.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : dflt;
};
const TARGETS = Number(opt('targets', '1000000'));
const INSPECTOR_TARGETS = Number(opt('inspector-targets', '20000'));
const INSPECTORS_PER_DEPARTMENT = Number(opt('inspectors', '50'));
// (the data holds --inspectors per department; --pools picks how many of them are active in each matching run)
const RUNS = Number(opt('runs', '3'));
const WHICH = opt('db', 'both');
/** --ratios A,B,C,D in basis points, several sets separated by ";" (default: 3/5/10/20 % and 0.1/0.3/1/3 %) */
const RATIO_SETS = opt('ratios', '300,500,1000,2000;10,30,100,300').split(';').map((r) => r.split(',').map(Number));
/** --pools 50,30: inspector pool sizes per department to match with (inspectors beyond the size are deactivated) */
const POOLS = opt('pools', '50,30').split(',').map(Number);
const PG_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
/** --keep NAME: use (and keep) PostgreSQL database NAME, generating the data only when it is empty (for profiling). */
const KEEP = opt('keep', '');
/** --pglite-dir DIR: a file-backed PGlite kept between runs, generated only when empty (for profiling). */
const PGLITE_DIR = opt('pglite-dir', '');

const ctx = {
  requestId: 'bench-draw',
  actor: { kind: 'user', id: null, name: 'bench', role: 'OFFICE_ADMIN', departmentId: null, isDepartmentHead: false, inspectorId: null, scopes: [], sessionId: null },
} as unknown as Pick<Context, 'actor' | 'requestId'>;

const ms = (t0: number) => Math.round(performance.now() - t0);

/** CPU time (ms) used so far by this process (all threads) and, on PostgreSQL, by the benchmark database's backends. */
async function cpuNow(db: Database): Promise<number> {
  const own = process.cpuUsage();
  let backends = 0;
  if (db.kind === 'postgres') {
    const { rows } = await db.raw.query<{ pid: number }>(`select pid from pg_stat_activity where datname = current_database()`);
    for (const { pid } of rows) {
      try {
        const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        backends += (Number(f[11]) + Number(f[12])) * (1000 / 100); // clock ticks (100 Hz)
      } catch {
        /* backend gone */
      }
    }
  }
  return (own.user + own.system) / 1000 + backends;
}

let cpuDb: Database;
/** Wall time and CPU time of one step. CPU time is what the step costs whatever else the machine runs. */
async function timed<T>(fn: () => Promise<T>): Promise<[T, number, number]> {
  const c0 = await cpuNow(cpuDb);
  const t0 = performance.now();
  const r = await fn();
  const wall = ms(t0);
  return [r, wall, Math.round((await cpuNow(cpuDb)) - c0)];
}

// GB 32100: weights of positions 9–17 (the 9 body characters); the prefix "91370687" weighs 631.
const BODY_WEIGHTS = [20, 29, 25, 13, 8, 24, 10, 30, 28];
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const digit = (i: number) => `((g / ${31n ** BigInt(8 - i)}::bigint) % 31)::int`;
const TARGETS_SQL = `
  insert into target (uscc, name, region_code, industry_code, risk_class)
  select '91370687' || body || substr('${ALPHABET}', ((31 - (631 + wsum) % 31) % 31) + 1, 1),
         '基准测试对象' || g, '370687', 'C1391',
         (case when h < 30 then 'A' when h < 80 then 'B' when h < 95 then 'C' else 'D' end)::"RiskClass"
    from (select g,
                 ${BODY_WEIGHTS.map((_, i) => `substr('${ALPHABET}', ${digit(i)} + 1, 1)`).join(' || ')} as body,
                 ${BODY_WEIGHTS.map((w, i) => `${digit(i)} * ${w}`).join(' + ')} as wsum,
                 ((g * 2654435761) % 1000003) % 100 as h
            from generate_series($1::bigint, $2::bigint) g) s`;

async function generate(db: Database) {
  const raw = db.raw;
  const t0 = performance.now();
  const known = await raw.query<{ id: string }>(`select id::text as id from department where code like 'BENCH_' order by code`);
  if (known.rows.length === 3) {
    console.log('  data: reusing the kept database');
    return { depIds: known.rows.map((r) => r.id) };
  }
  const depIds: string[] = [];
  for (const code of ['BENCHA', 'BENCHB', 'BENCHC']) {
    const { rows } = await raw.query<{ id: string }>(`insert into department (code, name, short_name) values ($1, $2, $1) returning id::text as id`, [code, `基准部门${code}`]);
    depIds.push(rows[0]!.id);
  }
  const { rows: poolRows } = await raw.query<{ id: string }>(`insert into target_pool (department_id, name) values ($1::uuid, '基准名录库') returning id::text as id`, [depIds[0]]);
  const poolId = poolRows[0]!.id;
  const batch = 250_000;
  for (let from = 1; from <= TARGETS; from += batch) {
    const to = Math.min(TARGETS, from + batch - 1);
    await raw.query(TARGETS_SQL, [from, to]);
  }
  await raw.query(`insert into target_pool_member (pool_id, target_id) select $1::uuid, id from target`, [poolId]);
  for (const [i, dep] of depIds.entries()) {
    await raw.query(
      `insert into inspector (name, department_id, certificate_no)
       select '基准检查员' || $2 || '-' || n, $1::uuid, '37068720' || $2 || lpad(n::text, 4, '0') from generate_series(1, $3::int) n`,
      [dep, String(i + 1), INSPECTORS_PER_DEPARTMENT],
    );
  }
  // 2 % of inspectors on leave across every window; 2,000 recusals on random targets.
  await raw.query(`insert into inspector_leave (inspector_id, starts_on, ends_on) select id, '2000-01-01', '2100-12-31' from inspector where random() < 0.02`);
  // (pairs spread over many targets and every inspector: a LATERAL subquery that does not reference the outer row
  // is evaluated once, which had recused every inspector from one single target and made it unservable)
  await raw.query(
    `with i as (select id, row_number() over (order by random()) - 1 as n from inspector),
          t as (select id, row_number() over (order by random()) - 1 as n from (select id from target where risk_class = 'B' limit 5000) x),
          p as (select g % (select count(*) from i) as ni, (g * 7919) % (select count(*) from t) as nt from generate_series(0, 1999) g)
     insert into recusal (inspector_id, target_id, reason)
     select distinct i.id, t.id, '基准回避' from p join i on i.n = p.ni join t on t.n = p.nt`,
  );
  await raw.exec('analyze');
  const { rows: c } = await raw.query<{ n: number; u: number }>(`select count(*)::int as n, count(distinct uscc)::int as u from target`);
  console.log(`  data: ${c[0]!.n.toLocaleString('en')} targets (${c[0]!.u.toLocaleString('en')} distinct USCCs), 3 × ${INSPECTORS_PER_DEPARTMENT} inspectors, in ${ms(t0)} ms`);
  return { depIds };
}

let taskSeq = Date.now() % 100_000;
async function task(db: Database, depIds: string[], year: number, ratios = [300, 500, 1000, 2000]) {
  if (ratios.length !== 4 || ratios.some((x) => !Number.isInteger(x))) throw new Error('--ratios needs four integers');
  const { rows } = await db.raw.query<{ id: string }>(
    `insert into task (code, name, year, mode, lead_department_id, status, window_start, window_end, inspection_end_on, stratified, ratio_a_bp, ratio_b_bp, ratio_c_bp, ratio_d_bp, pool_ids, updated_at)
     values ($1, $1, $2, 'RISK_BASED', $3::uuid, 'READY', make_date($2, 4, 1), make_date($2, 6, 30), make_date($2, 6, 30), true, $4, $5, $6, $7, '{}', now())
     returning id::text as id`,
    [`BENCH-${year}-${++taskSeq}`, year, depIds[0], ...ratios],
  );
  const id = rows[0]!.id;
  await db.raw.query(
    `insert into task_participant (task_id, department_id, role, acceptance) select $1::uuid, d, case when d = $2::uuid then 'LEAD' else 'PARTICIPANT' end::"ParticipantRole", 'ACCEPTED' from unnest($3::uuid[]) d`,
    [id, depIds[0], `{${depIds.join(',')}}`],
  );
  return id;
}

async function bench(kind: 'postgres' | 'pglite') {
  console.log(`\n== ${kind} ==`);
  let db: Database;
  let drop = async () => {};
  if (kind === 'postgres') {
    const name = KEEP || `ssj_bench_draw_${process.pid}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    const exists = (await admin.query(`select 1 from pg_database where datname = $1`, [name])).rows.length > 0;
    if (!KEEP) await admin.query(`drop database if exists ${name}`);
    if (!KEEP || !exists) await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(PG_URL);
    u.pathname = `/${name}`;
    db = await openDatabase({ url: u.toString() });
    drop = async () => {
      await db.close();
      if (KEEP) return;
      const a = new pg.Client({ connectionString: PG_URL });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    };
  } else {
    db = await openDatabase({ dataDir: PGLITE_DIR || 'memory://' });
    drop = () => db.close();
  }
  useDatabase(db);
  cpuDb = db;
  try {
    const { depIds } = await generate(db);
    let year = 2030;
    for (const ratios of RATIO_SETS)
      for (let r = 0; r < RUNS; r++) {
        const taskId = await task(db, depIds, year++, ratios);
        const [c, commitMs, commitCpu] = await timed(() => commitTargetDraw(ctx, { taskId, publicInputSource: 'bench' }));
        const [, revealMs, revealCpu] = await timed(() => revealDraw(ctx, c.drawId, `bench-${r}`));
        const [, lockMs, lockCpu] = await timed(() => lockDraw(ctx, c.drawId));
        const d = await db.prisma.draw.findUniqueOrThrow({ where: { id: c.drawId }, select: { candidateCount: true, selectedCount: true } });
        console.log(
          `  target draw (${ratios.join('/')} bp) run ${r + 1}: ${d.candidateCount.toLocaleString('en')} candidates → ${d.selectedCount!.toLocaleString('en')} selected; ` +
            `commit ${commitMs} ms, reveal ${revealMs} ms, lock ${lockMs} ms, total ${commitMs + revealMs + lockMs} ms ` +
            `(CPU ${commitCpu} + ${revealCpu} + ${lockCpu} = ${commitCpu + revealCpu + lockCpu} ms; load ${load()})`,
        );
      }
    for (const size of POOLS) {
      await db.raw.query(`update inspector set active = (substring(certificate_no from 10)::int <= $1)`, [size]);
      for (let r = 0; r < RUNS; r++) {
        // earlier runs' teams count as inspections of "last year": a fresh 365-day window for every run (otherwise the
        // targets the runs share exclude more and more inspectors, until a department cannot serve one)
        await db.raw.query(`update draw set locked_at = locked_at - interval '2 years' where kind = 'INSPECTOR' and status = 'LOCKED'`);
        const taskId = await task(db, depIds, year++);
        const c = await commitTargetDraw(ctx, { taskId, publicInputSource: 'bench', stratified: false, counts: [{ stratum: 'ALL', count: INSPECTOR_TARGETS }] });
        await revealDraw(ctx, c.drawId, `bench-${r}`);
        await lockDraw(ctx, c.drawId);
        const [ci, commitMs, commitCpu] = await timed(() => commitInspectorDraw(ctx, { taskId, publicInputSource: 'bench' }));
        const [, revealMs, revealCpu] = await timed(() => revealDraw(ctx, ci.drawId, `bench-i-${r}`));
        const [, lockMs, lockCpu] = await timed(() => lockDraw(ctx, ci.drawId));
        const d = await db.prisma.draw.findUniqueOrThrow({ where: { id: ci.drawId }, select: { candidateCount: true, selectedCount: true } });
        console.log(
          `  inspector draw (${size} per department) run ${r + 1}: ${INSPECTOR_TARGETS.toLocaleString('en')} targets × 3 departments (${d.candidateCount} inspectors available) → ` +
            `${d.selectedCount!.toLocaleString('en')} seats; commit ${commitMs} ms, reveal (matching) ${revealMs} ms, lock ${lockMs} ms ` +
            `(CPU ${commitCpu} + ${revealCpu} + ${lockCpu} ms; load ${load()})`,
        );
      }
    }
  } finally {
    await drop();
  }
}

const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

console.log(`draw benchmark: ${TARGETS.toLocaleString('en')} candidates, ${RUNS} runs; node ${process.version}, ${os.cpus().length} CPUs, load ${load()}`);
if (WHICH === 'both' || WHICH === 'pg') await bench('postgres');
if (WHICH === 'both' || WHICH === 'pglite') await bench('pglite');
console.log(`\nload average at the end: ${load()}`);
