// Draw rules (摇号): commit → reveal → lock (or void) for target draws and inspector draws, evidence, and the
// stratification KPI. Each change is one transaction (shared/mutation.ts) in the order authorise → validate →
// persist → audit. The algorithm itself (sha256-rank-v1) is pure and lives in draw.algorithm.ts; this file finds
// the inputs with set-based SQL, runs it, and stores the results.
//
// Who acts: the office, or a department admin of the task's lead department, runs every step of both draws (the
// inspector draw is one draw with one seed for all participating departments; docs/DRAW.md).
//
// Concurrency: every step first locks the task row (SELECT … FOR UPDATE), then the draw row, so steps on one task
// are serialised and the loser of a race sees the winner's state (INVALID_TRANSITION or CONFLICT). Locking a
// target draw also takes a per-year advisory lock, so the "at most twice a year" check cannot be raced by another
// task; locking an inspector draw locks its inspectors' rows, so no inspector is booked twice for one target.
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip as gunzipCb, gzip as gzipCb } from 'node:zlib';
import { db, prisma } from '../../db/database.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import type { Context } from '../../context.ts';
import type { DrawKind, DrawStatus, TaskStatus } from '../../generated/prisma/enums.ts';
import { requireYear } from '../../shared/validation.ts';
import { AppError, InputError, NotFoundError } from '../../shared/errors.ts';
import { mutate, type Tx } from '../../shared/mutation.ts';
import { formatDate } from '../../shared/scalars.ts';
import { visibleWhere, withVisibility } from '../access/visibility.ts';
import { TASK_STATUS_ZH, lockTask, transitionTask } from '../task/task.state.ts';
import { poolConfirmationStatus } from '../pool/pool.service.ts';
import {
  ALGORITHM,
  EVIDENCE_FORMAT,
  RISK_STRATA,
  UNSTRATIFIED,
  DrawAlgorithmError,
  commitmentOf,
  departmentPlans,
  deriveSeed,
  fastHasher,
  inspectorDrawParams,
  inspectorResultHash,
  inspectorSnapshotText,
  matchInspectors,
  parseCandidates,
  parseInspectorSnapshot,
  selectTargets,
  sha256hex,
  snapshotFromStrata,
  stratumCounts,
  targetDrawParams,
  targetResultHash,
  targetsInTicketOrder,
  type Assignment,
  type DrawEvidence,
  type InspectorDrawParams,
  type InspectorSnapshot,
  type SizeRule,
  type Stratum,
  type TargetDrawParams,
} from './draw.algorithm.ts';
import { assertDrawTransition } from './draw.state.ts';
import { computeInspectorKeys, computeTicketDigests, warmDrawWorkers } from './draw.parallel.ts';

const gzip = promisify(gzipCb);
const gunzip = promisify(gunzipCb);

/** pg_advisory_xact_lock(namespace, year): serialises target-draw locks of one year ("≤ 2 per year" check). */
const YEAR_LOCK_NAMESPACE = 72705;
/** A target may be in at most this many LOCKED target draws per year (seed 001: 原则上不超过两次). */
export const MAX_DRAWS_PER_YEAR = 2;
/** Heavy draws (1,000,000 candidates) need more than the default 30 s on a slow PGlite. */
const DRAW_TX_TIMEOUT_MS = 120_000;

/** DRAW_PROFILE=1 prints each phase's duration to stderr (bench/draw.ts uses it to show where time goes). */
const PROFILE = !!process.env.DRAW_PROFILE;
let lastMark = 0;
function mark(label: string): void {
  if (!PROFILE) return;
  const now = performance.now();
  if (label !== 'start') process.stderr.write(`    [draw] ${label}: ${Math.round(now - lastMark)} ms\n`);
  lastMark = now;
}

export interface DrawWarning {
  code: string;
  message: string;
}

// ───────────────────────── helpers ─────────────────────────

interface TaskRow {
  id: string;
  code: string;
  year: number;
  status: string;
  leadDepartmentId: string;
  stratified: boolean;
  ratioABp: number;
  ratioBBp: number;
  ratioCBp: number;
  ratioDBp: number;
  windowStart: Date;
  windowEnd: Date;
}

async function loadTask(taskId: string): Promise<TaskRow> {
  const task = await prisma().task.findUnique({ where: { id: taskId } });
  if (!task) throw new NotFoundError('抽查任务', taskId);
  return task;
}

/** The office, or a department admin of the lead department. Everyone else is refused (a participant too). */
function authoriseLead(ctx: Pick<Context, 'actor'>, task: { leadDepartmentId: string }): void {
  const a = ctx.actor;
  if (a.kind === 'user' && a.role === 'OFFICE_ADMIN') return;
  if (a.kind === 'user' && a.role === 'DEPARTMENT_ADMIN' && a.departmentId === task.leadDepartmentId) return;
  throw new AppError(
    'FORBIDDEN',
    { zh: '只有联席会议办公室或牵头部门管理员可以摇号', en: 'only the office or an admin of the lead department runs draws' },
    { reason: 'NOT_LEAD_DEPARTMENT' },
  );
}

function requireTaskStatus(task: { status: string }, expected: TaskStatus, requested: TaskStatus): void {
  if (task.status !== expected)
    throw new AppError(
      'INVALID_TRANSITION',
      {
        zh: `任务状态为“${TASK_STATUS_ZH[task.status as TaskStatus] ?? task.status}”，须为“${TASK_STATUS_ZH[expected]}”才能摇号`,
        en: `the task is ${task.status}; this draw needs it ${expected}`,
      },
      { current: task.status, requested, reason: 'TASK_STATUS' },
    );
}

function text(field: string, value: string, max: number): string {
  const v = value.trim();
  if (!v) throw new InputError(field, 'REQUIRED', { zh: '不能为空', en: 'must not be empty' });
  if (v.length > max) throw new InputError(field, 'TOO_LONG', { zh: `不能超过 ${max} 个字符`, en: `at most ${max} characters` });
  return v;
}

