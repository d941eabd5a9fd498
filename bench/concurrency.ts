// Randomized concurrency against two servers (docs/BENCHMARKS.md "Concurrency"): a seeded PRNG picks a sequence of
// operations — target draws (commit / reveal / lock / void) racing on a few tasks that share a small target pool,
// inspector draws on tasks that share targets and a few inspectors, record saves, result entry, publication of a
// record's or a task's part, correction requests and the department head's approve/reject racing each other and the
// publications, the same idempotency key sent twice at once to the two servers, and plain reads — and sends them
// through a round-robin proxy (pairs straight to the two servers) from `--concurrency` workers, as the real roles:
// the lead department's admin and head, the other departments' admins and heads, the office.
//
//   pnpm exec tsx bench/concurrency.ts [--ops 1000] [--concurrency 50] [--seed N] [--keep] [--tamper]
//
// Refusals (typed errors: CONFLICT, INVALID_TRANSITION, FORBIDDEN, NOT_FOUND, …) are expected outcomes. Every request
// is recorded (request id, actor, variables, outcome); each write carries a unique token (draw source, public input,
// void reason, record remarks, result notes, correction reason, decision note) so it can be found afterwards. Then
// the database is checked in SQL, and the script exits 1 on any violation:
//   - any HTTP status other than 200, INTERNAL_SERVER_ERROR, an error message showing internals, a transport error;
//   - draws: at most one LOCKED target draw per task and one draw in progress per task; no target in more than two
//     LOCKED target draws of a year (docs/DRAW.md); no (target, inspector) pair in two LOCKED inspector draws; a
//     COMMITTED draw has no selection, a revealed one exactly selectedCount rows; the evidence of every revealed draw
//     verifies (draw.algorithm.ts verifyEvidence, the logic of `pnpm verify-draw`);
//   - every task's status agrees with its draws, records and publications (task.state.ts); a record is COMPLETE
//     exactly when every task item has a result;
//   - no lost update: every acknowledged write is in the database exactly once and every refused one left nothing
//     (by token, in the rows and in the audit trail); the last acknowledged header / result of each record is the
//     stored one; published results never changed; one publication per (record, department), each of a complete
//     part; at most one open correction per result; a decided correction decided by exactly one acknowledged call;
//     an idempotency key sent twice produced one row and, when both were acknowledged, the same answer;
//   - the audit chain verifies, every acknowledged mutation has its audit events (or a replay event) under its
//     request id and no refused one has any (the one documented exception: a reveal refused with
//     NO_ELIGIBLE_INSPECTOR voids its draw in public, docs/DRAW.md);
// and prints the operations by kind and outcome, and the transactions the servers retried after 40001/40P01
// (their `transaction retried` log lines, server/src/shared/mutation.ts).
//
// The choice of operations is reproducible from the seed; which draw, record, result or correction an operation
// lands on is looked up when it runs (the latest draw of its task, the published results of its department, …),
// so outcomes depend on timing, as they would in production.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { openDatabase, useDatabase } from '../server/src/db/database.ts';
import { verifyEvidence, type DrawEvidence } from '../server/src/modules/draw/draw.algorithm.ts';
import { makeDepartment, makeTargets, makeTask, type DrawDepartment } from '../test/fixtures/draws.ts';
import { loadOfficialCalendar } from '../test/fixtures/tasks.ts';
import { LEAK_RE } from '../test/fuzz/graphql-fuzzer.ts';
import { userActor } from '../test/helpers/auth.ts';
import { prisma } from '../server/src/db/database.ts';
import { BASE_URL, GraphQLClient, dbUrl, dropDatabase, freePort, freshDatabase, loadAverage, option, startProxy, startServer, verifyAudit, type GqlResponse, type ServerProcess } from './cluster.ts';
import { mulberry32 } from './data.ts';

const OPS = Number(option('ops', '1000'));
const CONCURRENCY = Number(option('concurrency', '50'));
const SEED = Number(option('seed', String(Math.floor(Math.random() * 1e9))));
const KEEP = process.argv.includes('--keep');
/** --tamper: after the run, change two rows behind the servers' back (a record header, a correction's decision), so the checks must fail: the script's own test */
const TAMPER = process.argv.includes('--tamper');
const DB_NAME = `ssj_conc_${process.pid}`;
const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10); // China date
const YEAR = Number(TODAY.slice(0, 4));
const WINDOW: [string, string] = [`${YEAR}-01-01`, TODAY];
const RUN = `cc-${SEED}`;

const rand = mulberry32(SEED);

// ── the operations ──
type OpKind =
  | 'commitTarget'
  | 'commitTargetTwice'
  | 'revealTarget'
  | 'lockTarget'
  | 'voidTarget'
  | 'commitInspector'
  | 'revealInspector'
  | 'lockInspector'
  | 'voidInspector'
  | 'saveRecord'
  | 'enterResults'
  | 'publishRecordPart'
  | 'publishTaskPart'
  | 'requestCorrection'
  | 'decideCorrection'
  | 'decideRace'
  | 'idempotentPair'
  | 'read';
const WEIGHTS: [OpKind, number][] = [
  ['commitTarget', 6],
  ['commitTargetTwice', 2],
  ['revealTarget', 6],
  ['lockTarget', 6],
  ['voidTarget', 3],
  ['commitInspector', 5],
  ['revealInspector', 5],
  ['lockInspector', 5],
  ['voidInspector', 2],
  ['saveRecord', 7],
  ['enterResults', 11],
  ['publishRecordPart', 7],
  ['publishTaskPart', 3],
  ['requestCorrection', 7],
  ['decideCorrection', 6],
  ['decideRace', 2],
  ['idempotentPair', 5],
  ['read', 12],
];
const PAIRS: OpKind[] = ['commitTargetTwice', 'decideRace', 'idempotentPair'];
interface Op {
  n: number;
  kind: OpKind;
  /** the operation's own random numbers: which task, actor, record, code, … */
  r: number[];
}
/** Weights drift over the run, as work does: draws first, records in the middle, corrections towards the end. */
function weightAt(kind: OpKind, w: number, progress: number): number {
  if (/Target|Inspector/.test(kind)) return w * (1.5 - progress);
  if (kind === 'requestCorrection' || kind.startsWith('decide')) return w * 2 * progress;
  return w;
}
function chooseOps(requests: number): Op[] {
  const ops: Op[] = [];
  for (let sent = 0; sent < requests; ) {
    const weights = WEIGHTS.map(([k, w]) => [k, weightAt(k, w, sent / requests)] as const);
    let x = rand() * weights.reduce((s, [, w]) => s + w, 0);
    const kind = weights.find(([, w]) => (x -= w) < 0)?.[0] ?? 'read';
    const size = PAIRS.includes(kind) ? 2 : 1;
    if (sent + size > requests) continue;
    ops.push({ n: ops.length, kind, r: Array.from({ length: 8 }, rand) });
    sent += size;
  }
  return ops;
}
const pick = <T>(xs: readonly T[], r: number): T | undefined => (xs.length ? xs[Math.min(xs.length - 1, Math.floor(r * xs.length))] : undefined);

