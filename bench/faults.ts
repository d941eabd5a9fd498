// Fault injection (docs/BENCHMARKS.md "Faults", docs/OPERATIONS.md): servers killed with SIGKILL in the middle of a
// draw, PostgreSQL stopped and started under load, the embedded PGlite server killed in the middle of writes. Exits 1
// on any violation.
//
//   pnpm exec tsx bench/faults.ts [--scenario draw-kill|pg-restart|pglite-kill|all] [--rounds 3] [--seed N]
//        draw-kill: [--targets 200000] [--ratio-bp 500] [--inspectors 40] [--steps commitTarget,revealTarget,…] (where to kill; default all six)
//        pg-restart: [--clients 6] [--outage-ms 3000]
//
// draw-kill — a fresh database on the machine's PostgreSQL with --targets generated in SQL (the formula of
//   bench/draw.ts) in one pool, three departments of --inspectors each. One calibration draw measures each step; then
//   every round takes a new task through commitTargetDraw, revealDraw, lockDraw and the inspector draw's three steps,
//   and during each step kills the server (SIGKILL) after a random delay within that step's measured time, starts it
//   again and checks: no partial draw (a COMMITTED draw has no selection rows; a REVEALED or LOCKED one has exactly
//   selectedCount rows and its evidence verifies — the logic of `pnpm verify-draw`), at most one draw in progress,
//   the task's status agrees with its LOCKED draws, a step acknowledged before the kill is in the database, the audit
//   chain verifies. A step that did not happen is done again; odd rounds void the target draw left after the reveal's
//   kill and draw again, so every round ends with the draw completed (both LOCKED, evidence verified).
// pg-restart — a private PostgreSQL 15 cluster (initdb as the `postgres` OS user in a temp folder, its own port and
//   socket; the machine's PostgreSQL is never touched), two servers behind the proxy and --clients clients of mixed
//   reads and createTarget writes. Each round stops the cluster (`pg_ctl stop -m fast`, then `-m immediate`, in turn),
//   keeps it down for --outage-ms, starts it, and then `pg_ctl restart` in the same mode. During an outage both
//   servers' /readyz answer 503 with a typed body within 5 s, and every GraphQL answer is HTTP 200 with a typed
//   error (SERVICE_UNAVAILABLE) and no internals, within 15 s; afterwards both servers — the same processes — answer
//   /readyz 200 and serve reads and writes again; every acknowledged write is in the database exactly once and the
//   audit chain verifies. The cluster is removed at the end, also on failure.
// pglite-kill — one embedded server on a new DATA_DIR (seeded with the demo on its first start) under a stream of
//   createTarget writes from four clients; SIGKILL at a random moment; start again on the same folder: it must open
//   without seeding again, with every acknowledged write present and the audit chain verified. Several rounds on the
//   same folder.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { mulberry32, targetsSql } from './data.ts';
import { openDatabase, useDatabase } from '../server/src/db/database.ts';
import { verifyAuditChain } from '../server/src/modules/audit/audit.service.ts';
import { verifyEvidence, type DrawEvidence } from '../server/src/modules/draw/draw.algorithm.ts';
import { makeUscc } from '../server/src/shared/uscc.ts';
import { makeDepartment, makeTask, type DrawDepartment } from '../test/fixtures/draws.ts';
import { LEAK_RE } from '../test/fuzz/graphql-fuzzer.ts';
import { userActor } from '../test/helpers/auth.ts';
import {
  BASE_URL,
  GraphQLClient,
  dbUrl,
  dropDatabase,
  freePort,
  freshDatabase,
  loadAverage,
  median,
  option,
  probe,
  startProxy,
  startServer,
  verifyAudit,
  type GqlResponse,
  type ServerProcess,
} from './cluster.ts';

const SCENARIO = option('scenario', 'all');
const ROUNDS = Number(option('rounds', '3'));
const SEED = Number(option('seed', String(Math.floor(Math.random() * 1e9))));
const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const YEAR = Number(TODAY.slice(0, 4));

const rand = mulberry32(SEED);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const violations: string[] = [];
const violate = (scenario: string, what: string, detail: unknown = '') => {
  const line = `${scenario}: ${what}${detail === '' ? '' : ` ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`}`.slice(0, 700);
  violations.push(line);
  if (violations.length <= 25) console.log(`    VIOLATION ${line}`);
  else if (violations.length === 26) console.log('    (further violations counted, not printed)');
};
const summary: string[] = [];