async function assertNoDrawInProgress(tx: Tx, taskId: string): Promise<void> {
  const open = await tx.$queryRaw<{ id: string; status: DrawStatus }[]>`
    select id::text as id, status from draw where task_id = ${taskId}::uuid and status in ('COMMITTED', 'REVEALED') limit 1`;
  if (open[0])
    throw new AppError(
      'CONFLICT',
      { zh: '该任务已有进行中的摇号（已承诺或已揭示），请先锁定或作废', en: 'this task has a draw in progress (committed or revealed): lock or void it first' },
      { reason: 'DRAW_IN_PROGRESS', drawId: open[0].id, status: open[0].status },
    );
}

interface LockedDraw {
  id: string;
  taskId: string;
  kind: DrawKind;
  status: DrawStatus;
}

/** Locks the task row, then the draw row, in that order everywhere (no deadlocks), and returns the draw's state. */
async function lockDraw_(tx: Tx, draw: { id: string; taskId: string }): Promise<LockedDraw> {
  await lockTask(tx, draw.taskId);
  const rows = await tx.$queryRaw<LockedDraw[]>`
    select id::text as id, task_id::text as "taskId", kind, status from draw where id = ${draw.id}::uuid for update`;
  if (!rows[0]) throw new NotFoundError('摇号', draw.id);
  return rows[0];
}

async function loadDrawForAction(ctx: Pick<Context, 'actor'>, drawId: string) {
  const draw = await prisma().draw.findUnique({
    where: { id: drawId },
    select: { id: true, taskId: true, kind: true, status: true, task: { select: { leadDepartmentId: true } } },
  });
  if (!draw) throw new NotFoundError('摇号', drawId);
  authoriseLead(ctx, draw.task);
  return draw;
}

const newServerSeed = () => randomBytes(32).toString('hex');

/**
 * The gzip'd snapshot goes in and out as base64 text through raw SQL: Prisma's Bytes mapping through the driver
 * adapters costs seconds for a few megabytes (2.6 s to write and 0.6 s to read 3.6 MB on PGlite; 0.2 s and 0.05 s this way).
 */
async function writeSnapshot(tx: Tx, drawId: string, gz: Uint8Array): Promise<void> {
  await tx.$executeRaw`update draw set candidate_snapshot = decode(${Buffer.from(gz).toString('base64')}, 'base64') where id = ${drawId}::uuid`;
}

async function readSnapshot(client: Tx | ReturnType<typeof prisma>, drawId: string): Promise<Buffer> {
  const rows = await client.$queryRaw<{ b: string | null }[]>`select encode(candidate_snapshot, 'base64') as b from draw where id = ${drawId}::uuid`;
  return Buffer.from(rows[0]?.b ?? '', 'base64');
}

// ───────────────────────── target draw: commit ─────────────────────────

export interface CommitTargetDrawInput {
  taskId: string;
  publicInputSource: string;
  /** default: the task's own setting */
  stratified?: boolean | null;
  /** explicit sizes for some strata (the others use the task's ratios) */
  counts?: { stratum: Stratum; count: number }[] | null;
  /** ratio of an unstratified draw (default: the task's class-B ratio) */
  ratioBp?: number | null;
}

/** Step 1–3: candidates, snapshot, parameters and commitment. The server seed stays secret until reveal. */
export async function commitTargetDraw(ctx: Pick<Context, 'actor' | 'requestId'>, input: CommitTargetDrawInput) {
  // authorise
  const task = await loadTask(input.taskId);
  authoriseLead(ctx, task);
  // validate
  const publicInputSource = text('publicInputSource', input.publicInputSource, 500);
  const stratified = input.stratified ?? task.stratified;
  const strata: Stratum[] = stratified ? [...RISK_STRATA] : [UNSTRATIFIED];
  const rules: Partial<Record<Stratum, SizeRule>> = stratified
    ? { A: { bp: task.ratioABp }, B: { bp: task.ratioBBp }, C: { bp: task.ratioCBp }, D: { bp: task.ratioDBp } }
    : { ALL: { bp: task.ratioBBp } };
  if (input.ratioBp != null) {
    if (stratified) throw new InputError('ratioBp', 'STRATIFIED', { zh: '分层抽取按任务各风险类别比例，不能另设总比例', en: 'a stratified draw uses the task ratio of each class; ratioBp is for unstratified draws' });
    if (!Number.isInteger(input.ratioBp) || input.ratioBp < 0 || input.ratioBp > 10_000)
      throw new InputError('ratioBp', 'RATIO', { zh: '比例应为 0–10000 基点', en: 'a ratio is 0–10000 basis points' });
    rules.ALL = { bp: input.ratioBp };
  }
  for (const c of input.counts ?? []) {
    if (!strata.includes(c.stratum))
      throw new InputError('counts', 'STRATUM', { zh: `本次摇号没有分层 ${c.stratum}`, en: `stratum ${c.stratum} is not part of a ${stratified ? 'stratified' : 'unstratified'} draw` });
    if (!Number.isInteger(c.count) || c.count < 0 || c.count > 10_000_000)
      throw new InputError('counts', 'COUNT', { zh: '抽取数量应为非负整数', en: 'a count is a non-negative integer' });
    rules[c.stratum] = { count: c.count };
  }
  if (new Set((input.counts ?? []).map((c) => c.stratum)).size !== (input.counts ?? []).length)
    throw new InputError('counts', 'DUPLICATE', { zh: '同一分层只能指定一次数量', en: 'each stratum at most once' });
  requireTaskStatus(task, 'READY', 'DRAWN');
  let warnings: DrawWarning[] = [];
  warmDrawWorkers();

  const created = await mutate(
    ctx,
    async (tx, audit) => {
      const status = await lockTask(tx, task.id);
      requireTaskStatus({ status }, 'READY', 'DRAWN');
      await assertNoDrawInProgress(tx, task.id);
      warnings = await poolWarnings(tx, await participatingDepartments(tx, task.id, task.leadDepartmentId));
      const snap = await targetCandidates(tx, task.id, stratified);
      if (snap.n === 0) throw new InputError('taskId', 'NO_CANDIDATES', { zh: '任务范围内没有可抽取的检查对象', en: 'no target in the task scope can be drawn' });
      const { params, json } = targetDrawParams({ task: task.code, year: task.year, stratified, publicInputSource, rules, counts: snap.counts });
      const total = Object.values(params.strata).reduce((s, p) => s + (p?.k ?? 0), 0);
      if (total === 0) throw new InputError('counts', 'EMPTY_SELECTION', { zh: '按当前比例或数量不会抽中任何对象', en: 'these ratios or counts select nothing' });
      const serverSeed = newServerSeed();
      mark('start');
      const draw = await tx.draw.create({
        data: {
          taskId: task.id,
          kind: 'TARGET',
          algorithm: ALGORITHM,
          status: 'COMMITTED',
          stratified,
          params: json,
          candidateCount: snap.n,
          candidateHash: snap.hash,
          commitment: commitmentOf(serverSeed),
          serverSeed,
          publicInputSource,
          createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
        },
        select: { id: true },
      });
      await writeSnapshot(tx, draw.id, await snap.gz);
      audit.record({
        operation: 'commitTargetDraw',
        entity: 'Draw',
        entityId: draw.id,
        after: { taskId: task.id, kind: 'TARGET', params: json, candidateCount: snap.n, candidateHash: snap.hash, commitment: commitmentOf(serverSeed), publicInputSource, warnings },
      });
      mark('insert draw');
      return draw;
    },
    { timeoutMs: DRAW_TX_TIMEOUT_MS },
  );
  return { drawId: created.id, warnings };
}