// ── documents ──
const Q = {
  commitTarget: `mutation($t: ID!, $src: String!) { r: commitTargetDraw(taskId: $t, publicInputSource: $src, stratified: false, counts: [{ stratum: ALL, count: 4 }]) { draw { id status } } }`,
  commitInspector: `mutation($t: ID!, $src: String!) { r: commitInspectorDraw(taskId: $t, publicInputSource: $src) { draw { id status } } }`,
  reveal: `mutation($d: ID!, $p: String!) { r: revealDraw(drawId: $d, publicInput: $p) { id status publicInput } }`,
  lock: `mutation($d: ID!) { r: lockDraw(drawId: $d) { id status } }`,
  void: `mutation($d: ID!, $why: String!) { r: voidDraw(drawId: $d, reason: $why) { id status } }`,
  save: `mutation($i: SaveRecordInput!, $k: String) { r: saveRecord(input: $i, idempotencyKey: $k) { id } }`,
  enter: `mutation($rec: ID!, $x: [ItemResultInput!]!, $k: String) { r: enterItemResults(recordId: $rec, results: $x, idempotencyKey: $k) { id status } }`,
  publishRecord: `mutation($rec: ID!, $k: String) { r: publishRecordPart(recordId: $rec, idempotencyKey: $k) { id } }`,
  publishTask: `mutation($t: ID!, $k: String) { r: publishTaskPart(taskId: $t, idempotencyKey: $k) { id } }`,
  requestCorrection: `mutation($i: RequestCorrectionInput!, $k: String) { r: requestCorrection(input: $i, idempotencyKey: $k) { id status } }`,
  decide: `mutation($c: ID!, $a: Boolean!, $note: String) { r: decideCorrection(correctionId: $c, approve: $a, note: $note) { id status } }`,
  evidence: `query($d: ID!) { drawEvidence(drawId: $d) }`,
};
const READS = [
  `{ tasks(perPage: 20) { totalCount nodes { code status participants { role department { name } } } } }`,
  `{ draws(perPage: 20) { totalCount nodes { id status kind candidateCount selectedCount } } }`,
  `{ publicResults(perPage: 20) { nodes { taskCode departmentName targetUscc code correctedCode } } }`,
  `{ myWork(limit: 20) { totalCount items { kind title dueOn overdue } } }`,
  `{ corrections(perPage: 20) { totalCount nodes { id status oldCode newCode } } }`,
];
const MUTATION_OF: Record<string, string> = {
  [Q.commitTarget]: 'commitTargetDraw',
  [Q.commitInspector]: 'commitInspectorDraw',
  [Q.reveal]: 'revealDraw',
  [Q.lock]: 'lockDraw',
  [Q.void]: 'voidDraw',
  [Q.save]: 'saveRecord',
  [Q.enter]: 'enterItemResults',
  [Q.publishRecord]: 'publishRecordPart',
  [Q.publishTask]: 'publishTaskPart',
  [Q.requestCorrection]: 'requestCorrection',
  [Q.decide]: 'decideCorrection',
};
/** The audit operations an acknowledged call of each mutation writes (at least one of them), besides `<name>:replay`. */
const AUDIT_OF: Record<string, string[]> = {
  commitTargetDraw: ['commitTargetDraw'],
  commitInspectorDraw: ['commitInspectorDraw'],
  revealDraw: ['revealDraw'],
  lockDraw: ['lockDraw'],
  voidDraw: ['voidDraw'],
  saveRecord: ['createRecord', 'updateRecord'],
  enterItemResults: ['enterItemResults'],
  publishRecordPart: ['publishRecordPart'],
  publishTaskPart: ['publishRecordPart'],
  requestCorrection: ['requestCorrection'],
  decideCorrection: ['approveCorrection', 'rejectCorrection'],
};

// ── world ──
interface Actor {
  name: string;
  cookie: string;
  userId: string;
}
interface Dept extends DrawDepartment {
  items: string[];
  admin: Actor;
  head: Actor;
}
interface Unit {
  task: string;
  target: string;
  inspectors: string[];
}
interface Req {
  op: number;
  kind: OpKind;
  mutation: string | null;
  requestId: string;
  actor: string;
  vars: Record<string, unknown>;
  token: string | null;
  key: string | null;
  pairOf: string | null;
  res: GqlResponse;
  ok: boolean;
  code: string;
}

const violations: string[] = [];
const violate = (what: string, detail: unknown) => {
  violations.push(`${what}: ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`.slice(0, 600));
};

