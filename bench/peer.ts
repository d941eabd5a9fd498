// Peer comparison (docs/BENCHMARKS.md, "Peer comparison"): our server and PostGraphile 5 serving the same PostgreSQL
// database and data, the same nested reads measured side by side in one run with autocannon, plus our server against a
// bare graphql-js server on a database-free query (the framework's own overhead).
//
//   pnpm exec tsx bench/peer.ts [--duration 20] [--connections 10] [--tasks 100] [--only tasks,draw,hello] [--cpu-prof DIR]
//
// Data: a fresh database `ssj_peer` (dropped and recreated), the demo registers (5,000 targets), N tasks with 3
// participating departments each, and one locked draw of 100 targets. Reads:
//   tasks:  100 tasks × participants × department            (ours: tasks(perPage: 100) …; peer: allTasks(first: 100) …)
//   draw:   one draw × its 100 targets × target               (ours: draw(id) { targets(first: 100) … }; peer: drawById …)
//   hello:  a database-free field                             (ours: serverInfo { version }; bare graphql-js: { hello })
// Both servers run as separate processes with 10 database connections each and production settings; the load
// generator runs in this process. Each pair is measured alternately (ours, peer, ours, peer) and the better of the two
// runs of each is kept, so a burst of other load on the machine does not decide the comparison.
// For each run it also prints the server process's CPU time per request (utime + stime from /proc, over the whole run;
// PostgreSQL's own CPU is not in it). `--cpu-prof DIR` starts our server with `node --cpu-prof` and writes its profile
// into DIR when the bench ends.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { buildSchema, graphql } from 'graphql';
import pg from 'pg';
import { openDatabase, REPO_ROOT } from '../server/src/db/database.ts';
import { seedDemo } from '../server/src/db/seed.ts';
import { processCpuMs } from './data.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : dflt;
};
const DURATION = Number(opt('duration', '20'));
const CONNECTIONS = Number(opt('connections', '10'));
const TASKS = Number(opt('tasks', '100'));
const ONLY = opt('only', 'tasks,draw,hello').split(',');
const CPU_PROF = opt('cpu-prof', '');
const BASE = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const dbUrl = (name: string) => Object.assign(new URL(BASE), { pathname: `/${name}` }).toString();
const URL_PEER = dbUrl('ssj_peer');

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: dbUrl('postgres') });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function prepare(): Promise<{ drawId: string; cookie: string }> {
  await admin('drop database if exists ssj_peer with (force)');
  await admin('create database ssj_peer');
  const db = await openDatabase({ url: URL_PEER, poolSize: 2 });
  try {
    await seedDemo(db, { targets: 5000 });
    const raw = db.raw;
    const { rows: deps } = await raw.query<{ id: string }>(`select id::text from department order by code limit 3`);
    const depIds = deps.map((d) => d.id);
    await raw.query(
      `insert into task (code, name, year, mode, lead_department_id, status, window_start, window_end, inspection_end_on, stratified,
                         ratio_a_bp, ratio_b_bp, ratio_c_bp, ratio_d_bp, pool_ids, updated_at)
       select 'PEER-' || g, '对比任务' || g, 2026, 'RISK_BASED', $1::uuid, 'READY', '2026-04-01', '2026-06-30', '2026-06-30', true, 300, 500, 1000, 2000, '{}', now()
         from generate_series(1, $2::int) g`,
      [depIds[0], TASKS],
    );
    await raw.query(
      `insert into task_participant (task_id, department_id, role, acceptance)
       select t.id, d, case when d = $1::uuid then 'LEAD' else 'PARTICIPANT' end::"ParticipantRole", 'ACCEPTED'
         from task t cross join unnest($2::uuid[]) d where t.code like 'PEER-%'`,
      [depIds[0], `{${depIds.join(',')}}`],
    );
    const { rows: d } = await raw.query<{ id: string }>(
      `insert into draw (task_id, kind, status, stratified, params, candidate_count, candidate_hash, commitment, server_seed, public_input_source, public_input, seed, result_hash, selected_count, revealed_at, locked_at)
       select id, 'TARGET', 'LOCKED', false, '{}', 5000, repeat('a', 64), repeat('b', 64), repeat('c', 64), 'bench', 'bench', repeat('d', 64), repeat('e', 64), 100, now(), now()
         from task where code = 'PEER-1' returning id::text`,
    );
    const drawId = d[0]!.id;
    await raw.query(
      `insert into draw_target (draw_id, target_id, uscc, stratum, rank, ticket, year)
       select $1::uuid, id, uscc, 'ALL', row_number() over (order by uscc), encode(sha256(uscc::bytea), 'hex'), 2026 from (select id, uscc from target order by uscc limit 100) t`,
      [drawId],
    );
    // an office session for our server (PostGraphile has no authorisation layer in this setup: it reads as the database owner)
    const token = randomBytes(32).toString('base64url');
    const { rows: u } = await raw.query<{ id: string }>(
      `insert into app_user (username, display_name, password_hash, role, department_id, updated_at)
       values ('bench-office', '基准', 'not-used', 'OFFICE_ADMIN', $1::uuid, now()) returning id::text`,
      [depIds[0]],
    );
    await raw.query(`insert into session (id, user_id, expires_at) values ($1, $2::uuid, now() + interval '8 hours')`, [
      createHash('sha256').update(token).digest('hex'),
      u[0]!.id,
    ]);
    // draw_target's references are checked by statement triggers, not foreign keys (migration of cef8186), so
    // PostGraphile's reflection needs them declared as smart tags to offer draw → targets → target
    await raw.exec(`comment on table draw_target is E'@foreignKey (draw_id) references draw (id)\\n@foreignKey (target_id) references target (id)'`);
    await raw.exec('analyze');
    return { drawId, cookie: `ssj_session=${token}` };
  } finally {
    await db.close();
  }
}