/**
 * The candidates of a task, as snapshot text: the task's pools (task.poolIds with their sub-pools, or every pool of
 * every participating department), its scope (industry and region code prefixes, target types, business-scope
 * keywords; an empty list does not restrict), its target restriction (scope_target_ids of a re-issued task; empty =
 * none), minus deregistered targets, targets already in 2 LOCKED target draws
 * of the task's year, and targets already in a LOCKED draw of this task. The lines are aggregated in the database
 * (one value crosses the wire) and sorted by USCC here.
 */
async function targetCandidates(tx: Tx, taskId: string, stratified: boolean) {
  mark('start');
  // One big scan, join and aggregate: hashes in memory, no JIT compilation (it costs more than it saves on a query
  // run once), and on PostgreSQL the scan and join spread over parallel workers (the planner's default costs would
  // not; the leader still aggregates). The task's pools and scope are read first and passed as parameters, so the
  // big statement has no CTE (CTE scans are parallel-restricted).
  await tx.$executeRawUnsafe(`set local work_mem = '256MB'`);
  await tx.$executeRawUnsafe(`set local jit = off`);
  if (db().kind === 'postgres') {
    await tx.$executeRawUnsafe(`set local parallel_setup_cost = 0`);
    await tx.$executeRawUnsafe(`set local parallel_tuple_cost = 0.001`);
  }
  const [k] = await tx.$queryRaw<{ year: number; industry: string[]; region: string[]; types: string[]; keywords: string[]; restricted: boolean }[]>`
    select year, coalesce(scope_industry_codes, '{}') as industry, coalesce(scope_region_codes, '{}') as region,
           coalesce(scope_target_types::text[], '{}') as types, coalesce(scope_keywords, '{}') as keywords,
           coalesce(cardinality(scope_target_ids), 0) > 0 as restricted
      from task where id = ${taskId}::uuid`;
  // A re-issued task may be restricted to given targets (task.scope_target_ids, read from the row inside SQL);
  // unrestricted draws run the statement unchanged.
  const restriction = k!.restricted
    ? Prisma.sql`and t.id in (select unnest(scope_target_ids) from task where id = ${taskId}::uuid)`
    : Prisma.empty;
  const pools = await tx.$queryRaw<{ id: string }[]>`
    with recursive pools as (
      select p.id from target_pool p, task k
       where k.id = ${taskId}::uuid
         and ((coalesce(cardinality(k.pool_ids), 0) > 0 and p.id = any(k.pool_ids))
           or (coalesce(cardinality(k.pool_ids), 0) = 0 and p.department_id in (select department_id from task_participant where task_id = k.id)))
      union
      select c.id from target_pool c join pools on c.parent_id = pools.id
    )
    select id::text as id from pools`;
  // Excluded: in 2 LOCKED target draws of the year (draw_target.year is the task's year, set at reveal, so only
  // that year's draws are read), or in a LOCKED draw of this task. A small set, computed once and passed in.
  const excluded = await tx.$queryRaw<{ id: string }[]>`
    select dt.target_id::text as id
      from draw d join task k on k.id = d.task_id join draw_target dt on dt.draw_id = d.id
     where d.status = 'LOCKED' and d.kind = 'TARGET' and k.year = ${k!.year}::int and dt.year = ${k!.year}::int
     group by dt.target_id having count(*) >= ${MAX_DRAWS_PER_YEAR}::int
    union
    select dt.target_id::text from draw d join draw_target dt on dt.draw_id = d.id where d.task_id = ${taskId}::uuid and d.status = 'LOCKED'`;
  const rows = await tx.$queryRaw<{ a: string; b: string; c: string; d: string; all: string }[]>`
    -- per stratum, the USCCs (18 characters each) in one string: no per-row concatenation, separator or enum output
    select coalesce(string_agg(uscc, '') filter (where ${stratified}::boolean and risk_class = 'A'), '') as a,
           coalesce(string_agg(uscc, '') filter (where ${stratified}::boolean and risk_class = 'B'), '') as b,
           coalesce(string_agg(uscc, '') filter (where ${stratified}::boolean and risk_class = 'C'), '') as c,
           coalesce(string_agg(uscc, '') filter (where ${stratified}::boolean and risk_class = 'D'), '') as d,
           coalesce(string_agg(uscc, '') filter (where not ${stratified}::boolean), '') as "all"
      from (
        select t.uscc::text as uscc, t.risk_class
          from target t
         where t.status <> 'DEREGISTERED'
           and t.id in (select m.target_id from target_pool_member m where m.pool_id = any(${pools.map((p) => p.id)}::uuid[]))
           and not (t.id = any(${excluded.map((x) => x.id)}::uuid[]))
           and (cardinality(${k!.industry}::text[]) = 0 or exists (select 1 from unnest(${k!.industry}::text[]) x where starts_with(t.industry_code, x)))
           and (cardinality(${k!.region}::text[]) = 0 or exists (select 1 from unnest(${k!.region}::text[]) x where starts_with(t.region_code, x)))
           and (cardinality(${k!.types}::text[]) = 0 or t.type::text = any(${k!.types}::text[]))
           and (cardinality(${k!.keywords}::text[]) = 0 or exists (select 1 from unnest(${k!.keywords}::text[]) x where strpos(coalesce(t.business_scope, ''), x) > 0))
           ${restriction}
      ) cand`;
  mark('candidates query');
  const r = rows[0]!;
  // Unsorted from the database; sorted here by USCC in byte order (snapshotFromStrata).
  const { bytes, counts: found } = snapshotFromStrata(
    stratified ? (['A', 'B', 'C', 'D'] as const).map((s) => ({ stratum: s, usccs: r[s.toLowerCase() as 'a'] })) : [{ stratum: 'ALL' as const, usccs: r.all }],
  );
  mark('sort');
  const counts: Partial<Record<Stratum, number>> = stratified ? { A: found.A ?? 0, B: found.B ?? 0, C: found.C ?? 0, D: found.D ?? 0 } : { ALL: found.ALL ?? 0 };
  const n = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  const gzipped = gzip(bytes, { level: 1 }); // on the libuv thread pool while the rest goes on
  gzipped.catch(() => {}); // awaited by the caller; never an unhandled rejection
  const hash = sha256hex(bytes);
  mark('candidate hash');
  return { n, counts, hash, gz: gzipped.then((b) => new Uint8Array(b)) };
}

