// Load (issue 9, docs/BENCHMARKS.md "Load"): mixed traffic from concurrent clients against two server processes
// that share one PostgreSQL, behind a small round-robin proxy on loopback; then every write is checked against the
// database (no lost writes) and the audit chain is verified. Exits 1 on any error or mismatch.
//
//   pnpm exec tsx bench/load.ts [--seconds 60] [--clients 50] [--record-tasks 40]
//
// Traffic: each client loops — 75 % reads as the office or a department (tasks list with participants and
// departments, target search, public results, the work queue, draws), 25 % record work units (save the record
// 联合抽查情况记录表 of one drawn target, enter the department's results, publish its part: three mutations with
// idempotency keys); one task's target draw per second (commit, reveal with a public input, lock) on its own loop.
// Data: a fresh database `ssj_load` with the demo (5,000 targets, users), READY tasks for the draws, and tasks
// advanced through both draws to DISPATCHED for the record work.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { openDatabase, useDatabase } from '../server/src/db/database.ts';
import { seedDemo } from '../server/src/db/seed.ts';
import { seedDemoUsers } from '../server/src/modules/access/demo-users.ts';
import { GraphQLClient, freshDatabase, loadAverage, option, percentile, startProxy, startServer, verifyAudit } from './cluster.ts';

const SECONDS = Number(option('seconds', '60'));
const CLIENTS = Number(option('clients', '50'));
const RECORD_TASKS = Number(option('record-tasks', '40'));
const TARGETS_PER_RECORD_TASK = 10;
const DRAW_TASKS = SECONDS + 10;
const PORTS = [4201, 4202];
const PROXY = 4200;
const TODAY = new Date().toISOString().slice(0, 10);
const YEAR = Number(TODAY.slice(0, 4));
let URL_LOAD = '';

// ── set-up ──
async function prepareDatabase(): Promise<{ department: string; items: string[] }> {
  URL_LOAD = await freshDatabase('ssj_load');
  const db = useDatabase(await openDatabase({ url: URL_LOAD, poolSize: 2 }));
  try {
    await seedDemo(db, {});
    await seedDemoUsers();
    const raw = db.raw;
    const { rows: dep } = await raw.query<{ id: string }>(`select d.id::text from department d join app_user u on u.department_id = d.id where u.username = 'yjgl'`);
    const department = dep[0]!.id;
    const { rows: items } = await raw.query<{ id: string }>(`select id::text from check_item where department_id = $1::uuid and active order by code limit 2`, [department]);
    // READY single-department tasks: the department fills two seats per target (docs/DRAW.md)
    const total = RECORD_TASKS + DRAW_TASKS;
    await raw.query(
      `insert into task (code, name, year, mode, lead_department_id, status, window_start, window_end, inspection_end_on, publication_due_on,
                         stratified, ratio_a_bp, ratio_b_bp, ratio_c_bp, ratio_d_bp, pool_ids, updated_at)
       select 'LOAD-' || lpad(g::text, 4, '0'), '负载测试任务' || g, $2::int, 'RISK_BASED', $1::uuid, 'READY',
              make_date($2::int, 1, 1), make_date($2::int, 12, 31), make_date($2::int, 12, 31), make_date($2::int + 1, 1, 29),
              false, 100, 100, 100, 100, '{}', now()
         from generate_series(1, $3::int) g`,
      [department, YEAR, total],
    );
    await raw.query(
      `insert into task_participant (task_id, department_id, role, acceptance) select id, $1::uuid, 'LEAD', 'ACCEPTED' from task where code like 'LOAD-%'`,
      [department],
    );
    await raw.query(
      `insert into task_item (task_id, department_id, check_item_id) select t.id, $1::uuid, i from task t cross join unnest($2::uuid[]) i where t.code like 'LOAD-%'`,
      [department, `{${items.map((i) => i.id).join(',')}}`],
    );
    await raw.exec('analyze');
    return { department, items: items.map((i) => i.id) };
  } finally {
    await db.close();
  }
}

// ── client ──
const client = new GraphQLClient(PROXY, CLIENTS + 10);
const { samples, failures } = client;
const gql = client.gql.bind(client);
const login = (username: string, password: string) => client.login(username, password);