/** A typed GraphQL error with no internals, or a violation. */
function checkTypedErrors(scenario: string, r: GqlResponse, what: string) {
  if (r.status !== 200) violate(scenario, `${what}: HTTP ${r.status}`, r.text.slice(0, 200));
  for (const e of r.errors) {
    if (!e.extensions?.code || e.extensions.code === 'INTERNAL_SERVER_ERROR') violate(scenario, `${what}: untyped or internal error`, e);
    if (LEAK_RE.test(e.message)) violate(scenario, `${what}: internals in an error message`, e.message);
  }
}

/** USCCs that nothing else in these databases uses: "9137068" + 5 + seed-derived digits (GB 32100 check character). */
let usccSeq = 0;
const usccBase = 10_000_000 + (SEED % 80_000_000);
const freshUscc = () => makeUscc('9', '1', '370687', `${String((usccBase + ++usccSeq) % 100_000_000).padStart(8, '0')}X`.replace(/[^0-9A-HJ-NPQRTUWXY]/g, '0'));

const CREATE_TARGET = `mutation($i: CreateTargetInput!) { createTarget(input: $i) { id uscc } }`;
const READS = [
  `{ tasks(perPage: 10) { totalCount nodes { code status } } }`,
  `{ targets(perPage: 10, filter: { q: "故障" }) { totalCount nodes { uscc name } } }`,
  `{ draws(perPage: 10) { nodes { id status } } }`,
];

// ───────────────────────────── draw-kill ─────────────────────────────

const Q = {
  commitTarget: `mutation($t: ID!, $src: String!, $bp: Int) { r: commitTargetDraw(taskId: $t, publicInputSource: $src, stratified: false, ratioBp: $bp) { draw { id } } }`,
  commitInspector: `mutation($t: ID!, $src: String!) { r: commitInspectorDraw(taskId: $t, publicInputSource: $src) { draw { id } } }`,
  reveal: `mutation($d: ID!, $p: String!) { r: revealDraw(drawId: $d, publicInput: $p) { id status } }`,
  lock: `mutation($d: ID!) { r: lockDraw(drawId: $d) { id status } }`,
  void: `mutation($d: ID!, $why: String!) { r: voidDraw(drawId: $d, reason: $why) { id status } }`,
  evidence: `query($d: ID!) { drawEvidence(drawId: $d) }`,
};

const TARGETS_SQL = targetsSql('故障测试对象');

type Step = 'commitTarget' | 'revealTarget' | 'lockTarget' | 'commitInspector' | 'revealInspector' | 'lockInspector';
const STEPS: Step[] = ['commitTarget', 'revealTarget', 'lockTarget', 'commitInspector', 'revealInspector', 'lockInspector'];