const outputs = new Map<number, () => string>();
function start(name: string, cmd: string, argv: string[], env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(cmd, argv, { cwd: REPO_ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  outputs.set(port, () => out);
  if (child.pid) pids.set(port, child.pid);
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const poll = () => {
      const req = http.request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume();
        resolve(child);
      });
      req.on('error', () => {
        if (child.exitCode !== null || Date.now() - t0 > 120_000) reject(new Error(`${name} did not start:\n${out}`));
        else setTimeout(poll, 300);
      });
      req.end('{"query":"{ __typename }"}');
    };
    poll();
  });
}

/** A bare graphql-js server: the same Node http, JSON parsing and graphql() execution, no framework. */
function bareServer(port: number): Promise<http.Server> {
  const schema = buildSchema('type Query { hello: String! }');
  const root = { hello: () => 'world' };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', async () => {
      const { query, variables } = JSON.parse(body || '{}');
      const result = await graphql({ schema, source: query, rootValue: root, variableValues: variables });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(result));
    });
  });
  return new Promise((r) => server.listen(port, '127.0.0.1', () => r(server)));
}

async function check(port: number, query: string, headers: Record<string, string>): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as { errors?: unknown[]; data?: unknown };
  if (body.errors) throw new Error(`port ${port}: ${JSON.stringify(body.errors).slice(0, 500)}\n${outputs.get(port)?.().slice(-3000) ?? ''}`);
  const size = JSON.stringify(body.data).length;
  console.log(`  checked port ${port}: ${size} bytes of data`);
}

interface Result {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU ms per request of the server process (null: the server runs in this process) */
  cpuMs: number | null;
  /** CPU ms per request of the PostgreSQL backends connected to ssj_peer (the other server's pool idles meanwhile) */
  pgCpuMs: number | null;
}

const cpuOf = processCpuMs;
const pids = new Map<number, number>();

/** CPU ms of every PostgreSQL backend connected to ssj_peer, by pid (the backends of both servers' pools). */
async function backendCpu(): Promise<Map<number, number>> {
  const c = new pg.Client({ connectionString: dbUrl('postgres') });
  await c.connect();
  try {
    const { rows } = await c.query<{ pid: number }>(`select pid from pg_stat_activity where datname = 'ssj_peer'`);
    return new Map(rows.map((r) => [r.pid, cpuOf(r.pid) ?? 0]));
  } finally {
    await c.end();
  }
}
const pgDelta = (before: Map<number, number>, after: Map<number, number>) => [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);