async function runDraw(cookie: string, taskId: string, kind: 'TARGET' | 'INSPECTOR', label: string): Promise<boolean> {
  const commit =
    kind === 'TARGET'
      ? await gql<{ c: { draw: { id: string } } }>(`${label}:commit`, cookie, `mutation($t: ID!) { c: commitTargetDraw(taskId: $t, publicInputSource: "负载测试", stratified: false, counts: [{ stratum: ALL, count: ${TARGETS_PER_RECORD_TASK} }]) { draw { id } } }`, { t: taskId })
      : await gql<{ c: { draw: { id: string } } }>(`${label}:commit`, cookie, `mutation($t: ID!) { c: commitInspectorDraw(taskId: $t, publicInputSource: "负载测试") { draw { id } } }`, { t: taskId });
  if (!commit) return false;
  const id = commit.c.draw.id;
  if (!(await gql(`${label}:reveal`, cookie, `mutation($d: ID!, $p: String!) { revealDraw(drawId: $d, publicInput: $p) { id } }`, { d: id, p: randomUUID() }))) return false;
  return !!(await gql(`${label}:lock`, cookie, `mutation($d: ID!) { lockDraw(drawId: $d) { id status } }`, { d: id }));
}

const READS: [string, string][] = [
  ['read:tasks', `{ tasks(perPage: 25) { totalCount nodes { code name status participants { role acceptance department { name } } } } }`],
  ['read:targets', `{ targets(perPage: 25, filter: { q: "海阳" }) { totalCount nodes { uscc name riskClass } } }`],
  ['read:publicResults', `{ publicResults(perPage: 25) { nodes { taskCode departmentName targetUscc checkItemName code correctedCode } } }`],
  ['read:myWork', `{ myWork(limit: 20) { totalCount items { kind title dueOn overdue } } }`],
  ['read:draws', `{ draws(perPage: 25) { totalCount nodes { id status kind candidateCount selectedCount } } }`],
];