async function setUp(url: string) {
  const database = useDatabase(await openDatabase({ url, poolSize: 4 }));
  await loadOfficialCalendar();
  const depts: Dept[] = [];
  for (let i = 0; i < 3; i++) {
    const d = await makeDepartment(5, { codePrefix: 'CC' });
    const items: string[] = [];
    for (let k = 1; k <= 2; k++)
      items.push(
        (
          await prisma().checkItem.create({
            data: {
              code: `CC-${d.code}-${k}`,
              name: `${d.code}并发检查事项${k}`,
              category: 'KEY',
              domain: '并发',
              legalBasis: '《中华人民共和国食品安全法》第一百一十条',
              departmentId: d.id,
              content: '检查内容',
              methods: ['ON_SITE'],
              targetType: 'ENTERPRISE',
            },
            select: { id: true },
          })
        ).id,
      );
    const admin = await userActor('DEPARTMENT_ADMIN', d.id);
    const head = await userActor('DEPARTMENT_ADMIN', d.id, { isDepartmentHead: true });
    depts.push({ ...d, items, admin: { name: `${d.code}-admin`, cookie: admin.headers.cookie!, userId: admin.userId }, head: { name: `${d.code}-head`, cookie: head.headers.cookie!, userId: head.userId } });
  }
  const o = await userActor('OFFICE_ADMIN', null);
  const office: Actor = { name: 'office', cookie: o.headers.cookie!, userId: o.userId };
  // a small shared pool (conflicts: "twice a year", shared targets of inspector draws) and a larger one for the records
  await makeTargets(depts[0]!.poolId, 18);
  await makeTargets(depts[1]!.poolId, 30, { riskClass: 'B' });
  const task = async (lead: number, pool: string) => {
    const t = await makeTask({
      lead: depts[lead]!,
      participants: depts.filter((_, i) => i !== lead),
      year: YEAR,
      window: WINDOW,
      stratified: false,
      ratios: { A: 10_000, B: 10_000, C: 10_000, D: 10_000 },
      poolIds: [pool],
    });
    await prisma().taskItem.createMany({ data: depts.flatMap((d) => d.items.map((checkItemId) => ({ taskId: t.id, departmentId: d.id, checkItemId }))) });
    return { id: t.id, code: t.code, lead };
  };
  const targetTasks = [];
  for (let i = 0; i < 5; i++) targetTasks.push(await task(i % 3, depts[0]!.poolId));
  const inspectorTasks = [];
  for (let i = 0; i < 5; i++) inspectorTasks.push(await task((i + 1) % 3, depts[0]!.poolId));
  const recordTasks = [];
  for (let i = 0; i < 4; i++) recordTasks.push(await task((i + 2) % 3, depts[1]!.poolId));
  return { database, depts, office, targetTasks, inspectorTasks, recordTasks };
}