async function drawKill() {
  const S = 'draw-kill';
  const TARGETS = Number(option('targets', '200000'));
  const RATIO_BP = Number(option('ratio-bp', '500'));
  const INSPECTORS = Number(option('inspectors', '40'));
  const name = `ssj_fault_draw_${process.pid}`;
  const KILL_AT = option('steps', STEPS.join(',')).split(',') as Step[];
  if (KILL_AT.some((st) => !STEPS.includes(st))) throw new Error(`--steps: one of ${STEPS.join(', ')}`);
  console.log(`\n── draw-kill: ${ROUNDS} rounds, ${TARGETS.toLocaleString('en')} targets, ratio ${RATIO_BP} bp, 3 × ${INSPECTORS} inspectors (${name}) ──`);
  const url = await freshDatabase(name);
  const t0 = performance.now();
  const database = useDatabase(await openDatabase({ url, poolSize: 2 }));
  const depts: DrawDepartment[] = [];
  for (let i = 0; i < 3; i++) depts.push(await makeDepartment(INSPECTORS, { codePrefix: 'FK' }));
  for (let from = 1; from <= TARGETS; from += 100_000) await database.raw.query(TARGETS_SQL, [from, Math.min(TARGETS, from + 99_999)]);
  await database.raw.query(`insert into target_pool_member (pool_id, target_id) select $1::uuid, id from target where name like '故障测试对象%'`, [depts[0]!.poolId]);
  await database.raw.exec('analyze');
  const office = await userActor('OFFICE_ADMIN', null);
  const newTask = async () =>
    (await makeTask({ lead: depts[0]!, participants: depts.slice(1), year: YEAR, window: [`${YEAR}-01-01`, TODAY], stratified: false, poolIds: [depts[0]!.poolId] })).id;
  const tasks = [await newTask()];
  for (let r = 0; r < ROUNDS; r++) tasks.push(await newTask());
  await database.close();
  console.log(`  data in ${Math.round(performance.now() - t0)} ms`);

  const port = await freePort();
  const client = new GraphQLClient(port, 8);
  const check = new pg.Pool({ connectionString: url, max: 2 });
  const q = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await check.query<T>(sql, params)).rows;
  let server: ServerProcess | undefined;
  const restarts: number[] = [];
  const kills: { step: Step; delay: number; outcome: string }[] = [];
  const cookie = office.headers.cookie!;
  const call = (query: string, vars: Record<string, unknown>) => client.request(query, vars, { cookie, timeoutMs: 300_000 });
  try {
    server = await startServer({ port, databaseUrl: url });

    const stepCall = async (step: Step, task: string, drawId: string | null, token: string) => {
      switch (step) {
        case 'commitTarget':
          return call(Q.commitTarget, { t: task, src: token, bp: RATIO_BP });
        case 'commitInspector':
          return call(Q.commitInspector, { t: task, src: token });
        case 'revealTarget':
        case 'revealInspector':
          return call(Q.reveal, { d: drawId, p: token });
        default:
          return call(Q.lock, { d: drawId });
      }
    };
    const state = async (task: string) => {
      const draws = await q<{ id: string; kind: string; status: string; selected_count: number | null; rows: number; has_snapshot: boolean; public_input_source: string; public_input: string | null }>(
        `select d.id::text, d.kind::text, d.status::text, d.selected_count, d.public_input_source, d.public_input, d.candidate_snapshot is not null as has_snapshot,
                (select count(*)::int from draw_target where draw_id = d.id) + (select count(*)::int from inspector_assignment where draw_id = d.id) as rows
           from draw d where d.task_id = $1::uuid order by d.committed_at, d.id`,
        [task],
      );
      const [t] = await q<{ status: string }>(`select status::text from task where id = $1::uuid`, [task]);
      return { draws, status: t!.status };
    };
    /** No partial draw, one in progress at most, task status consistent, revealed evidence verifies. */
    const checkState = async (task: string, label: string) => {
      const s = await state(task);
      const inProgress = s.draws.filter((d) => d.status === 'COMMITTED' || d.status === 'REVEALED');
      if (inProgress.length > 1) violate(S, `${label}: two draws in progress`, inProgress);
      for (const d of s.draws) {
        if (d.status === 'COMMITTED' && (d.rows !== 0 || !d.has_snapshot || d.public_input !== null)) violate(S, `${label}: partial COMMITTED draw`, d);
        if ((d.status === 'REVEALED' || d.status === 'LOCKED') && d.rows !== d.selected_count) violate(S, `${label}: ${d.status} draw with ${d.rows} of ${d.selected_count} rows`, d.id);
        if (d.public_input !== null && d.status !== 'VOIDED') {
          const ev = await call(Q.evidence, { d: d.id });
          const verdict = ev.data ? verifyEvidence(ev.data.drawEvidence as DrawEvidence) : null;
          if (!verdict?.ok) violate(S, `${label}: evidence of ${d.kind} draw ${d.id} does not verify`, verdict ?? ev.errors);
        }
      }
      const lockedT = s.draws.some((d) => d.kind === 'TARGET' && d.status === 'LOCKED');
      const lockedI = s.draws.some((d) => d.kind === 'INSPECTOR' && d.status === 'LOCKED');
      const expected = lockedI ? 'DISPATCHED' : lockedT ? 'DRAWN' : 'READY';
      if (s.status !== expected) violate(S, `${label}: task ${s.status}, draws say ${expected}`, s.draws.map((d) => `${d.kind}:${d.status}`));
      return s;
    };
    /** The draw a step acts on (reveal, lock) and whether the step has happened. */
    const kindOf = (step: Step) => (step.endsWith('Target') ? 'TARGET' : 'INSPECTOR');
    const done = (step: Step, s: Awaited<ReturnType<typeof state>>, token: string) => {
      const d = s.draws.filter((x) => x.kind === kindOf(step) && x.status !== 'VOIDED').at(-1);
      if (step.startsWith('commit')) return !!s.draws.find((x) => x.public_input_source === token);
      if (step.startsWith('reveal')) return d?.public_input === token;
      return d?.status === 'LOCKED';
    };
    const current = (step: Step, s: Awaited<ReturnType<typeof state>>) => s.draws.filter((x) => x.kind === kindOf(step) && x.status !== 'VOIDED').at(-1)?.id ?? null;

    // calibration: one uninterrupted draw, each step timed
    const estimate = new Map<Step, number>();
    for (const step of STEPS) {
      const s = await state(tasks[0]!);
      const token = `calibration ${step}`;
      const t = performance.now();
      const r = await stepCall(step, tasks[0]!, current(step, s), token);
      estimate.set(step, performance.now() - t);
      if (!r.data) throw new Error(`calibration ${step} failed: ${JSON.stringify(r.errors).slice(0, 300)}`);
    }
    await checkState(tasks[0]!, 'calibration');
    console.log(`  calibration (uninterrupted): ${STEPS.map((s) => `${s} ${Math.round(estimate.get(s)!)} ms`).join(', ')}`);

    for (let round = 1; round <= ROUNDS; round++) {
      const task = tasks[round]!;
      for (const step of STEPS) {
        if (!KILL_AT.includes(step)) {
          const s = await state(task);
          const r = await stepCall(step, task, current(step, s), `round ${round} ${step} (no kill)`);
          if (!r.data) violate(S, `round ${round}: ${step} refused`, r.errors);
          continue;
        }
        const before = await state(task);
        const token = `round ${round} ${step} ${SEED}`;
        const delay = Math.round(rand() * estimate.get(step)! * 1.1);
        let settled = false;
        const pending = stepCall(step, task, current(step, before), token).then((r) => ((settled = true), r));
        await sleep(delay);
        const answeredBeforeKill = settled;
        await server.kill9();
        const res = await pending;
        const t = performance.now();
        server = await startServer({ port, databaseUrl: url });
        restarts.push(performance.now() - t);
        const after = await checkState(task, `round ${round} after kill in ${step}`);
        const happened = done(step, after, token);
        if (answeredBeforeKill && res.data && !happened) violate(S, `round ${round}: ${step} acknowledged before the kill but not in the database`);
        if (answeredBeforeKill && res.errors.length) checkTypedErrors(S, res, `${step} before the kill`);
        const outcome = answeredBeforeKill ? (res.data ? 'answered before the kill' : `refused before the kill (${res.errors[0]?.extensions?.code})`) : happened ? 'committed, answer lost' : 'rolled back';
        kills.push({ step, delay, outcome });
        console.log(`  round ${round}: kill ${delay} ms into ${step} (~${Math.round(estimate.get(step)!)} ms): ${outcome}; restarted in ${Math.round(restarts.at(-1)!)} ms`);
        const redo = async (st: Step, why: string) => {
          const s = await state(task);
          const r = await stepCall(st, task, current(st, s), `${token} ${why}`);
          if (!r.data) violate(S, `round ${round}: ${st} (${why}) refused`, r.errors);
          await checkState(task, `round ${round} after ${st} (${why})`);
        };
        // odd rounds: the target draw interrupted at its reveal is voided and drawn again
        if (step === 'revealTarget' && round % 2 === 1) {
          const id = current('revealTarget', after)!;
          const v = await call(Q.void, { d: id, why: `round ${round}: voided after a kill during reveal` });
          if (v.data?.r.status !== 'VOIDED') violate(S, `round ${round}: void after the kill refused`, v.errors);
          else console.log(`  round ${round}: the target draw (${after.draws.find((d) => d.id === id)?.status}) voided after the kill; drawn again`);
          await redo('commitTarget', 'after void');
          await redo('revealTarget', 'after void');
          continue;
        }
        if (!happened) await redo(step, 'again after the kill');
      }
      const final = await checkState(task, `round ${round} end`);
      const locked = final.draws.filter((d) => d.status === 'LOCKED').length;
      if (locked !== 2 || final.status !== 'DISPATCHED') violate(S, `round ${round}: draw not completed`, final);
      const chain = await verifyAudit(url);
      if (!chain.ok) violate(S, `round ${round}: audit chain broken`, chain);
    }
    const unexpected = server.output.split('\n').filter((l) => l.includes('"msg":"unexpected error"'));
    if (unexpected.length) violate(S, 'unexpected errors in the log', unexpected.slice(0, 3));
    const outcomes = new Map<string, number>();
    for (const k of kills) outcomes.set(k.outcome.replace(/ \(.*\)/, ''), (outcomes.get(k.outcome.replace(/ \(.*\)/, '')) ?? 0) + 1);
    summary.push(
      `draw-kill: ${ROUNDS} rounds, ${kills.length} kills (${[...outcomes].map(([o, n]) => `${o} ${n}`).join(', ')}); restart to /readyz median ${Math.round(median([...restarts]))} ms (max ${Math.round(Math.max(...restarts))})`,
    );
  } finally {
    await server?.stop();
    client.close();
    await check.end();
    await dropDatabase(name);
  }
}