// ── main ──
const load1 = loadAverage;
console.log(`load: ${SECONDS} s, ${CLIENTS} clients, 2 servers behind a round-robin proxy, one PostgreSQL; node ${process.version}, ${os.cpus().length} CPUs, load ${load1()}`);
const { department, items } = await prepareDatabase();
const servers = await Promise.all(PORTS.map((port) => startServer({ port, databaseUrl: URL_LOAD })));
const proxy = await startProxy(PROXY, PORTS);
let exitCode = 0;
try {
  const office = await login('office', 'Office#2026demo');
  const yjgl = await login('yjgl', 'Yjgl#2026demo');
  const check = new pg.Client({ connectionString: URL_LOAD });
  await check.connect();
  const { rows: tasks } = await check.query<{ id: string; code: string }>(`select id::text, code from task where code like 'LOAD-%' order by code`);
  const recordTasks = tasks.slice(0, RECORD_TASKS);
  const drawTasks = tasks.slice(RECORD_TASKS);

  // record tasks through both draws (not measured)
  const t0 = performance.now();
  // one after the other: inspector draws running side by side on tasks that share a target may match one inspector
  // to it twice, and the second lock is then refused (the double-booking rule) — correct, but not set-up material
  for (const t of recordTasks)
    if (!(await runDraw(yjgl, t.id, 'TARGET', 'setup')) || !(await runDraw(yjgl, t.id, 'INSPECTOR', 'setup'))) throw new Error(`set-up of ${t.code} failed: ${failures.slice(-1)[0]}`);
  const { rows: units } = await check.query<{ task: string; target: string; inspectors: string[] }>(
    `select a.task_id::text as task, a.target_id::text as target, array_agg(a.inspector_id::text order by a.role, a.inspector_id) as inspectors
       from inspector_assignment a join task t on t.id = a.task_id where t.code like 'LOAD-%' group by a.task_id, a.target_id order by random()`,
  );
  console.log(`  set-up: ${recordTasks.length} tasks dispatched (${units.length} record work units), ${drawTasks.length} READY tasks for draws, in ${Math.round(performance.now() - t0)} ms`);
  samples.length = 0;
  failures.length = 0;

  const ok = { saves: new Set<string>(), results: new Set<string>(), publishes: new Set<string>(), locks: 0 };
  const deadline = Date.now() + SECONDS * 1000;
  const queue = [...units];
  const client = async (n: number) => {
    while (Date.now() < deadline) {
      const unit = Math.random() < 0.25 ? queue.pop() : undefined;
      if (!unit) {
        const [kind, q] = READS[Math.floor(Math.random() * READS.length)]!;
        await gql(kind, n % 2 ? office : yjgl, q);
        continue;
      }
      const saved = await gql<{ saveRecord: { id: string } }>('write:saveRecord', yjgl, `mutation($i: SaveRecordInput!, $k: String) { saveRecord(input: $i, idempotencyKey: $k) { id } }`, {
        k: randomUUID(),
        i: { taskId: unit.task, targetId: unit.target, inspectedOn: TODAY, inspectorIds: unit.inspectors, methods: ['ON_SITE'], onSite: true, signatureStatus: 'SIGNED', signatoryName: '负责人', disposalOpinion: '无' },
      });
      if (!saved) continue;
      ok.saves.add(saved.saveRecord.id);
      const entered = await gql('write:enterItemResults', yjgl, `mutation($r: ID!, $x: [ItemResultInput!]!, $k: String) { enterItemResults(recordId: $r, results: $x, idempotencyKey: $k) { id status } }`, {
        r: saved.saveRecord.id,
        k: randomUUID(),
        x: items.map((checkItemId, i) => ({ checkItemId, code: [1, 9, 5, 2][(i + unit.target.charCodeAt(0)) % 4] })),
      });
      if (!entered) continue;
      ok.results.add(saved.saveRecord.id);
      const published = await gql<{ publishRecordPart: { id: string } }>('write:publishRecordPart', yjgl, `mutation($r: ID!, $k: String) { publishRecordPart(recordId: $r, idempotencyKey: $k) { id } }`, { r: saved.saveRecord.id, k: randomUUID() });
      if (published) ok.publishes.add(published.publishRecordPart.id);
    }
  };
  const drawer = async () => {
    for (const t of drawTasks) {
      if (Date.now() >= deadline) break;
      const started = Date.now();
      if (await runDraw(yjgl, t.id, 'TARGET', 'draw')) ok.locks++;
      await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (Date.now() - started))));
    }
  };
  const tRun = performance.now();
  await Promise.all([drawer(), ...Array.from({ length: CLIENTS }, (_, n) => client(n))]);
  const elapsed = (performance.now() - tRun) / 1000;

  // ── results ──
  const pct = percentile;
  const kinds = [...new Set(samples.map((s) => s.kind.split(':')[0]))];
  console.log(`  ${samples.length} requests in ${elapsed.toFixed(1)} s = ${(samples.length / elapsed).toFixed(0)} req/s; errors ${failures.length}; load ${load1()}`);
  for (const k of kinds) {
    const ms = samples.filter((s) => s.kind.startsWith(`${k}:`)).map((s) => s.ms);
    console.log(`  ${k.padEnd(6)} ${String(ms.length).padStart(6)} requests  p50 ${pct(ms, 50).toFixed(0).padStart(5)} ms  p99 ${pct(ms, 99).toFixed(0).padStart(5)} ms`);
  }
  const all = samples.map((s) => s.ms);
  console.log(`  all    ${String(all.length).padStart(6)} requests  p50 ${pct(all, 50).toFixed(0).padStart(5)} ms  p99 ${pct(all, 99).toFixed(0).padStart(5)} ms`);

  // no lost writes: every acknowledged write is in the database, and nothing more
  const q1 = await check.query<{ records: number; complete: number; pubs: number; locks: number }>(
    `select (select count(*)::int from inspection_record r join task t on t.id = r.task_id where t.code like 'LOAD-%') as records,
            (select count(*)::int from inspection_record r join task t on t.id = r.task_id where t.code like 'LOAD-%' and r.status = 'COMPLETE') as complete,
            (select count(*)::int from publication p join inspection_record r on r.id = p.record_id join task t on t.id = r.task_id where t.code like 'LOAD-%') as pubs,
            (select count(*)::int from draw d join task t on t.id = d.task_id where t.code like 'LOAD-%' and d.kind = 'TARGET' and d.status = 'LOCKED') - ${recordTasks.length} as locks`,
  );
  const db = q1.rows[0]!;
  console.log(`  acknowledged: ${ok.saves.size} records, ${ok.results.size} with results, ${ok.publishes.size} publications, ${ok.locks} draws locked`);
  console.log(`  in database:  ${db.records} records, ${db.complete} complete, ${db.pubs} publications, ${db.locks} draws locked`);
  const lost = db.records !== ok.saves.size || db.complete !== ok.results.size || db.pubs !== ok.publishes.size || db.locks !== ok.locks;
  await check.end();
  const chain = await verifyAudit(URL_LOAD);
  console.log(`  audit chain: ${chain.ok ? 'OK' : `BROKEN at ${chain.firstBrokenId}`} (${chain.checked} events)`);
  if (failures.length) console.log(`  first errors:\n    ${failures.slice(0, 5).join('\n    ')}`);
  if (failures.length || lost || !chain.ok) exitCode = 1;
  console.log(exitCode ? 'FAILED' : 'OK: 0 errors, 0 lost writes, audit chain verified');
} finally {
  proxy.close();
  for (const s of servers) s.child.kill('SIGTERM');
  client.close();
}
process.exit(exitCode);