// ───────────────────────── inspector draw: commit ─────────────────────────

export interface CommitInspectorDrawInput {
  taskId: string;
  publicInputSource: string;
}

/** Step 6, commit: snapshot of targets, available inspectors and exclusions; plans per department; commitment. */
export async function commitInspectorDraw(ctx: Pick<Context, 'actor' | 'requestId'>, input: CommitInspectorDrawInput) {
  const task = await loadTask(input.taskId);
  authoriseLead(ctx, task);
  const publicInputSource = text('publicInputSource', input.publicInputSource, 500);
  requireTaskStatus(task, 'DRAWN', 'DISPATCHED');
  warmDrawWorkers();
  let warnings: DrawWarning[] = [];

  const created = await mutate(
    ctx,
    async (tx, audit) => {
      const status = await lockTask(tx, task.id);
      requireTaskStatus({ status }, 'DRAWN', 'DISPATCHED');
      await assertNoDrawInProgress(tx, task.id);
      const targetDraw = await tx.draw.findFirst({ where: { taskId: task.id, kind: 'TARGET', status: 'LOCKED' }, select: { id: true, resultHash: true } });
      if (!targetDraw) throw new AppError('CONFLICT', { zh: '该任务没有已锁定的对象摇号', en: 'the task has no locked target draw' }, { reason: 'NO_LOCKED_TARGET_DRAW' });
      mark('start');
      const departments = await participatingDepartments(tx, task.id, task.leadDepartmentId);
      warnings = await poolWarnings(tx, departments);
      const snapshot = await inspectorSnapshot(tx, task, targetDraw.id, departments.map((d) => d.id));
      mark('snapshot queries');
      const plans = departmentPlans(snapshot, departments);
      assertEveryTargetCanBeServed(snapshot, plans);
      mark('plans and feasibility');
      const text_ = inspectorSnapshotText(snapshot);
      const { json } = inspectorDrawParams({
        task: task.code,
        publicInputSource,
        targetDraw: targetDraw.id,
        targetResultHash: targetDraw.resultHash!,
        window: { start: formatDate(task.windowStart), end: formatDate(task.windowEnd) },
        departments: plans,
      });
      const bytes = Buffer.from(text_, 'utf8');
      const serverSeed = newServerSeed();
      const draw = await tx.draw.create({
        data: {
          taskId: task.id,
          kind: 'INSPECTOR',
          targetDrawId: targetDraw.id,
          algorithm: ALGORITHM,
          status: 'COMMITTED',
          stratified: false,
          params: json,
          candidateCount: snapshot.inspectors.length,
          candidateHash: sha256hex(bytes),
          commitment: commitmentOf(serverSeed),
          serverSeed,
          publicInputSource,
          createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
        },
        select: { id: true, candidateHash: true, commitment: true },
      });
      await writeSnapshot(tx, draw.id, await gzip(bytes, { level: 1 }));
      audit.record({
        operation: 'commitInspectorDraw',
        entity: 'Draw',
        entityId: draw.id,
        after: { taskId: task.id, kind: 'INSPECTOR', targetDrawId: targetDraw.id, params: json, candidateCount: snapshot.inspectors.length, candidateHash: draw.candidateHash, commitment: draw.commitment, publicInputSource, warnings },
      });
      return draw;
    },
    { timeoutMs: DRAW_TX_TIMEOUT_MS },
  );
  return { drawId: created.id, warnings };
}

/**
 * "有关部门每次组织抽查活动前对“两库”进行更新确认" (seed 001): a department whose pools are not confirmed recently
 * enough gets a warning on the draw (and in its audit event); the draw is not refused.
 */
async function poolWarnings(tx: Tx, departments: { id: string; code: string }[]): Promise<DrawWarning[]> {
  const status = await poolConfirmationStatus(
    departments.map((d) => d.id),
    new Date(),
    tx,
  );
  return status
    .filter((s) => !s.current)
    .map((s) => {
      const code = departments.find((d) => d.id === s.departmentId)?.code ?? s.departmentId;
      return {
        code: 'POOLS_NOT_CONFIRMED',
        message: `部门 ${code} 的两库未在 ${s.maxAgeDays} 天内更新确认（${s.reason}）/ department ${code}: its pools were not confirmed within ${s.maxAgeDays} days (${s.reason})`,
      };
    });
}

/** The lead and every department that accepted the task, with their codes. */
async function participatingDepartments(tx: Tx, taskId: string, leadDepartmentId: string) {
  const rows = await tx.$queryRaw<{ id: string; code: string }[]>`
    select d.id::text as id, d.code from task_participant p join department d on d.id = p.department_id
     where p.task_id = ${taskId}::uuid and (p.role = 'LEAD' or p.acceptance = 'ACCEPTED')
     order by d.code collate "C"`;
  return rows.map((r) => ({ id: r.id, code: r.code, lead: r.id === leadDepartmentId }));
}