// ───────────────────────────── pg-restart ─────────────────────────────

const PG_BIN = '/usr/lib/postgresql/15/bin';

/** A throw-away PostgreSQL 15 cluster owned by the `postgres` OS user in a temp folder, on its own port and socket. */
async function privateCluster() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssj-pg-'));
  const data = path.join(dir, 'data');
  const port = await freePort();
  const asPostgres = (args: string[]) => {
    const r = spawnSync('runuser', ['-u', 'postgres', '--', ...args], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr || r.stdout}`);
    return r.stdout;
  };
  execFileSync('chown', ['postgres:postgres', dir]);
  fs.chmodSync(dir, 0o700);
  asPostgres([`${PG_BIN}/initdb`, '-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=60`;
  const ctl = (...args: string[]) => asPostgres([`${PG_BIN}/pg_ctl`, '-D', data, '-l', path.join(dir, 'log'), ...args]);
  const cluster = {
    dir,
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () => ctl('start', '-w', '-t', '60', '-o', opts),
    stop: (mode: 'fast' | 'immediate') => ctl('stop', '-w', '-t', '60', '-m', mode),
    restart: (mode: 'fast' | 'immediate') => ctl('restart', '-w', '-t', '60', '-m', mode, '-o', opts),
    remove() {
      spawnSync('runuser', ['-u', 'postgres', '--', `${PG_BIN}/pg_ctl`, '-D', data, 'stop', '-m', 'immediate'], { encoding: 'utf8' });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  cluster.start();
  return cluster;
}

async function pgRestart() {
  const S = 'pg-restart';
  const CLIENTS = Number(option('clients', '6'));
  const OUTAGE_MS = Number(option('outage-ms', '3000'));
  console.log(`\n── pg-restart: ${ROUNDS} rounds, ${CLIENTS} clients, outages of ${OUTAGE_MS} ms on a private cluster ──`);
  const cluster = await privateCluster();
  const removeOnExit = () => cluster.remove();
  process.once('SIGINT', removeOnExit);
  process.once('SIGTERM', removeOnExit);
  let servers: ServerProcess[] = [];
  let proxy: Awaited<ReturnType<typeof startProxy>> | undefined;
  const client = new GraphQLClient(0, CLIENTS + 8);
  try {
    console.log(`  cluster: ${cluster.dir}, port ${cluster.port}`);
    const url = await freshDatabase('ssj_fault', cluster.url);
    const database = useDatabase(await openDatabase({ url, poolSize: 2 }));
    const dep = await makeDepartment(1, { codePrefix: 'PGR' });
    const office = (await userActor('OFFICE_ADMIN', null)).headers.cookie!;
    await database.close();
    const ports = [await freePort(), await freePort()];
    const pp = await freePort();
    servers = await Promise.all(ports.map((port) => startServer({ port, databaseUrl: url })));
    const pids = servers.map((s) => s.child.pid);
    proxy = await startProxy(pp, ports);

    type Phase = 'before' | 'outage' | 'recovery' | 'after';
    let phase: Phase = 'before';
    /** moves on every phase change: a request that starts in one phase and ends in another was in flight across it */
    let epoch = 0;
    const setPhase = (p: Phase) => {
      phase = p;
      epoch++;
    };
    const acked = new Map<string, string>(); // uscc → id
    const attempted: { uscc: string; phase: Phase; ok: boolean }[] = [];
    const answers: { phase: Phase; ok: boolean; ms: number; code: string }[] = [];
    let stopLoad = false;
    const BOUND_MS = 15_000;
    const worker = async (n: number) => {
      while (!stopLoad) {
        const p0 = phase;
        const e0 = epoch;
        const write = rand() < 0.4;
        const uscc = write ? freshUscc() : '';
        const r = write
          ? await client.request(CREATE_TARGET, { i: { poolId: dep.poolId, uscc, name: `故障测试写入${uscc}`, regionCode: '370687', industryCode: 'C1391' } }, { cookie: office, port: pp, timeoutMs: 60_000 })
          : await client.request(READS[n % READS.length]!, {}, { cookie: office, port: pp, timeoutMs: 60_000 });
        const ok = r.status === 200 && !r.errors.length && !!r.data;
        // a request in flight when PostgreSQL went down (or came back) may fail like one sent during the outage
        const p: Phase = epoch === e0 ? p0 : 'outage';
        answers.push({ phase: p, ok, ms: r.ms, code: ok ? 'OK' : r.status !== 200 ? `HTTP_${r.status}` : String(r.errors[0]?.extensions?.code) });
        if (write) attempted.push({ uscc, phase: p, ok });
        if (ok && write) acked.set(uscc, r.data.createTarget.id);
        if (r.ms > BOUND_MS) violate(S, `a request took ${Math.round(r.ms)} ms (bound ${BOUND_MS})`, { phase: p });
        if (!ok) {
          checkTypedErrors(S, r, `${p} ${write ? 'write' : 'read'}`);
          if (p === 'before' || p === 'after') violate(S, `${p}: request failed`, r.errors[0] ?? r.text);
          await sleep(100); // a client backs off a little
        }
      }
    };
    const load = Promise.all(Array.from({ length: CLIENTS }, (_, n) => worker(n)));
    const readiness: { phase: string; status: number; ms: number; body: string }[] = [];
    const recoveries: number[] = [];
    const outages: string[] = [];
    try {
      await sleep(2000);
      for (let round = 1; round <= ROUNDS; round++) {
        for (const how of ['stop-start', 'restart'] as const) {
          const mode = round % 2 === 1 ? 'fast' : 'immediate';
          setPhase('outage');
          const tDown = performance.now();
          if (how === 'stop-start') {
            cluster.stop(mode);
            const until = Date.now() + OUTAGE_MS;
            while (Date.now() < until) {
              for (const port of ports) {
                const r = await probe(port, '/readyz', 10_000);
                readiness.push({ phase: 'outage', ...r });
                let body: { status?: string; code?: string } = {};
                try {
                  body = JSON.parse(r.body);
                } catch {
                  /* checked below */
                }
                if (r.status !== 503 || body.status !== 'unavailable' || body.code !== 'DATABASE_UNAVAILABLE')
                  violate(S, `round ${round} (${mode}): /readyz of ${port} during the outage answered ${r.status} ${r.body.slice(0, 120)}`);
                if (r.ms > 5000) violate(S, `round ${round}: /readyz took ${Math.round(r.ms)} ms during the outage`);
              }
              await sleep(300);
            }
            cluster.start();
          } else cluster.restart(mode);
          setPhase('recovery');
          // both servers, the same processes, ready again; then a write straight to each of them
          const tUp = performance.now();
          for (const [i, port] of ports.entries()) {
            for (;;) {
              const r = await probe(port, '/readyz', 10_000);
              if (r.status === 200) break;
              if (performance.now() - tUp > 60_000) {
                violate(S, `round ${round} (${how} -m ${mode}): server ${port} not ready 60 s after PostgreSQL came back`, r);
                break;
              }
              await sleep(100);
            }
            if (!servers[i]!.running || servers[i]!.child.pid !== pids[i]) violate(S, `server ${port} is not the same process`);
            const uscc = freshUscc();
            const w = await client.request(CREATE_TARGET, { i: { poolId: dep.poolId, uscc, name: `故障测试写入${uscc}`, regionCode: '370687', industryCode: 'C1391' } }, { cookie: office, port, timeoutMs: 60_000 });
            attempted.push({ uscc, phase: 'after', ok: !!w.data });
            if (w.data) acked.set(uscc, w.data.createTarget.id);
            else violate(S, `round ${round} (${how} -m ${mode}): first write to server ${port} after recovery failed`, w.errors[0] ?? w.text);
          }
          recoveries.push(performance.now() - tUp);
          outages.push(`${how} -m ${mode}: down ${Math.round(tUp - tDown)} ms, ready and writing ${Math.round(performance.now() - tUp)} ms after`);
          console.log(`  round ${round}: ${outages.at(-1)}`);
          setPhase('after');
          await sleep(2000);
        }
      }
    } finally {
      stopLoad = true;
      await load;
    }
    // every acknowledged write exactly once; the audit chain verifies
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    const { rows } = await check.query<{ uscc: string; n: number }>(`select uscc, count(*)::int as n from target where uscc = any($1::text[]) group by uscc`, [attempted.map((a) => a.uscc)]);
    await check.end();
    const stored = new Map(rows.map((r) => [r.uscc, r.n]));
    for (const [uscc] of acked) if (stored.get(uscc) !== 1) violate(S, `acknowledged write stored ${stored.get(uscc) ?? 0}×`, uscc);
    const failedButStored = attempted.filter((a) => !a.ok && stored.has(a.uscc)).length;
    const chain = await verifyAudit(url);
    if (!chain.ok) violate(S, 'audit chain broken', chain);
    for (const s of servers) {
      const unexpected = s.output.split('\n').filter((l) => l.includes('"msg":"unexpected error"'));
      if (unexpected.length) violate(S, `server ${s.port} logged unexpected errors`, unexpected.slice(0, 2).map((l) => l.slice(0, 300)));
    }
    const byPhase = (p: Phase) => answers.filter((a) => a.phase === p);
    const codes = new Map<string, number>();
    for (const a of answers.filter((x) => !x.ok)) codes.set(a.code, (codes.get(a.code) ?? 0) + 1);
    const outageMs = answers.filter((a) => a.phase === 'outage').map((a) => a.ms);
    console.log(
      `  ${answers.length} requests: before ${byPhase('before').length}, during outages ${byPhase('outage').length} (refused ${byPhase('outage').filter((a) => !a.ok).length}), recovering ${byPhase('recovery').length}, after ${byPhase('after').length}; refusals by code: ${[...codes].map(([c, n]) => `${c} ${n}`).join(', ') || 'none'}`,
    );
    console.log(`  answers during outages: median ${Math.round(median([...outageMs]))} ms, max ${Math.round(Math.max(0, ...outageMs))} ms; /readyz during outages: ${readiness.length} probes, max ${Math.round(Math.max(0, ...readiness.map((r) => r.ms)))} ms`);
    console.log(`  writes: ${acked.size} acknowledged, all stored once: ${[...acked.keys()].every((u) => stored.get(u) === 1)}; ${failedButStored} refused during an outage but committed; audit chain ${chain.ok ? 'OK' : 'BROKEN'} (${chain.checked} events)`);
    summary.push(`pg-restart: ${outages.join('; ')}; ${acked.size} acknowledged writes all stored; recovery median ${Math.round(median([...recoveries]))} ms`);
  } finally {
    proxy?.close();
    await Promise.all(servers.map((s) => s.stop()));
    client.close();
    cluster.remove();
    process.off('SIGINT', removeOnExit);
    process.off('SIGTERM', removeOnExit);
  }
}

// ───────────────────────────── pglite-kill ─────────────────────────────

async function pgliteKill() {
  const S = 'pglite-kill';
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssj-pglite-'));
  console.log(`\n── pglite-kill: ${ROUNDS} rounds on ${dataDir} ──`);
  const port = await freePort();
  const client = new GraphQLClient(port, 8);
  let server: ServerProcess | undefined;
  const acked = new Set<string>();
  const opens: number[] = [];
  try {
    let t = performance.now();
    server = await startServer({ port, dataDir, readyTimeoutMs: 180_000 });
    console.log(`  first start (initdb, migrations, demo seed) ${Math.round(performance.now() - t)} ms`);
    if (!server.output.includes('demo data seeded')) violate(S, 'the first start did not seed the demo');
    for (let round = 1; round <= ROUNDS; round++) {
      const office = await client.login('office', 'Office#2026demo');
      const pools = await client.request(`{ targetPools(perPage: 1) { nodes { id } } }`, {}, { cookie: office });
      const poolId = pools.data?.targetPools.nodes[0]?.id;
      if (!poolId) throw new Error(`no pool: ${JSON.stringify(pools.errors)}`);
      let stop = false;
      let sent = 0;
      const writer = async () => {
        while (!stop) {
          const uscc = freshUscc();
          sent++;
          const r = await client.request(CREATE_TARGET, { i: { poolId, uscc, name: `故障测试写入${uscc}`, regionCode: '370687', industryCode: 'C1391' } }, { cookie: office, timeoutMs: 30_000 });
          if (r.data) acked.add(uscc);
          else if (!stop && server!.running) checkTypedErrors(S, r, 'write before the kill');
        }
      };
      const writers = Array.from({ length: 4 }, writer);
      const delay = 500 + Math.round(rand() * 2500);
      await sleep(delay);
      stop = true;
      await server.kill9();
      await Promise.all(writers);
      t = performance.now();
      server = await startServer({ port, dataDir, readyTimeoutMs: 180_000 });
      opens.push(performance.now() - t);
      if (server.output.includes('demo data seeded')) violate(S, `round ${round}: the restart seeded the demo again`);
      // the server answers; then stop it (cleanly) and look at the folder directly
      const r = await client.request(`{ targets(perPage: 1) { totalCount } }`, {}, { cookie: await client.login('office', 'Office#2026demo') });
      if (!r.data) violate(S, `round ${round}: reads fail after the restart`, r.errors);
      await server.stop();
      const database = useDatabase(await openDatabase({ dataDir, migrate: false }));
      const { rows } = await database.raw.query<{ uscc: string }>(`select uscc from target where uscc = any($1::text[])`, [[...acked]]);
      const present = new Set(rows.map((x) => x.uscc));
      const missing = [...acked].filter((u) => !present.has(u));
      if (missing.length) violate(S, `round ${round}: ${missing.length} acknowledged writes missing after the kill`, missing.slice(0, 5));
      const chain = await verifyAuditChain();
      if (!chain.ok) violate(S, `round ${round}: audit chain broken`, chain);
      await database.close();
      console.log(`  round ${round}: kill ${delay} ms into the writes (${sent} sent, ${acked.size} acknowledged so far); reopened in ${Math.round(opens.at(-1)!)} ms; all acknowledged present: ${!missing.length}; audit chain ${chain.ok ? 'OK' : 'BROKEN'} (${chain.checked} events)`);
      if (round < ROUNDS) server = await startServer({ port, dataDir, readyTimeoutMs: 180_000 });
    }
    summary.push(`pglite-kill: ${ROUNDS} rounds, ${acked.size} acknowledged writes all present, reopen after kill median ${Math.round(median([...opens]))} ms`);
  } finally {
    await server?.stop();
    client.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// ───────────────────────────── main ─────────────────────────────

console.log(`faults: scenario ${SCENARIO}, ${ROUNDS} rounds, seed ${SEED}; node ${process.version}, ${os.cpus().length} CPUs, load ${loadAverage()}; PostgreSQL for draw-kill: ${dbUrl('…', BASE_URL)}`);
const t0 = performance.now();
const scenarios: Record<string, () => Promise<void>> = { 'draw-kill': drawKill, 'pg-restart': pgRestart, 'pglite-kill': pgliteKill };
const chosen = SCENARIO === 'all' ? Object.keys(scenarios) : SCENARIO.split(',');
let crashed = false;
for (const name of chosen) {
  const run = scenarios[name];
  if (!run) {
    console.error(`unknown scenario ${name}`);
    process.exit(2);
  }
  const t = performance.now();
  try {
    await run();
  } catch (e) {
    crashed = true;
    violate(name, 'scenario aborted', (e as Error).stack ?? String(e));
  }
  console.log(`  ${name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
console.log(`\n${summary.join('\n')}`);
console.log(`wall time ${((performance.now() - t0) / 1000).toFixed(1)} s; load ${loadAverage()}`);
if (violations.length || crashed) {
  console.log(`FAILED: ${violations.length} violations (seed ${SEED})`);
  process.exit(1);
}
console.log(`OK: 0 violations (seed ${SEED})`);
process.exit(0);