async function load(port: number, query: string, headers: Record<string, string>): Promise<Result> {
  const pg0 = await backendCpu();
  const cpu0 = cpuOf(pids.get(port));
  const r = await autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
    connections: CONNECTIONS,
    duration: DURATION,
  });
  const cpu1 = cpuOf(pids.get(port));
  const pg1 = await backendCpu();
  const n = r.requests.total;
  const cpuMs = cpu0 !== null && cpu1 !== null && n > 0 ? (cpu1 - cpu0) / n : null;
  const pgCpuMs = n > 0 && pg1.size > 0 ? pgDelta(pg0, pg1) / n : null;
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx, cpuMs, pgCpuMs };
}

const fmt = (r: Result) =>
  `${r.rps.toFixed(0).padStart(6)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms  errors ${r.errors}` +
  (r.cpuMs !== null ? `  CPU ${r.cpuMs.toFixed(2)} ms/req` : '') +
  (r.pgCpuMs !== null ? ` (+ PostgreSQL ${r.pgCpuMs.toFixed(2)})` : '');
const load1 = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

console.log(`peer comparison: ${DURATION} s × ${CONNECTIONS} connections per run; node ${process.version}, ${os.cpus().length} CPUs, load ${load1()}`);
const { drawId, cookie } = await prepare();
const profArgs = CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(CPU_PROF)] : [];
const ours = await start('our server', process.execPath, [...profArgs, '--import', 'tsx', path.join('server', 'src', 'main.ts')], { DATABASE_URL: URL_PEER, NODE_ENV: 'production', LOG_LEVEL: 'warn', GRAPHQL_PLAYGROUND: 'false' }, 4101);
const peer = await start('postgraphile', process.execPath, [path.join('bench', 'postgraphile-server.mjs')], { DATABASE_URL: URL_PEER }, 4102);
const bare = await bareServer(4103);
const H = { cookie };
const CASES = [
  {
    key: 'tasks',
    name: 'tasks × participants × department (100 tasks)',
    ours: [4101, `{ tasks(perPage: 100) { nodes { code name participants { role department { name } } } } }`, H],
    peer: [4102, `{ allTasks(first: 100) { nodes { code name taskParticipantsByTaskId { nodes { role departmentByDepartmentId { name } } } } } }`, {}],
  },
  {
    key: 'draw',
    name: 'draw × targets × target (100 targets)',
    ours: [4101, `{ draw(id: "${drawId}") { id targets(first: 100) { rank stratum target { name uscc } } } }`, H],
    peer: [4102, `{ drawByRowId(rowId: "${drawId}") { id drawTargetsByDrawId(first: 100) { nodes { rank stratum targetByTargetId { name uscc } } } } }`, {}],
  },
  {
    key: 'hello',
    name: 'database-free field (framework overhead)',
    ours: [4101, `{ serverInfo { version } }`, {}],
    peer: [4103, `{ hello }`, {}],
    peerName: 'bare graphql-js',
  },
] as const;
const selected = CASES.filter((c) => ONLY.includes(c.key));
try {
  for (const c of selected) {
    await check(...(c.ours as unknown as [number, string, Record<string, string>]));
    await check(...(c.peer as unknown as [number, string, Record<string, string>]));
  }
  console.log('');
  for (const c of selected) {
    const o: Result[] = [];
    const p: Result[] = [];
    for (let i = 0; i < 2; i++) {
      o.push(await load(...(c.ours as unknown as [number, string, Record<string, string>])));
      p.push(await load(...(c.peer as unknown as [number, string, Record<string, string>])));
    }
    const best = (rs: Result[]) => rs.reduce((a, b) => (b.rps > a.rps ? b : a));
    const bo = best(o);
    const bp = best(p);
    console.log(`${c.name}`);
    const runs = (rs: Result[]) => rs.map((r) => r.rps.toFixed(0) + (r.cpuMs !== null ? ` @ ${r.cpuMs.toFixed(2)} ms` : '')).join(', ');
    console.log(`  ours                ${fmt(bo)}   (runs: ${runs(o)})`);
    console.log(`  ${('peerName' in c ? c.peerName : 'PostGraphile 5').padEnd(19)} ${fmt(bp)}   (runs: ${runs(p)})`);
    console.log(`  ratio ours/theirs   ${(bo.rps / bp.rps).toFixed(2)}×   (load ${load1()})\n`);
  }
} finally {
  const exited = new Promise((r) => ours.once('exit', r));
  ours.kill('SIGTERM');
  peer.kill('SIGTERM');
  bare.close();
  if (CPU_PROF) await exited; // the profile is written as the process exits
}