/**
 * I lines: active inspectors of the participating departments with no leave overlapping the task window.
 * T lines: the locked target draw's selection. X lines: (target, inspector) pairs excluded because the inspector is
 * recused for the target, or inspected it in the 365 days before now (a team of a LOCKED inspector draw, or a
 * signed-in inspector of a record).
 */
async function inspectorSnapshot(tx: Tx, task: TaskRow, targetDrawId: string, departmentIds: string[]): Promise<InspectorSnapshot> {
  const inspectors = await tx.$queryRaw<{ department: string; certificateNo: string }[]>`
    select d.code as department, i.certificate_no as "certificateNo"
      from inspector i join department d on d.id = i.department_id
     where i.department_id = any(${departmentIds}::uuid[]) and i.active
       and not exists (select 1 from inspector_leave l where l.inspector_id = i.id and l.starts_on <= ${task.windowEnd}::date and l.ends_on >= ${task.windowStart}::date)`;
  const targets = await tx.$queryRaw<{ uscc: string; stratum: string; ticket: string }[]>`
    select uscc::text as uscc, stratum, ticket::text as ticket from draw_target where draw_id = ${targetDrawId}::uuid`;
  const exclusions = await tx.$queryRaw<{ uscc: string; certificateNo: string }[]>`
    with sel as (select target_id, uscc from draw_target where draw_id = ${targetDrawId}::uuid),
    avail as (
      select i.id, i.certificate_no from inspector i
       where i.department_id = any(${departmentIds}::uuid[]) and i.active
    ),
    pairs as (
      select r.target_id, r.inspector_id from recusal r
       where r.target_id in (select target_id from sel) and r.inspector_id in (select id from avail)
      union
      select a.target_id, a.inspector_id from inspector_assignment a join draw d on d.id = a.draw_id
       where d.status = 'LOCKED' and d.locked_at >= now() - interval '365 days'
         and a.target_id in (select target_id from sel) and a.inspector_id in (select id from avail)
      union
      select r.target_id, ri.inspector_id from record_inspector ri join inspection_record r on r.id = ri.record_id
       where coalesce(r.inspected_on, r.created_at::date) >= current_date - 365
         and r.target_id in (select target_id from sel) and ri.inspector_id in (select id from avail)
    )
    select sel.uscc::text as uscc, avail.certificate_no as "certificateNo"
      from pairs join sel on sel.target_id = pairs.target_id join avail on avail.id = pairs.inspector_id`;
  return { inspectors, targets, exclusions };
}

/** Refuses at commit what no seed could serve: a target with fewer non-excluded inspectors in a department than seats. */
function assertEveryTargetCanBeServed(snapshot: InspectorSnapshot, plans: Record<string, { seats: number; pool: number }>): void {
  const deptOf = new Map(snapshot.inspectors.map((i) => [i.certificateNo, i.department]));
  const excludedPerTarget = new Map<string, Map<string, number>>(); // uscc → department → excluded inspectors
  for (const x of snapshot.exclusions) {
    const d = deptOf.get(x.certificateNo);
    if (!d) continue;
    const m = excludedPerTarget.get(x.uscc) ?? new Map<string, number>();
    m.set(d, (m.get(d) ?? 0) + 1);
    excludedPerTarget.set(x.uscc, m);
  }
  const codes = Object.keys(plans).sort((a, b) => (a < b ? -1 : 1));
  const targets = [...snapshot.targets].sort((a, b) => (a.ticket < b.ticket ? -1 : 1));
  for (const t of targets)
    for (const code of codes) {
      const free = plans[code]!.pool - (excludedPerTarget.get(t.uscc)?.get(code) ?? 0);
      if (free < plans[code]!.seats) throw noEligibleInspector(t.uscc, code);
    }
}

function noEligibleInspector(uscc: string, department: string): AppError {
  return new AppError(
    'BAD_USER_INPUT',
    { zh: `检查对象 ${uscc} 在部门 ${department} 没有可匹配的执法检查人员`, en: `no eligible inspector of department ${department} for target ${uscc}` },
    { field: 'taskId', reason: 'NO_ELIGIBLE_INSPECTOR', uscc, department },
  );
}

// ───────────────────────── reveal ─────────────────────────

/** Step 4: seed from the server seed and the public input, then the selection (or the teams). */
export async function revealDraw(ctx: Pick<Context, 'actor' | 'requestId'>, drawId: string, publicInputRaw: string) {
  const draw = await loadDrawForAction(ctx, drawId);
  // The public input is used exactly as given (it is hashed), so it is checked, not trimmed.
  if (!publicInputRaw.trim()) throw new InputError('publicInput', 'REQUIRED', { zh: '请填写公开输入', en: 'the public input is required' });
  if (publicInputRaw.length > 500) throw new InputError('publicInput', 'TOO_LONG', { zh: '公开输入不能超过 500 个字符', en: 'at most 500 characters' });
  assertDrawTransition(draw.status, 'REVEALED');

  mark('start');
  try {
    await mutate(
      ctx,
      async (tx, audit) => {
        const locked = await lockDraw_(tx, draw);
        assertDrawTransition(locked.status, 'REVEALED');
        mark('begin and lock');
        const row = await tx.draw.findUniqueOrThrow({
          where: { id: draw.id },
          select: { serverSeed: true, params: true, task: { select: { id: true, year: true } } },
        });
        const gz = await readSnapshot(tx, draw.id);
        mark('load snapshot');
        const snapshot = Buffer.from(await gunzip(gz));
        mark('gunzip');
        const seed = deriveSeed(row.serverSeed, publicInputRaw);
        const result =
          locked.kind === 'TARGET'
            ? await revealTargets(tx, draw.id, row.task.year, snapshot, seed, JSON.parse(row.params) as TargetDrawParams)
            : await revealInspectors(tx, draw.id, row.task.id, snapshot, seed, JSON.parse(row.params) as InspectorDrawParams);
        const now = new Date();
        await tx.draw.update({
          where: { id: draw.id },
          data: { status: 'REVEALED', publicInput: publicInputRaw, seed, resultHash: result.resultHash, selectedCount: result.count, revealedAt: now },
          select: { id: true },
        });
        mark('update draw');
        audit.record({
          operation: 'revealDraw',
          entity: 'Draw',
          entityId: draw.id,
          before: { status: 'COMMITTED' },
          after: { status: 'REVEALED', serverSeed: row.serverSeed, publicInput: publicInputRaw, seed, resultHash: result.resultHash, selectedCount: result.count },
        });
      },
      { timeoutMs: DRAW_TX_TIMEOUT_MS },
    );
    mark('audit and commit');
  } catch (e) {
    if (e instanceof AppError && e.extensions.reason === 'NO_ELIGIBLE_INSPECTOR' && draw.kind === 'INSPECTOR')
      await voidInfeasible(ctx, draw, publicInputRaw, e).catch(() => {}); // a concurrent step won: nothing to void
    throw e;
  }
}