// ── main ──
console.log(`concurrency: seed ${SEED}, ${OPS} operations, ${CONCURRENCY} concurrent, 2 servers behind a round-robin proxy, one PostgreSQL (${DB_NAME}); node ${process.version}, ${os.cpus().length} CPUs, load ${loadAverage()}`);
const tStart = performance.now();
const url = await freshDatabase(DB_NAME);
const world = await setUp(url);
const { depts, office } = world;
await world.database.close();
const [p1, p2, pp] = [await freePort(), await freePort(), await freePort()];
let servers: ServerProcess[] = [];
const proxy = await startProxy(pp, [p1, p2]);
const client = new GraphQLClient(pp, CONCURRENCY * 2 + 10);
const check = new pg.Pool({ connectionString: url, max: 4 });
let exitCode = 1;
try {
  servers = await Promise.all([p1, p2].map((port) => startServer({ port, databaseUrl: url })));
  const q = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await check.query<T>(sql, params)).rows;

  // set-up through the API, one call at a time: target draws of the inspector-draw tasks, both draws of the record
  // tasks, and records for two thirds of the record work units
  let setupN = 0;
  const setupDraws = new Set<string>();
  const must = async (query: string, vars: Record<string, unknown>, actor: Actor) => {
    const r = await client.request(query, vars, { cookie: actor.cookie, requestId: `setup-${SEED}-${++setupN}` });
    if (r.status !== 200 || r.errors.length || !r.data)
      throw new Error(`set-up call failed: ${r.errors[0]?.extensions?.reason ?? r.errors[0]?.extensions?.code ?? r.status} ${JSON.stringify(r.errors.length ? r.errors : r.text).slice(0, 400)}`);
    return r.data.r;
  };
  // (an inspector draw whose seed runs out of eligible inspectors is voided by its reveal, docs/DRAW.md: draw again)
  const drawThrough = async (taskId: string, lead: number, kind: 'TARGET' | 'INSPECTOR') => {
    const actor = depts[lead]!.admin;
    for (let attempt = 1; ; attempt++) {
      const c = await must(kind === 'TARGET' ? Q.commitTarget : Q.commitInspector, { t: taskId, src: `set-up ${kind}` }, actor);
      setupDraws.add(c.draw.id);
      try {
        await must(Q.reveal, { d: c.draw.id, p: `set-up ${randomUUID()}` }, actor);
      } catch (e) {
        if (attempt < 8 && kind === 'INSPECTOR' && String(e).includes('NO_ELIGIBLE_INSPECTOR')) continue;
        throw e;
      }
      await must(Q.lock, { d: c.draw.id }, actor);
      return;
    }
  };
  const tSetup = performance.now();
  for (const t of world.inspectorTasks) await drawThrough(t.id, t.lead, 'TARGET');
  for (const t of world.recordTasks) {
    await drawThrough(t.id, t.lead, 'TARGET');
    await drawThrough(t.id, t.lead, 'INSPECTOR');
  }
  const units = await q<Unit>(
    `select a.task_id::text as task, a.target_id::text as target, array_agg(a.inspector_id::text order by a.role, a.inspector_id) as inspectors
       from inspector_assignment a join draw d on d.id = a.draw_id and d.status = 'LOCKED'
      where a.task_id = any($1::uuid[]) group by a.task_id, a.target_id order by a.task_id, a.target_id`,
    [world.recordTasks.map((t) => t.id)],
  );
  const header = (u: Unit, remarks: string) => ({
    taskId: u.task,
    targetId: u.target,
    inspectedOn: TODAY,
    inspectorIds: u.inspectors,
    methods: ['ON_SITE'],
    onSite: true,
    signatureStatus: 'SIGNED',
    signatoryName: '负责人',
    disposalOpinion: '无',
    remarks,
  });
  for (const [i, u] of units.entries()) if (i % 3 !== 2) await must(Q.save, { i: header(u, `set-up ${i}`) }, office);
  console.log(`  set-up: 3 departments × 5 inspectors, 18 + 30 targets; ${world.targetTasks.length} READY tasks (target draws), ${world.inspectorTasks.length} DRAWN (inspector draws), ${world.recordTasks.length} DISPATCHED with ${units.length} record units; in ${Math.round(performance.now() - tSetup)} ms`);

  // ── the run ──
  const ops = chooseOps(OPS);
  const reqs: Req[] = [];
  const taskIds = {
    target: world.targetTasks,
    inspector: world.inspectorTasks,
    record: world.recordTasks,
  };
  const ports = [p1, p2];
  const send = async (op: Op, query: string, vars: Record<string, unknown>, actor: Actor, o: { token?: string | null; key?: string | null; port?: number; sub?: number; pairOf?: string } = {}) => {
    const requestId = `${RUN}-${op.n}-${o.sub ?? 0}`;
    const res = await client.request(query, vars, { cookie: actor.cookie, requestId, port: o.port, timeoutMs: 120_000 });
    const ok = res.status === 200 && !res.errors.length && !!res.data;
    const e = res.errors[0]?.extensions;
    const req: Req = {
      op: op.n,
      kind: op.kind,
      mutation: MUTATION_OF[query] ?? null,
      requestId,
      actor: actor.name,
      vars,
      token: o.token ?? null,
      key: o.key ?? null,
      pairOf: o.pairOf ?? null,
      res,
      ok,
      code: ok ? 'OK' : res.status !== 200 ? `HTTP_${res.status}` : `${e?.code ?? 'NO_CODE'}${e?.reason ? `:${e.reason}` : ''}`,
    };
    reqs.push(req);
    return req;
  };
  const drawActor = (task: { lead: number }, r: number): Actor => {
    if (r < 0.05) return depts[(task.lead + 1) % 3]!.admin; // not the lead: FORBIDDEN
    if (r < 0.35) return office;
    return r < 0.7 ? depts[task.lead]!.admin : depts[task.lead]!.head;
  };
  const drawOf = async (taskId: string, kind: 'TARGET' | 'INSPECTOR', r: number) => {
    const rows = await q<{ id: string }>(`select id::text from draw where task_id = $1::uuid and kind = $2::"DrawKind" order by committed_at, id`, [taskId, kind]);
    return r < 0.75 ? rows.at(-1)?.id : pick(rows, r / 0.25 - 3)?.id;
  };
  const recordOf = async (u: Unit) => (await q<{ id: string }>(`select id::text from inspection_record where task_id = $1::uuid and target_id = $2::uuid`, [u.task, u.target]))[0]?.id ?? '00000000-0000-4000-8000-000000000000';
  const staff = (d: Dept, r: number) => (r < 0.6 ? d.admin : d.head);
  const CODES = [1, 9, 1, 2, 5, 8, 10, 9];
  const tokenOf = (op: Op, what: string) => `${RUN}.${op.n}.${what}`;

  const run = async (op: Op): Promise<void> => {
    const [r0, r1, r2, r3, r4, r5] = op.r as [number, number, number, number, number, number];
    switch (op.kind) {
      case 'commitTarget':
      case 'commitTargetTwice': {
        const t = pick(taskIds.target, r0)!;
        const twice = op.kind === 'commitTargetTwice';
        const calls = twice ? [0, 1] : [0];
        await Promise.all(
          calls.map((sub) => {
            const token = tokenOf(op, `src${sub}`);
            return send(op, Q.commitTarget, { t: t.id, src: token }, drawActor(t, sub ? r2 : r1), { token, sub, port: twice ? ports[sub] : undefined });
          }),
        );
        return;
      }
      case 'commitInspector': {
        const t = pick(taskIds.inspector, r0)!;
        const token = tokenOf(op, 'src');
        await send(op, Q.commitInspector, { t: t.id, src: token }, drawActor(t, r1), { token });
        return;
      }
      case 'revealTarget':
      case 'revealInspector':
      case 'lockTarget':
      case 'lockInspector':
      case 'voidTarget':
      case 'voidInspector': {
        const target = op.kind.endsWith('Target');
        const t = pick(target ? taskIds.target : taskIds.inspector, r0)!;
        const drawId = (await drawOf(t.id, target ? 'TARGET' : 'INSPECTOR', r2)) ?? '00000000-0000-4000-8000-000000000000';
        const actor = drawActor(t, r1);
        if (op.kind.startsWith('reveal')) {
          const token = tokenOf(op, 'input');
          await send(op, Q.reveal, { d: drawId, p: token }, actor, { token });
        } else if (op.kind.startsWith('lock')) await send(op, Q.lock, { d: drawId }, actor);
        else {
          const token = tokenOf(op, 'void');
          await send(op, Q.void, { d: drawId, why: token }, actor, { token });
        }
        return;
      }
      case 'saveRecord':
      case 'enterResults':
      case 'publishRecordPart':
      case 'requestCorrection':
      case 'idempotentPair': {
        const base: OpKind = op.kind === 'idempotentPair' ? (['saveRecord', 'enterResults', 'publishRecordPart', 'requestCorrection'] as const)[Math.floor(r5 * 4)]! : op.kind;
        const pair = op.kind === 'idempotentPair';
        const key = pair || r4 < 0.5 ? `${RUN}-k-${op.n}` : null;
        const d = pick(depts, r1)!;
        const u = pick(units, r0)!;
        let query: string, vars: Record<string, unknown>, token: string | null, actor: Actor;
        if (base === 'saveRecord') {
          token = tokenOf(op, 'remarks');
          actor = r2 < 0.2 ? office : staff(d, r3);
          query = Q.save;
          vars = { i: header(u, token), k: key };
        } else if (base === 'enterResults') {
          token = tokenOf(op, 'note');
          actor = staff(d, r3);
          query = Q.enter;
          // one or both of the department's items, codes 1–10 (on site)
          const items = r2 < 0.3 ? [pick(d.items, r2 / 0.3)!] : d.items;
          vars = { rec: await recordOf(u), k: key, x: items.map((checkItemId, i) => ({ checkItemId, code: pick(CODES, (r2 * 7 + i * 0.37) % 1)!, note: `${token}:${i}` })) };
        } else if (base === 'publishRecordPart') {
          token = null;
          actor = staff(d, r3);
          query = Q.publishRecord;
          vars = { rec: await recordOf(u), k: key };
        } else {
          token = tokenOf(op, 'reason');
          actor = staff(d, r3);
          query = Q.requestCorrection;
          const results = await q<{ id: string; code: number }>(
            `select ir.id::text, coalesce((select c.new_code from correction c where c.item_result_id = ir.id and c.status = 'APPROVED' order by c.decided_at desc limit 1), ir.code) as code
               from item_result ir join inspection_record r on r.id = ir.record_id
              where ir.department_id = $1::uuid and ir.publication_id is not null and r.task_id = any($2::uuid[]) order by ir.id`,
            [d.id, taskIds.record.map((t) => t.id)],
          );
          const res = pick(results, r2);
          const code = res ? pick(CODES.filter((c) => c !== res.code), r5)! : 2;
          vars = { i: { itemResultId: res?.id ?? '00000000-0000-4000-8000-000000000000', newCode: code, reason: token }, k: key };
        }
        if (pair) await Promise.all([0, 1].map((sub) => send(op, query, vars, actor, { token, key, sub, port: ports[sub], pairOf: `${RUN}-${op.n}` })));
        else await send(op, query, vars, actor, { token, key });
        return;
      }
      case 'publishTaskPart': {
        const t = pick(taskIds.record, r0)!;
        const d = pick(depts, r1)!;
        const key = r4 < 0.5 ? `${RUN}-k-${op.n}` : null;
        await send(op, Q.publishTask, { t: t.id, k: key }, staff(d, r3), { key });
        return;
      }
      case 'decideCorrection':
      case 'decideRace': {
        const d = pick(depts, r1)!;
        const all = await q<{ id: string; status: string }>(
          `select c.id::text, c.status::text from correction c join item_result ir on ir.id = c.item_result_id where ir.department_id = $1::uuid order by c.requested_at, c.id`,
          [d.id],
        );
        const open = all.filter((c) => c.status === 'REQUESTED');
        const c = (r2 < 0.85 && open.length ? pick(open, r3) : pick(all, r3))?.id ?? '00000000-0000-4000-8000-000000000000';
        // the head decides; now and then the department's admin (not the head: FORBIDDEN) or the office (FORBIDDEN)
        const decider = (r: number) => (r < 0.06 ? d.admin : r < 0.1 ? office : d.head);
        if (op.kind === 'decideRace')
          await Promise.all(
            [true, false].map((approve, sub) => {
              const token = tokenOf(op, `decision${sub}`);
              return send(op, Q.decide, { c, a: approve, note: token }, d.head, { token, sub, port: ports[sub] });
            }),
          );
        else {
          const token = tokenOf(op, 'decision');
          await send(op, Q.decide, { c, a: r4 < 0.6, note: token }, decider(r5), { token });
        }
        return;
      }
      case 'read': {
        const actor = r1 < 0.4 ? office : staff(pick(depts, r2)!, r3);
        await send(op, pick(READS, r0)!, {}, actor);
        return;
      }
    }
  };

  const tRun = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < ops.length) await run(ops[next++]!);
    }),
  );
  const runSeconds = (performance.now() - tRun) / 1000;

  // ── outcomes ──
  const byKind = new Map<string, Map<string, number>>();
  for (const r of reqs) {
    const m = byKind.get(r.kind) ?? new Map<string, number>();
    m.set(r.code, (m.get(r.code) ?? 0) + 1);
    byKind.set(r.kind, m);
  }
  console.log(`  ${reqs.length} requests (${ops.length} operations) in ${runSeconds.toFixed(1)} s; load ${loadAverage()}`);
  for (const [kind, m] of [...byKind].sort()) {
    const parts = [...m].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`);
    console.log(`    ${kind.padEnd(18)} ${String([...m.values()].reduce((s, n) => s + n, 0)).padStart(4)}: ${parts.join(', ')}`);
  }

  if (TAMPER) {
    const [rec] = await q<{ entity_id: string }>(`select entity_id from audit_event where request_id like $1 and operation in ('createRecord', 'updateRecord') order by audit_event.id desc limit 1`, [`${RUN}-%`]);
    if (rec) await q(`update inspection_record set remarks = 'tampered' where id = $1::uuid`, [rec.entity_id]);
    await q(`update correction set status = 'REQUESTED', decided_at = null, decided_by = null, decision_note = null where id = (select id from correction where status <> 'REQUESTED' order by id limit 1)`);
    console.log(`  --tamper: changed a record header${rec ? '' : ' (none found)'} and undid a correction's decision behind the servers' back`);
  }

  // ── invariants ──
  const checked: string[] = [];
  const invariant = async (name: string, fn: () => Promise<void> | void) => {
    const before = violations.length;
    await fn();
    checked.push(`${violations.length === before ? 'ok  ' : 'FAIL'} ${name}${violations.length === before ? '' : ` (${violations.length - before})`}`);
  };
  const NIL = '00000000-0000-4000-8000-000000000000';
  const ours = (r: Req) => r.mutation !== null;

  await invariant('every answer is HTTP 200 with data or typed errors: no 5xx, no INTERNAL_SERVER_ERROR, no leaked internals, no transport error', () => {
    for (const r of reqs) {
      if (r.res.status !== 200) violate(`HTTP ${r.res.status}`, { requestId: r.requestId, text: r.res.text.slice(0, 200) });
      for (const e of r.res.errors) {
        if (!e.extensions?.code || e.extensions.code === 'INTERNAL_SERVER_ERROR') violate('untyped or internal error', { requestId: r.requestId, e });
        if (LEAK_RE.test(e.message)) violate('leaked internals', { requestId: r.requestId, message: e.message });
      }
    }
  });
  await invariant('at most one LOCKED target draw per task; at most one draw in progress per task', async () => {
    for (const row of await q(`select task_id, count(*) from draw where kind = 'TARGET' and status = 'LOCKED' group by task_id having count(*) > 1`)) violate('two LOCKED target draws', row);
    for (const row of await q(`select task_id, kind, count(*) from draw where kind = 'INSPECTOR' and status = 'LOCKED' group by task_id, kind having count(*) > 1`)) violate('two LOCKED inspector draws', row);
    for (const row of await q(`select task_id, count(*) from draw where status in ('COMMITTED', 'REVEALED') group by task_id having count(*) > 1`)) violate('two draws in progress', row);
  });
  await invariant('no target in more than two LOCKED target draws of one year (docs/DRAW.md)', async () => {
    for (const row of await q(
      `select dt.target_id, dt.year, count(*)::int from draw_target dt join draw d on d.id = dt.draw_id where d.status = 'LOCKED' and d.kind = 'TARGET' group by 1, 2 having count(*) > 2`,
    ))
      violate('target drawn more than twice', row);
  });
  await invariant('no inspector booked twice for one target (two LOCKED inspector draws within 365 days)', async () => {
    for (const row of await q(
      `select a.target_id, a.inspector_id, array_agg(a.draw_id) as draws from inspector_assignment a join draw d on d.id = a.draw_id
        where d.status = 'LOCKED' and d.kind = 'INSPECTOR' group by 1, 2 having count(distinct a.draw_id) > 1`,
    ))
      violate('inspector double-booked', row);
  });
  await invariant('draw rows: COMMITTED without selection, revealed with exactly selectedCount rows, inspector draws after a LOCKED target draw', async () => {
    for (const row of await q(
      `select d.id, d.kind, d.status, d.selected_count,
              (select count(*)::int from draw_target where draw_id = d.id) as targets, (select count(*)::int from inspector_assignment where draw_id = d.id) as seats
         from draw d`,
    )) {
      const n = row.kind === 'TARGET' ? row.targets : row.seats;
      const other = row.kind === 'TARGET' ? row.seats : row.targets;
      if (other !== 0) violate('rows of the other kind', row);
      if (row.status === 'COMMITTED' && n !== 0) violate('COMMITTED draw with a selection', row);
      if ((row.status === 'REVEALED' || row.status === 'LOCKED') && n !== row.selected_count) violate('revealed draw with a partial selection', row);
    }
    for (const row of await q(
      `select d.id from draw d where d.kind = 'INSPECTOR' and d.status = 'LOCKED' and not exists (select 1 from draw t where t.task_id = d.task_id and t.kind = 'TARGET' and t.status = 'LOCKED')`,
    ))
      violate('locked inspector draw without a locked target draw', row);
  });
  await invariant("every revealed draw's evidence verifies (verify-draw logic)", async () => {
    const drawn = await q<{ id: string }>(`select id::text from draw where public_input is not null order by id`);
    for (const { id } of drawn) {
      const r = await client.request<{ drawEvidence: DrawEvidence }>(Q.evidence, { d: id }, { cookie: office.cookie });
      if (!r.data) {
        violate('no evidence', { id, errors: r.errors });
        continue;
      }
      const v = verifyEvidence(r.data.drawEvidence);
      if (!v.ok) violate('evidence does not verify', { id, mismatch: (v as { mismatch?: string }).mismatch });
    }
    console.log(`    (evidence of ${drawn.length} revealed draws recomputed)`);
  });
  await invariant("every task's status agrees with its draws, records and publications (task.state.ts)", async () => {
    const rows = await q<{ code: string; status: string; lt: number; li: number; recs: number; drawn: number; complete: number; parts: number; pubs: number }>(
      `select t.code, t.status::text,
              (select count(*)::int from draw d where d.task_id = t.id and d.kind = 'TARGET' and d.status = 'LOCKED') as lt,
              (select count(*)::int from draw d where d.task_id = t.id and d.kind = 'INSPECTOR' and d.status = 'LOCKED') as li,
              (select count(*)::int from inspection_record r where r.task_id = t.id) as recs,
              (select count(*)::int from draw_target dt join draw d on d.id = dt.draw_id where d.task_id = t.id and d.kind = 'TARGET' and d.status = 'LOCKED') as drawn,
              (select count(*)::int from draw_target dt join draw d on d.id = dt.draw_id and d.task_id = t.id and d.kind = 'TARGET' and d.status = 'LOCKED'
                 join inspection_record r on r.task_id = t.id and r.target_id = dt.target_id and r.status = 'COMPLETE') as complete,
              (select count(distinct department_id)::int from task_item ti where ti.task_id = t.id) as parts,
              (select count(*)::int from publication p join inspection_record r on r.id = p.record_id where r.task_id = t.id) as pubs
         from task t order by t.code`,
    );
    for (const t of rows) {
      const okState =
        t.status === 'READY'
          ? t.lt === 0 && t.li === 0 && t.recs === 0
          : t.status === 'DRAWN'
            ? t.lt === 1 && t.li === 0 && t.recs === 0
            : t.status === 'DISPATCHED'
              ? t.lt === 1 && t.li === 1 && t.recs === 0
              : t.status === 'INSPECTING'
                ? t.lt === 1 && t.li === 1 && t.recs > 0 && t.complete < t.drawn
                : t.status === 'RESULTS_ENTERED'
                  ? t.lt === 1 && t.li === 1 && t.drawn > 0 && t.complete === t.drawn && t.pubs < t.drawn * t.parts
                  : t.status === 'PUBLISHED'
                    ? t.lt === 1 && t.li === 1 && t.drawn > 0 && t.complete === t.drawn && t.pubs === t.drawn * t.parts
                    : false;
      if (!okState) violate('task status disagrees with its draws/records', t);
    }
    for (const row of await q(
      `select r.id, r.status from inspection_record r
        where (r.status = 'COMPLETE') <> ((select count(*) from item_result where record_id = r.id) = (select count(*) from task_item where task_id = r.task_id))`,
    ))
      violate('record completeness wrong', row);
  });

  // writes by token
  const audit = await q<{ id: string; request_id: string | null; operation: string; entity: string; entity_id: string | null; after: any }>(
    `select id::text, request_id, operation, entity, entity_id, after from audit_event where request_id like $1 order by audit_event.id`,
    [`${RUN}-%`],
  );
  const eventsOf = new Map<string, typeof audit>();
  for (const e of audit) eventsOf.set(e.request_id!, [...(eventsOf.get(e.request_id!) ?? []), e]);
  const byToken = (token: string) => audit.filter((e) => JSON.stringify(e.after ?? null).includes(`"${token}`));
  /** requests with the same logical write (an idempotent pair shares token and key) */
  const logical = new Map<string, Req[]>();
  for (const r of reqs.filter(ours)) {
    const id = r.pairOf && r.key ? `${r.pairOf}` : r.requestId;
    logical.set(id, [...(logical.get(id) ?? []), r]);
  }

  await invariant('audit: every acknowledged mutation has its events (or a replay) under its request id; no refused one has any', () => {
    for (const r of reqs.filter(ours)) {
      const ev = eventsOf.get(r.requestId) ?? [];
      const expected = AUDIT_OF[r.mutation!]!;
      if (r.ok) {
        if (!ev.some((e) => expected.includes(e.operation) || e.operation === `${r.mutation}:replay`)) violate('acknowledged mutation without its audit event', { requestId: r.requestId, mutation: r.mutation, events: ev.map((e) => e.operation) });
      } else if (ev.length) {
        const documented = r.mutation === 'revealDraw' && r.code === 'BAD_USER_INPUT:NO_ELIGIBLE_INSPECTOR' && ev.length === 1 && ev[0]!.operation === 'voidDraw';
        if (!documented) violate('refused mutation left audit events', { requestId: r.requestId, code: r.code, events: ev.map((e) => e.operation) });
      }
    }
    const known = new Set(reqs.map((r) => r.requestId));
    for (const e of audit) if (!known.has(e.request_id!)) violate('audit event of an unknown request', e);
  });
  await invariant('draws: acknowledged commits, reveals, voids and locks are in the database exactly once; refused ones left nothing', async () => {
    const draws = await q<{ id: string; status: string; public_input_source: string; public_input: string | null; void_reason: string | null }>(`select id::text, status::text, public_input_source, public_input, void_reason from draw`);
    for (const [, group] of logical) {
      const r = group[0]!;
      if (!['commitTargetDraw', 'commitInspectorDraw', 'revealDraw', 'voidDraw'].includes(r.mutation!)) continue;
      const field = r.mutation === 'revealDraw' ? 'public_input' : r.mutation === 'voidDraw' ? 'void_reason' : 'public_input_source';
      const rows = draws.filter((d) => d[field] === r.token);
      const acked = group.filter((g) => g.ok);
      const documented = r.mutation === 'revealDraw' && r.code === 'BAD_USER_INPUT:NO_ELIGIBLE_INSPECTOR' && rows.length === 1 && rows[0]!.status === 'VOIDED';
      if (rows.length !== (acked.length ? 1 : 0) && !documented) violate(`${r.mutation} token found ${rows.length}×`, { requestId: r.requestId, ok: r.ok, code: r.code });
      if (r.mutation === 'commitTargetDraw' || r.mutation === 'commitInspectorDraw')
        for (const a of acked) if (rows[0]?.id !== a.res.data.r.draw.id) violate('commit answered another draw id', { requestId: a.requestId });
      if (r.mutation === 'voidDraw' && acked.length && rows[0]?.status !== 'VOIDED') violate('acknowledged void not VOIDED', { requestId: r.requestId, row: rows[0] });
    }
    // every draw of the run came from an acknowledged commit, and every LOCKED one from exactly one acknowledged lock
    const ackedLocks = new Map<string, number>();
    for (const r of reqs) if (r.mutation === 'lockDraw' && r.ok) ackedLocks.set(r.vars.d as string, (ackedLocks.get(r.vars.d as string) ?? 0) + 1);
    const commitTokens = new Set(reqs.filter((r) => r.ok && r.mutation?.startsWith('commit')).map((r) => r.token));
    for (const d of draws) {
      if (setupDraws.has(d.id)) continue;
      if (!commitTokens.has(d.public_input_source)) violate('draw without an acknowledged commit', d);
      if ((d.status === 'LOCKED') !== ((ackedLocks.get(d.id) ?? 0) === 1)) violate('LOCKED draw without exactly one acknowledged lock (or the reverse)', { ...d, locks: ackedLocks.get(d.id) ?? 0 });
    }
  });
  await invariant('records and results: every acknowledged save and entry written exactly once, refused ones nowhere, the last acknowledged one stored', async () => {
    for (const [, group] of logical) {
      const r = group[0]!;
      if (r.mutation !== 'saveRecord' && r.mutation !== 'enterItemResults') continue;
      const ev = byToken(r.token!).filter((e) => AUDIT_OF[r.mutation!]!.includes(e.operation));
      const acked = group.some((g) => g.ok);
      if (ev.length !== (acked ? 1 : 0)) violate(`${r.mutation} written ${ev.length}×`, { requestId: r.requestId, acked, code: r.code });
    }
    // last writer: the stored header is the one of the record's last create/update event; results likewise per item
    const records = await q<{ id: string; remarks: string | null }>(`select id::text, remarks from inspection_record`);
    for (const rec of records) {
      const last = audit.filter((e) => (e.operation === 'createRecord' || e.operation === 'updateRecord') && e.entity_id === rec.id).at(-1);
      if (last && last.after?.remarks !== rec.remarks) violate('stored record header is not the last acknowledged one', { record: rec.id, stored: rec.remarks, last: last.after?.remarks });
    }
    const results = await q<{ record_id: string; check_item_id: string; code: number; note: string | null }>(`select record_id::text, check_item_id::text, code, note from item_result`);
    const lastEntry = new Map<string, { code: number; note: string | null }>();
    for (const e of audit.filter((x) => x.operation === 'enterItemResults'))
      for (const [item, v] of Object.entries(e.after as Record<string, { code: number; note: string | null }>)) lastEntry.set(`${e.entity_id}/${item}`, v);
    for (const row of results) {
      const last = lastEntry.get(`${row.record_id}/${row.check_item_id}`);
      if (last && (last.code !== row.code || last.note !== row.note)) violate('stored result is not the last acknowledged one', { ...row, last });
    }
  });
  await invariant('publications: one per (record, department), each of a complete part, every one acknowledged, published results unchanged', async () => {
    for (const row of await q(`select record_id, department_id, count(*) from publication group by 1, 2 having count(*) > 1`)) violate('two publications of one part', row);
    for (const row of await q(
      `select p.id, p.record_id, p.department_id from publication p join inspection_record r on r.id = p.record_id
        where (select count(*) from item_result ir where ir.record_id = p.record_id and ir.department_id = p.department_id and ir.publication_id = p.id)
           <> (select count(*) from task_item ti where ti.task_id = r.task_id and ti.department_id = p.department_id)`,
    ))
      violate('publication of an incomplete part', row);
    const answered = new Set<string>();
    for (const r of reqs) if (r.ok && r.mutation === 'publishRecordPart') answered.add(r.res.data.r.id);
    for (const r of reqs) if (r.ok && r.mutation === 'publishTaskPart') for (const p of r.res.data.r as { id: string }[]) answered.add(p.id);
    const pubs = await q<{ id: string }>(`select id::text from publication`);
    const stored = new Set(pubs.map((p) => p.id));
    for (const id of answered) if (!stored.has(id)) violate('acknowledged publication missing', id);
    for (const p of pubs) if (!answered.has(p.id)) violate('publication nobody was told about', p.id);
    const codes = new Map((await q<{ id: string; code: number }>(`select id::text, code from item_result`)).map((r) => [r.id, r.code]));
    for (const e of audit.filter((x) => x.operation === 'publishRecordPart'))
      for (const res of (e.after?.results ?? []) as { id: string; code: number }[]) if (codes.get(res.id) !== res.code) violate('published result changed', { result: res.id, published: res.code, now: codes.get(res.id) });
  });
  await invariant('corrections: requested exactly once when acknowledged, one open per result, each decision by exactly one acknowledged call', async () => {
    const rows = await q<{ id: string; item_result_id: string; status: string; reason: string; decision_note: string | null }>(
      `select id::text, item_result_id::text, status::text, reason, decision_note from correction`,
    );
    for (const [, group] of logical) {
      const r = group[0]!;
      if (r.mutation !== 'requestCorrection') continue;
      const found = rows.filter((c) => c.reason === r.token);
      const acked = group.filter((g) => g.ok);
      if (found.length !== (acked.length ? 1 : 0)) violate(`correction request written ${found.length}×`, { requestId: r.requestId, code: r.code });
      for (const a of acked) if (a.res.data.r.id !== found[0]?.id) violate('correction request answered another id', { requestId: a.requestId });
    }
    for (const row of await q(`select item_result_id, count(*) from correction where status = 'REQUESTED' group by 1 having count(*) > 1`)) violate('two open corrections for one result', row);
    const decisions = reqs.filter((r) => r.mutation === 'decideCorrection');
    for (const c of rows) {
      const acked = decisions.filter((r) => r.ok && r.vars.c === c.id);
      if (c.status === 'REQUESTED' ? acked.length !== 0 : acked.length !== 1) violate('correction decided by a wrong number of acknowledged calls', { ...c, acked: acked.length });
      const a = acked[0];
      if (a && (c.decision_note !== a.token || c.status !== (a.vars.a ? 'APPROVED' : 'REJECTED'))) violate('stored decision is not the acknowledged one', { ...c, answered: a.res.data.r });
    }
    const notes = new Set(rows.map((c) => c.decision_note));
    for (const r of decisions) if (!r.ok && notes.has(r.token)) violate('refused decision stored', { requestId: r.requestId });
    if (decisions.some((r) => r.vars.c === NIL && r.ok)) violate('decision of no correction acknowledged', '');
  });
  await invariant('idempotency keys: a key sent twice at once produced one row and, when both were acknowledged, answers naming the same rows', async () => {
    const keys = await q<{ key: string }>(`select key from idempotency_key where key like $1`, [`%:${RUN}-k-%`]);
    const count = new Map<string, number>();
    for (const { key } of keys) {
      const k = key.slice(key.indexOf(`${RUN}-k-`));
      count.set(k, (count.get(k) ?? 0) + 1);
    }
    const groups = new Map<string, Req[]>();
    for (const r of reqs) if (r.key) groups.set(r.key, [...(groups.get(r.key) ?? []), r]);
    let pairs = 0;
    for (const [key, group] of groups) {
      const acked = group.filter((g) => g.ok);
      if ((count.get(key) ?? 0) !== (acked.length ? 1 : 0)) violate('idempotency rows', { key, rows: count.get(key) ?? 0, acked: acked.length });
      if (group.length === 2) {
        pairs++;
        // the replay answers with the same ids; the fields around them are read afresh (a correction may be decided meanwhile)
        const ids = (r: Req) => JSON.stringify(r.res.data, (k, v) => (k === '' || k === 'r' || k === 'id' || Array.isArray(v) || typeof k === 'number' || /^\d+$/.test(k) ? v : undefined));
        if (acked.length === 2 && ids(acked[0]!) !== ids(acked[1]!)) violate('the two answers of one key name different rows', { key, a: acked[0]!.res.data, b: acked[1]!.res.data });
        const replays = group.flatMap((g) => eventsOf.get(g.requestId) ?? []).filter((e) => e.operation.endsWith(':replay'));
        if (acked.length === 2 && replays.length !== 1) violate('an acknowledged pair without exactly one replay', { key, replays: replays.length });
      }
    }
    console.log(`    (${groups.size} idempotency keys, ${pairs} sent twice at once)`);
  });
  const chain = await verifyAudit(url);
  await invariant(`the audit chain verifies (${chain.checked} events)`, () => {
    if (!chain.ok) violate('audit chain broken', chain);
  });
  // retries and unexpected errors, from the servers' logs
  const logs = servers.map((s) => s.output).join('\n');
  const retried = logs.split('\n').filter((l) => l.includes('"msg":"transaction retried"'));
  const retryCodes = new Map<string, number>();
  for (const l of retried) {
    const code = /"code":"([^"]+)"/.exec(l)?.[1] ?? '?';
    retryCodes.set(code, (retryCodes.get(code) ?? 0) + 1);
  }
  await invariant('no unexpected error in the servers\' logs', () => {
    for (const l of logs.split('\n')) if (l.includes('"msg":"unexpected error"')) violate('server logged an unexpected error', l.slice(0, 400));
  });
  console.log(`  transactions retried after 40001/40P01: ${retried.length}${retried.length ? ` (${[...retryCodes].map(([c, n]) => `${c} ${n}`).join(', ')})` : ''}`);
  console.log('  invariants:');
  for (const c of checked) console.log(`    ${c}`);
  console.log(`  wall time ${((performance.now() - tStart) / 1000).toFixed(1)} s (run ${runSeconds.toFixed(1)} s); load ${loadAverage()}`);
  if (violations.length) {
    console.log(`  first violations:\n    ${violations.slice(0, 15).join('\n    ')}`);
    console.log(`FAILED: ${violations.length} violations (seed ${SEED})`);
  } else {
    console.log(`OK: ${reqs.length} requests, 0 violations (seed ${SEED})`);
    exitCode = 0;
  }
} catch (e) {
  console.error(e);
  for (const s of servers) if (s.output.trim()) console.error(`--- server ${s.port} output ---\n${s.output.slice(-3000)}`);
} finally {
  proxy.close();
  await Promise.all(servers.map((s) => s.stop()));
  client.close();
  await check.end();
  if (KEEP) console.log(`  database kept: ${dbUrl(DB_NAME, BASE_URL)}`);
  else await dropDatabase(DB_NAME);
}
process.exit(exitCode);