/**
 * An inspector draw whose seed leads to a target no eligible inspector can serve (the caps ran out; step 6): no team
 * is written, and the draw is voided on the spot with its public input and seed, so the failed reveal is public and
 * cannot be retried with another public input. The caller still gets the typed error; a new draw is a new event.
 */
async function voidInfeasible(ctx: Pick<Context, 'actor' | 'requestId'>, draw: { id: string; taskId: string }, publicInput: string, error: AppError) {
  const { uscc, department } = error.extensions as { uscc: string; department: string };
  const reason = `NO_ELIGIBLE_INSPECTOR: ${department} / ${uscc}`;
  await mutate(ctx, async (tx, audit) => {
    const locked = await lockDraw_(tx, draw);
    if (locked.status !== 'COMMITTED') throw error;
    const row = await tx.draw.findUniqueOrThrow({ where: { id: draw.id }, select: { serverSeed: true } });
    const seed = deriveSeed(row.serverSeed, publicInput);
    const now = new Date();
    await tx.draw.update({ where: { id: draw.id }, data: { status: 'VOIDED', publicInput, seed, revealedAt: now, voidedAt: now, voidReason: reason, selectedCount: 0 }, select: { id: true } });
    audit.record({
      operation: 'voidDraw',
      entity: 'Draw',
      entityId: draw.id,
      before: { status: 'COMMITTED' },
      after: { status: 'VOIDED', voidReason: reason, serverSeed: row.serverSeed, publicInput, seed },
    });
  });
}

async function revealTargets(tx: Tx, drawId: string, year: number, snapshot: Buffer, seed: string, params: TargetDrawParams) {
  const set = parseCandidates(snapshot);
  mark('parse');
  const counts = stratumCounts(set);
  const sizes: Partial<Record<Stratum, number>> = {};
  for (const [s, p] of Object.entries(params.strata)) {
    // The stored parameters were computed from this very snapshot; a mismatch means the row was altered.
    if ((counts[s as Stratum] ?? 0) !== p!.n) throw new Error(`draw ${drawId}: snapshot and parameters disagree on stratum ${s}`);
    sizes[s as Stratum] = p!.k;
  }
  const digests = await computeTicketDigests(seed, set);
  mark('tickets');
  const selected = selectTargets(set, seed, sizes, { digests });
  mark('select');
  if (selected.length) {
    // One statement; its references are checked once for the whole statement by the table's trigger (migration
    // 20261203102640_draw_references_per_statement), not row by row. The join finds each target by USCC.
    const inserted = await tx.$executeRaw`
      with u as (
        select * from unnest(string_to_array(${selected.map((s) => s.uscc).join(',')}, ','),
                             string_to_array(${selected.map((s) => s.stratum).join(',')}, ','),
                             string_to_array(${selected.map((s) => s.rank).join(',')}, ',')::int[],
                             string_to_array(${selected.map((s) => s.ticket).join(',')}, ',')) as u(uscc, stratum, rank, ticket)
      )
      insert into draw_target (draw_id, target_id, uscc, stratum, rank, ticket, year)
      select ${drawId}::uuid, t.id, t.uscc, u.stratum, u.rank, u.ticket, ${year}::int
        from u join target t on t.uscc = u.uscc::char(18)`;
    if (inserted !== selected.length) throw new Error(`draw ${drawId}: ${selected.length - inserted} selected targets no longer exist`);
    mark('insert draw_target');
  }
  return { resultHash: targetResultHash(selected), count: selected.length };
}

async function revealInspectors(tx: Tx, drawId: string, taskId: string, snapshotBytes: Buffer, seed: string, params: InspectorDrawParams) {
  const snapshot = parseInspectorSnapshot(snapshotBytes.toString('utf8'));
  mark('parse');
  const keys = await computeInspectorKeys(
    seed,
    targetsInTicketOrder(snapshot.targets).map((t) => t.uscc),
    snapshot.inspectors.map((i) => i.certificateNo),
  );
  mark('rank keys');
  let assignments: Assignment[];
  try {
    assignments = matchInspectors(snapshot, params.departments, seed, fastHasher, keys);
    mark('match');
  } catch (e) {
    if (e instanceof DrawAlgorithmError && e.reason === 'NO_ELIGIBLE_INSPECTOR') throw noEligibleInspector(String(e.details.uscc), String(e.details.department));
    throw e;
  }
  if (assignments.length) {
    // As for draw_target: one statement, references checked per statement by the table's trigger.
    const inserted = await tx.$executeRaw`
      with u as (
        select * from unnest(string_to_array(${assignments.map((a) => a.uscc).join(',')}, ','),
                             string_to_array(${assignments.map((a) => a.certificateNo).join('\n')}, E'\\n'),
                             string_to_array(${assignments.map((a) => a.role).join(',')}, ','),
                             string_to_array(${assignments.map((a) => a.ticket).join(',')}, ',')) as u(uscc, cert, role, ticket)
      )
      insert into inspector_assignment (draw_id, task_id, target_id, inspector_id, department_id, role, ticket)
      select ${drawId}::uuid, ${taskId}::uuid, t.id, i.id, i.department_id, u.role::"TeamRole", u.ticket
        from u join target t on t.uscc = u.uscc::char(18) join inspector i on i.certificate_no = u.cert`;
    if (inserted !== assignments.length) throw new Error(`draw ${drawId}: ${assignments.length - inserted} assignments could not be written`);
    mark('insert assignments');
  }
  return { resultHash: inspectorResultHash(assignments), count: assignments.length };
}

// ───────────────────────── lock ─────────────────────────

/** Step 5: the draw becomes immutable. Target draw: task READY → DRAWN, dispatched. Inspector draw: DRAWN → DISPATCHED. */
export async function lockDraw(ctx: Pick<Context, 'actor' | 'requestId'>, drawId: string) {
  const draw = await loadDrawForAction(ctx, drawId);
  assertDrawTransition(draw.status, 'LOCKED');
  await mutate(
    ctx,
    async (tx, audit) => {
      const locked = await lockDraw_(tx, draw);
      assertDrawTransition(locked.status, 'LOCKED');
      mark('start');
      if (locked.kind === 'TARGET') await checkYearLimit(tx, draw.id);
      else await checkNoDoubleBooking(tx, draw.id);
      mark(locked.kind === 'TARGET' ? 'year-limit check' : 'double-booking check');
      const now = new Date();
      const updated = await tx.draw.update({ where: { id: draw.id }, data: { status: 'LOCKED', lockedAt: now }, select: { id: true, selectedCount: true } });
      audit.record({ operation: 'lockDraw', entity: 'Draw', entityId: draw.id, before: { status: 'REVEALED' }, after: { status: 'LOCKED', lockedAt: now } });
      await transitionTask(tx, draw.taskId, locked.kind === 'TARGET' ? 'DRAWN' : 'DISPATCHED', audit, { reason: `draw ${draw.id} locked` });
      const participants = await tx.$queryRaw<{ code: string }[]>`
        select d.code from task_participant p join department d on d.id = p.department_id where p.task_id = ${draw.taskId}::uuid order by d.code collate "C"`;
      audit.record({
        operation: locked.kind === 'TARGET' ? 'dispatchTargetList' : 'dispatchTeams',
        entity: 'Task',
        entityId: draw.taskId,
        after: { drawId: draw.id, selectedCount: updated.selectedCount, departments: participants.map((p) => p.code) },
      });
    },
    { timeoutMs: DRAW_TX_TIMEOUT_MS },
  );
}

/** "At most twice a year": under the year's advisory lock, no selected target may already be in 2 LOCKED target draws. */
async function checkYearLimit(tx: Tx, drawId: string): Promise<void> {
  const [{ year } = { year: null }] = await tx.$queryRaw<{ year: number | null }[]>`select max(year) as year from draw_target where draw_id = ${drawId}::uuid`;
  if (year === null) return;
  await tx.$executeRaw`select pg_advisory_xact_lock(${YEAR_LOCK_NAMESPACE}::int, ${year}::int)`;
  const over = await tx.$queryRaw<{ uscc: string; times: number }[]>`
    select dt.uscc::text as uscc, count(*)::int as times
      from draw_target dt
      join draw_target o on o.target_id = dt.target_id and o.year = dt.year and o.draw_id <> dt.draw_id
      join draw d on d.id = o.draw_id and d.status = 'LOCKED' and d.kind = 'TARGET'
     where dt.draw_id = ${drawId}::uuid
     group by dt.uscc having count(*) >= ${MAX_DRAWS_PER_YEAR}::int
     order by dt.uscc limit 5`;
  if (over.length)
    throw new AppError(
      'CONFLICT',
      {
        zh: `检查对象 ${over.map((o) => o.uscc).join('、')} 本年度已被锁定抽取 ${MAX_DRAWS_PER_YEAR} 次（其他任务先锁定）；请作废本次摇号后重新摇号`,
        en: `target(s) ${over.map((o) => o.uscc).join(', ')} are already in ${MAX_DRAWS_PER_YEAR} locked draws this year (another task locked first); void this draw and draw again`,
      },
      { reason: 'DRAWN_TWICE_THIS_YEAR', usccs: over.map((o) => o.uscc), year },
    );
}

/**
 * No inspector booked twice for one target: with this draw's inspectors' rows locked (in id order), none of its
 * (target, inspector) pairs may be in another LOCKED inspector draw or a record of the past 365 days.
 */
async function checkNoDoubleBooking(tx: Tx, drawId: string): Promise<void> {
  await tx.$queryRaw`
    select i.id from inspector i where i.id in (select inspector_id from inspector_assignment where draw_id = ${drawId}::uuid) order by i.id for update of i`;
  // Driven from this draw's pairs and the few LOCKED draws of the past 365 days (hash joins, not a lookup per pair).
  const clash = await tx.$queryRaw<{ uscc: string; certificateNo: string; otherDrawId: string | null }[]>`
    with mine as (select target_id, inspector_id from inspector_assignment where draw_id = ${drawId}::uuid),
    recent as (select id from draw where status = 'LOCKED' and kind = 'INSPECTOR' and locked_at >= now() - interval '365 days' and id <> ${drawId}::uuid),
    hits as (
      select o.target_id, o.inspector_id, o.draw_id
        from inspector_assignment o join mine on mine.target_id = o.target_id and mine.inspector_id = o.inspector_id
       where o.draw_id in (select id from recent)
      union all
      select r.target_id, ri.inspector_id, null
        from inspection_record r join record_inspector ri on ri.record_id = r.id
        join mine on mine.target_id = r.target_id and mine.inspector_id = ri.inspector_id
       where coalesce(r.inspected_on, r.created_at::date) >= current_date - 365
    )
    select t.uscc::text as uscc, i.certificate_no as "certificateNo", hits.draw_id::text as "otherDrawId"
      from hits join target t on t.id = hits.target_id join inspector i on i.id = hits.inspector_id
     limit 5`;
  if (clash.length)
    throw new AppError(
      'CONFLICT',
      {
        zh: `执法检查人员 ${clash[0]!.certificateNo} 已在其他已锁定的摇号中检查对象 ${clash[0]!.uscc}；请作废本次摇号后重新摇号`,
        en: `inspector ${clash[0]!.certificateNo} is already booked for target ${clash[0]!.uscc} by another locked draw; void this draw and draw again`,
      },
      { reason: 'INSPECTOR_DOUBLE_BOOKED', uscc: clash[0]!.uscc, certificateNo: clash[0]!.certificateNo, otherDrawId: clash[0]!.otherDrawId },
    );
}

// ───────────────────────── void ─────────────────────────

/** Before lock only, with a reason. The draw stays visible with everything it published; a new draw is a new event. */
export async function voidDraw(ctx: Pick<Context, 'actor' | 'requestId'>, drawId: string, reasonRaw: string) {
  const draw = await loadDrawForAction(ctx, drawId);
  const reason = text('reason', reasonRaw, 500);
  assertDrawTransition(draw.status, 'VOIDED');
  await mutate(ctx, async (tx, audit) => {
    const locked = await lockDraw_(tx, draw);
    assertDrawTransition(locked.status, 'VOIDED');
    const now = new Date();
    await tx.draw.update({ where: { id: draw.id }, data: { status: 'VOIDED', voidReason: reason, voidedAt: now }, select: { id: true } });
    audit.record({ operation: 'voidDraw', entity: 'Draw', entityId: draw.id, before: { status: locked.status }, after: { status: 'VOIDED', voidReason: reason } });
  });
}

// ───────────────────────── evidence ─────────────────────────

/**
 * Everything a third party needs to recompute the draw (docs/DRAW.md), as JSON for `pnpm verify-draw`. Visible to
 * whoever may read the draw; an inspector draw's evidence names certificate numbers and exclusions, so it is for
 * staff (office, and the task's departments) only.
 */
export async function drawEvidence(ctx: Pick<Context, 'actor'>, drawId: string): Promise<DrawEvidence> {
  const draw = await prisma().draw.findFirst({
    where: withVisibility('Draw', ctx.actor, { id: drawId }),
    omit: { candidateSnapshot: true },
    include: { task: { select: { code: true } } },
  });
  if (!draw) {
    if (await prisma().draw.count({ where: { id: drawId } }))
      throw new AppError('FORBIDDEN', { zh: '无权查看该摇号', en: 'not allowed to see this draw' }, { entity: 'Draw', id: drawId });
    throw new NotFoundError('摇号', drawId);
  }
  const a = ctx.actor;
  const staff = a.kind === 'user' && (a.role === 'OFFICE_ADMIN' || a.role === 'DEPARTMENT_ADMIN' || a.role === 'INSPECTOR');
  if (draw.kind === 'INSPECTOR' && !staff)
    throw new AppError('FORBIDDEN', { zh: '检查人员摇号的证据含执法证号，仅限工作人员查看', en: 'inspector-draw evidence holds certificate numbers: staff only' }, { reason: 'STAFF_ONLY' });
  const gz = await readSnapshot(prisma(), draw.id);
  const snapshot = gz.length ? Buffer.from(await gunzip(gz)).toString('utf8') : '';
  const revealed = !!draw.seed && draw.status !== 'COMMITTED';
  let selected: DrawEvidence['selected'] = null;
  let assignments: DrawEvidence['assignments'] = null;
  if (revealed && draw.kind === 'TARGET') {
    selected = await prisma().$queryRaw<{ uscc: string; stratum: string; rank: number; ticket: string }[]>`
      select uscc::text as uscc, stratum, rank, ticket::text as ticket from draw_target where draw_id = ${draw.id}::uuid order by stratum collate "C", rank`;
  } else if (revealed) {
    // Assignment order = the algorithm's order: targets by ticket (ties by USCC), departments by code, leader first.
    assignments = await prisma().$queryRaw<Assignment[]>`
      select t.uscc::text as uscc, d.code as department, i.certificate_no as "certificateNo", a.role::text as role, a.ticket::text as ticket
        from inspector_assignment a
        join target t on t.id = a.target_id
        join department d on d.id = a.department_id
        join inspector i on i.id = a.inspector_id
        join draw_target dt on dt.draw_id = ${draw.targetDrawId}::uuid and dt.target_id = a.target_id
       where a.draw_id = ${draw.id}::uuid
       order by dt.ticket collate "C", t.uscc collate "C", d.code collate "C", a.role, a.ticket collate "C"`;
  }
  return {
    format: EVIDENCE_FORMAT,
    algorithm: draw.algorithm,
    draw: {
      id: draw.id,
      kind: draw.kind,
      status: draw.status,
      task: draw.task.code,
      committedAt: draw.committedAt.toISOString(),
      revealedAt: draw.revealedAt?.toISOString() ?? null,
      lockedAt: draw.lockedAt?.toISOString() ?? null,
      voidedAt: draw.voidedAt?.toISOString() ?? null,
      voidReason: draw.voidReason,
    },
    params: draw.params,
    candidateCount: draw.candidateCount,
    candidateHash: draw.candidateHash,
    candidates: snapshot ? snapshot.slice(0, -1).split('\n') : [],
    commitment: draw.commitment,
    publicInputSource: draw.publicInputSource,
    serverSeed: revealed ? draw.serverSeed : null,
    publicInput: revealed ? draw.publicInput : null,
    seed: revealed ? draw.seed : null,
    selected,
    assignments,
    resultHash: revealed ? draw.resultHash : null,
  };
}

// ───────────────────────── KPI ─────────────────────────

/**
 * "信用风险分类结果应用率" (seed 004: ≥ 90%): of the LOCKED target draws of a year's tasks, how many were stratified
 * by credit risk class. Counted over the draws the caller may see.
 */
export async function drawStratificationRate(ctx: Pick<Context, 'actor'>, year: number) {
  requireYear('year', year);
  const base = { kind: 'TARGET' as const, status: 'LOCKED' as const, task: { year } };
  // Locked draws are public to analysts and partner keys; staff count their own tasks' draws.
  const v = ctx.actor.kind === 'apiKey' || (ctx.actor.kind === 'user' && ctx.actor.role === 'ANALYST') ? undefined : visibleWhere('Draw', ctx.actor as never);
  const where = v ? { AND: [base, v] } : base;
  // one statement: the locked target draws grouped by whether they were stratified
  const groups = await prisma().draw.groupBy({ by: ['stratified'], where, _count: { _all: true } });
  const lockedTargetDraws = groups.reduce((n, g) => n + g._count._all, 0);
  const stratifiedDraws = groups.find((g) => g.stratified)?._count._all ?? 0;
  return {
    year,
    lockedTargetDraws,
    stratifiedDraws,
    rateBp: lockedTargetDraws ? Math.floor((stratifiedDraws * 10_000) / lockedTargetDraws) : null,
  };
}

