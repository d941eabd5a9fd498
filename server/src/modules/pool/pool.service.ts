// The two pools (两库): target pools and sub-pools, targets and their pool membership, inspector pools, inspectors,
// leave windows and recusals, and the pools' refresh confirmation (两库更新确认).
// Every function runs authorise → validate → persist → audit; each change is one transaction (shared/mutation.ts).
//
// Who acts: the office for every department; a department admin for its own department only. (Partner keys with
// `targets:import` act through the import module, which uses `assertActsFor` below.)
//
// Sub-pools (分库): a sub-pool is a subset of its parent. Adding a target to a pool adds it to every ancestor too;
// removing it from a pool removes it from every descendant. Confirming a pool confirms its sub-pools.
import { prisma } from '../../db/database.ts';
import type { Context } from '../../context.ts';
import type { RiskClass, TargetStatus, TargetType } from '../../generated/prisma/enums.ts';
import { AppError, InputError, NotFoundError } from '../../shared/errors.ts';
import { mutate, type Tx } from '../../shared/mutation.ts';
import { requireId } from '../../shared/pagination.ts';
import { getSetting } from '../setting/setting.service.ts';
import { recomputeRiskClass } from '../credit/credit.service.ts';
import {
  certificateNoProblem,
  checkTargetFields,
  cleanText,
  normalizeCertificateNo,
  tagsProblem,
  TEXT_LIMITS,
  textProblem,
  throwFirst,
  type Problem,
} from './pool.rules.ts';

// ───────────────────────────── authorisation ─────────────────────────────

/**
 * May the actor change rows of this department? The office: always. A department admin: its own department only.
 * A partner key: only when `partnerScope` is given, the key holds it, and the key is bound to this department.
 */
export function assertActsFor(ctx: Pick<Context, 'actor'>, departmentId: string, field: string, opts: { partnerScope?: 'targets:import' } = {}): void {
  const a = ctx.actor;
  if (a.kind === 'user' && a.role === 'OFFICE_ADMIN') return;
  if (a.kind === 'user' && a.role === 'DEPARTMENT_ADMIN' && a.departmentId === departmentId) return;
  if (opts.partnerScope && a.kind === 'apiKey' && a.scopes.includes(opts.partnerScope) && a.departmentId === departmentId) return;
  throw new AppError(
    'FORBIDDEN',
    { zh: '只能管理本部门的名录库与人员', en: "a department acts on its own department's pools and inspectors only" },
    { field, reason: 'FOREIGN_DEPARTMENT' },
  );
}

const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === 'P2002' || /unique constraint|duplicate key/i.test(String((e as Error)?.message));

const conflict = (field: string, zh: string, en: string, extra: Record<string, unknown> = {}) => new AppError('CONFLICT', { zh, en }, { field, ...extra });

async function findTargetPool(id: string, field: string, client: Tx | ReturnType<typeof prisma> = prisma()) {
  const pool = await client.targetPool.findUnique({ where: { id: requireId(field, id) } });
  if (!pool) throw new AppError('NOT_FOUND', { zh: '未找到检查对象名录库', en: 'no such target pool' }, { field, entity: 'TargetPool', id });
  return pool;
}

async function findInspectorPool(id: string, field: string) {
  const pool = await prisma().inspectorPool.findUnique({ where: { id: requireId(field, id) } });
  if (!pool) throw new AppError('NOT_FOUND', { zh: '未找到执法检查人员名录库', en: 'no such inspector pool' }, { field, entity: 'InspectorPool', id });
  return pool;
}

async function requireDepartment(id: string, field: string) {
  const dep = await prisma().department.findUnique({ where: { id: requireId(field, id) } });
  if (!dep) throw new AppError('NOT_FOUND', { zh: '未找到部门', en: 'no such department' }, { field, entity: 'Department', id });
  return dep;
}

/** The pool and its ancestors (a target added to a sub-pool belongs to the parent pools too). */
export async function poolWithAncestors(tx: Tx | ReturnType<typeof prisma>, poolId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from target_pool where id = ${poolId}::uuid
      union all
      select p.id, p.parent_id, up.depth + 1 from target_pool p join up on p.id = up.parent_id where up.depth < 20
    ) select id::text as id from up`;
  return rows.map((r) => r.id);
}

async function poolWithDescendants(tx: Tx, poolId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    with recursive down(id, depth) as (
      select id, 0 from target_pool where id = ${poolId}::uuid
      union all
      select p.id, down.depth + 1 from target_pool p join down on p.parent_id = down.id where down.depth < 20
    ) select id::text as id from down`;
  return rows.map((r) => r.id);
}

const MAX_POOL_DEPTH = 3;

function poolNameProblems(name: string | null | undefined, domain: string | null | undefined): Problem[] {
  const out: Problem[] = [];
  const n = cleanText(name ?? null);
  const p1 = name === undefined ? null : textProblem('name', n, 100, true, '名录库名称');
  if (p1) out.push(p1);
  const p2 = domain === undefined ? null : textProblem('domain', cleanText(domain), 100, false, '所属领域');
  if (p2) out.push(p2);
  return out;
}

// ───────────────────────────── target pools ─────────────────────────────

export interface CreateTargetPoolInput {
  departmentId: string;
  name: string;
  domain?: string | null;
  parentId?: string | null;
}

export async function createTargetPool(ctx: Context, input: CreateTargetPoolInput) {
  const departmentId = requireId('input.departmentId', input.departmentId);
  assertActsFor(ctx, departmentId, 'input.departmentId');
  throwFirst(poolNameProblems(input.name, input.domain));
  await requireDepartment(departmentId, 'input.departmentId');
  let parentId: string | null = null;
  if (input.parentId) {
    const parent = await findTargetPool(input.parentId, 'input.parentId');
    if (parent.departmentId !== departmentId)
      throw new InputError('input.parentId', 'PARENT_DEPARTMENT', { zh: '分库须属于上级库所在部门', en: 'a sub-pool belongs to the same department as its parent' });
    if ((await poolWithAncestors(prisma(), parent.id)).length >= MAX_POOL_DEPTH)
      throw new InputError('input.parentId', 'TOO_DEEP', { zh: `名录库最多 ${MAX_POOL_DEPTH} 级`, en: `pools nest at most ${MAX_POOL_DEPTH} levels` });
    parentId = parent.id;
  }
  const name = cleanText(input.name)!;
  const domain = cleanText(input.domain ?? null);
  try {
    return await mutate(ctx, async (tx, audit) => {
      const pool = await tx.targetPool.create({ data: { departmentId, name, domain, parentId } });
      audit.record({ operation: 'createTargetPool', entity: 'TargetPool', entityId: pool.id, after: pool });
      return pool;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('input.name', '本部门已有同名名录库', 'the department already has a pool of that name');
    throw e;
  }
}

export async function renameTargetPool(ctx: Context, id: string, name: string, domain?: string | null) {
  const pool = await findTargetPool(id, 'id');
  assertActsFor(ctx, pool.departmentId, 'id');
  throwFirst(poolNameProblems(name, domain), '');
  try {
    return await mutate(ctx, async (tx, audit) => {
      await tx.$queryRaw`select id from target_pool where id = ${pool.id}::uuid for update`;
      const before = await tx.targetPool.findUniqueOrThrow({ where: { id: pool.id } });
      const updated = await tx.targetPool.update({
        where: { id: pool.id },
        data: { name: cleanText(name)!, ...(domain !== undefined ? { domain: cleanText(domain) } : {}) },
      });
      audit.record({ operation: 'renameTargetPool', entity: 'TargetPool', entityId: pool.id, before: { name: before.name, domain: before.domain }, after: { name: updated.name, domain: updated.domain } });
      return updated;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('name', '本部门已有同名名录库', 'the department already has a pool of that name');
    throw e;
  }
}

// ───────────────────────────── confirmation (两库更新确认) ─────────────────────────────

export type PoolKind = 'TARGET' | 'INSPECTOR';

export interface ConfirmedPool {
  kind: PoolKind;
  id: string;
  departmentId: string;
  confirmedAt: Date;
  /** sub-pools confirmed with it (target pools) */
  confirmedIds: string[];
}

/**
 * A department confirms that a pool (target or inspector) is current: records confirmedAt/confirmedBy on it and,
 * for a target pool, on its sub-pools. The id may name either kind of pool.
 */
export async function confirmPool(ctx: Context, id: string, now = new Date()): Promise<ConfirmedPool> {
  const poolId = requireId('id', id);
  const [tp, ip] = await Promise.all([prisma().targetPool.findUnique({ where: { id: poolId } }), prisma().inspectorPool.findUnique({ where: { id: poolId } })]);
  const pool = tp ?? ip;
  if (!pool) throw new AppError('NOT_FOUND', { zh: '未找到名录库', en: 'no such pool' }, { field: 'id', entity: 'Pool', id: poolId });
  assertActsFor(ctx, pool.departmentId, 'id');
  const kind: PoolKind = tp ? 'TARGET' : 'INSPECTOR';
  return mutate(ctx, async (tx, audit) => {
    if (kind === 'TARGET') {
      const ids = await poolWithDescendants(tx, poolId);
      await tx.$queryRaw`select id from target_pool where id = any(${ids}::uuid[]) order by id for update`;
      await tx.targetPool.updateMany({ where: { id: { in: ids } }, data: { confirmedAt: now, confirmedBy: ctx.actor.id } });
      audit.record({ operation: 'confirmPool', entity: 'TargetPool', entityId: poolId, before: { confirmedAt: pool.confirmedAt }, after: { confirmedAt: now, subPools: ids.filter((x) => x !== poolId) } });
      return { kind, id: poolId, departmentId: pool.departmentId, confirmedAt: now, confirmedIds: ids };
    }
    await tx.$queryRaw`select id from inspector_pool where id = ${poolId}::uuid for update`;
    await tx.inspectorPool.update({ where: { id: poolId }, data: { confirmedAt: now, confirmedBy: ctx.actor.id } });
    audit.record({ operation: 'confirmPool', entity: 'InspectorPool', entityId: poolId, before: { confirmedAt: pool.confirmedAt }, after: { confirmedAt: now } });
    return { kind, id: poolId, departmentId: pool.departmentId, confirmedAt: now, confirmedIds: [poolId] };
  });
}

export interface StalePool {
  kind: PoolKind;
  id: string;
  name: string;
  /** null: never confirmed */
  confirmedAt: Date | null;
}

export interface PoolConfirmationStatus {
  departmentId: string;
  /**
   * true when the department has at least one pool and every one of its target pools (sub-pools included) and
   * inspector pools was confirmed within `maxAgeDays` before `now`.
   */
  current: boolean;
  /** CURRENT, NO_POOLS (nothing to confirm), NOT_CONFIRMED (a pool was never confirmed), EXPIRED (too old) */
  reason: 'CURRENT' | 'NO_POOLS' | 'NOT_CONFIRMED' | 'EXPIRED';
  /** the setting `poolConfirmationMaxAgeDays` at the time of the call */
  maxAgeDays: number;
  targetPoolCount: number;
  inspectorPoolCount: number;
  /** the oldest confirmation among the department's pools; null when some pool was never confirmed or none exists */
  oldestConfirmedAt: Date | null;
  /** when the confirmation lapses (oldestConfirmedAt + maxAgeDays); null unless current */
  validUntil: Date | null;
  /** pools never confirmed or confirmed too long ago */
  stalePools: StalePool[];
}

const DAY_MS = 86_400_000;

/**
 * Two-pool confirmation status (两库更新确认) of each department, for the draw engine to warn or refuse: "有关部门每次
 * 组织抽查活动前对“两库”进行更新确认" (seed 001). A pool is fresh when `confirmedAt > now − maxAgeDays`, where
 * maxAgeDays is the office's setting `poolConfirmationMaxAgeDays` (default 30). Departments are returned in the
 * order given (duplicates removed); an unknown department id simply has no pools (reason NO_POOLS).
 *
 * Pure read, two or three statements whatever the number of departments. Pass `client` (a transaction) to read
 * inside the caller's transaction, e.g. the draw's, so the answer and the draw agree.
 */
export async function poolConfirmationStatus(
  departmentIds: readonly string[],
  now: Date = new Date(),
  client: Tx | ReturnType<typeof prisma> = prisma(),
): Promise<PoolConfirmationStatus[]> {
  const ids = [...new Set(departmentIds)];
  if (!ids.length) return [];
  const [maxAgeDays, targetPools, inspectorPools] = await Promise.all([
    getSetting('poolConfirmationMaxAgeDays', client),
    client.targetPool.findMany({ where: { departmentId: { in: ids } }, select: { id: true, name: true, departmentId: true, confirmedAt: true }, orderBy: { name: 'asc' } }),
    client.inspectorPool.findMany({ where: { departmentId: { in: ids } }, select: { id: true, name: true, departmentId: true, confirmedAt: true }, orderBy: { name: 'asc' } }),
  ]);
  const threshold = now.getTime() - maxAgeDays * DAY_MS;
  return ids.map((departmentId) => {
    const pools = [
      ...targetPools.filter((p) => p.departmentId === departmentId).map((p) => ({ ...p, kind: 'TARGET' as const })),
      ...inspectorPools.filter((p) => p.departmentId === departmentId).map((p) => ({ ...p, kind: 'INSPECTOR' as const })),
    ];
    const stalePools = pools.filter((p) => !p.confirmedAt || p.confirmedAt.getTime() <= threshold).map(({ kind, id, name, confirmedAt }) => ({ kind, id, name, confirmedAt }));
    const never = pools.some((p) => !p.confirmedAt);
    const oldest = pools.length && !never ? new Date(Math.min(...pools.map((p) => p.confirmedAt!.getTime()))) : null;
    const reason = !pools.length ? 'NO_POOLS' : never ? 'NOT_CONFIRMED' : stalePools.length ? 'EXPIRED' : 'CURRENT';
    return {
      departmentId,
      current: reason === 'CURRENT',
      reason,
      maxAgeDays,
      targetPoolCount: pools.filter((p) => p.kind === 'TARGET').length,
      inspectorPoolCount: pools.filter((p) => p.kind === 'INSPECTOR').length,
      oldestConfirmedAt: oldest,
      validUntil: reason === 'CURRENT' && oldest ? new Date(oldest.getTime() + maxAgeDays * DAY_MS) : null,
      stalePools,
    };
  });
}

/** The API's view: the office asks about any departments (default: all); department staff about their own. */
export async function poolConfirmationStatusFor(ctx: Context, departmentIds: readonly string[] | null | undefined, now = new Date()) {
  const a = ctx.actor;
  const office = a.kind === 'user' && a.role === 'OFFICE_ADMIN';
  let ids = (departmentIds ?? []).map((id, i) => requireId(`departmentIds.${i}`, id));
  if (!office) {
    if (!a.departmentId) throw new AppError('FORBIDDEN', { zh: '无所属部门', en: 'no department' }, { field: 'departmentIds' });
    if (ids.some((id) => id !== a.departmentId))
      throw new AppError('FORBIDDEN', { zh: '只能查看本部门的两库确认情况', en: "only your own department's confirmation status" }, { field: 'departmentIds', reason: 'FOREIGN_DEPARTMENT' });
    ids = [a.departmentId];
  } else if (!ids.length) {
    ids = (await prisma().department.findMany({ where: { active: true }, select: { id: true }, orderBy: { sortOrder: 'asc' } })).map((d) => d.id);
  }
  return poolConfirmationStatus(ids, now);
}

// ───────────────────────────── targets ─────────────────────────────

export interface TargetInput {
  uscc?: string | null;
  name?: string | null;
  legalRepresentative?: string | null;
  address?: string | null;
  regionCode?: string | null;
  industryCode?: string | null;
  businessScope?: string | null;
  type?: TargetType | null;
  riskClass?: RiskClass | null;
  status?: TargetStatus | null;
  establishedOn?: Date | null;
  onAbnormalList?: boolean | null;
  onKeyAttentionList?: boolean | null;
  complaintCount?: number | null;
  seriousViolation?: boolean | null;
}

/** Prisma data from checked values; `undefined` fields are left out (updates leave them alone). */
function targetData(values: ReturnType<typeof checkTargetFields>['values'], input: TargetInput) {
  const data: Record<string, unknown> = { ...values };
  for (const k of ['type', 'riskClass', 'status', 'onAbnormalList', 'onKeyAttentionList', 'seriousViolation'] as const) {
    if (input[k] !== undefined && input[k] !== null) data[k] = input[k];
  }
  // The class a department registers is the base class; the effective class follows from it and the target's credit
  // events by the rule of docs/CREDIT.md (recomputeRiskClass, in the same transaction).
  if (data.riskClass !== undefined) {
    data.riskClassBase = data.riskClass;
    delete data.riskClass;
  }
  return data;
}

/** Does this change feed the effective class (docs/CREDIT.md)? */
const affectsClass = (data: Record<string, unknown>) => data.riskClassBase !== undefined || data.onAbnormalList !== undefined;

export async function createTarget(ctx: Context, poolIdArg: string, input: TargetInput) {
  const pool = await findTargetPool(poolIdArg, 'input.poolId');
  assertActsFor(ctx, pool.departmentId, 'input.poolId');
  const { values, problems } = checkTargetFields(input, false);
  throwFirst(problems);
  const existing = await prisma().target.findUnique({ where: { uscc: values.uscc! }, select: { id: true } });
  if (existing)
    throw conflict('input.uscc', '该统一社会信用代码的检查对象已存在，可将其加入名录库', 'a target with this code exists; add it to the pool instead', { targetId: existing.id });
  try {
    return await mutate(ctx, async (tx, audit) => {
      const data = targetData(values, input);
      const created = await tx.target.create({ data: { ...data, riskClass: (data.riskClassBase as RiskClass | undefined) ?? 'B' } as never });
      await recomputeRiskClass(tx, audit, [created.id], new Date(), { operation: 'createTarget' });
      const target = await tx.target.findUniqueOrThrow({ where: { id: created.id } });
      const pools = await poolWithAncestors(tx, pool.id);
      await tx.targetPoolMember.createMany({ data: pools.map((poolId) => ({ poolId, targetId: target.id })), skipDuplicates: true });
      audit.record({ operation: 'createTarget', entity: 'Target', entityId: target.id, after: { ...target, pools } });
      return target;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('input.uscc', '该统一社会信用代码的检查对象已存在', 'a target with this code exists');
    throw e;
  }
}

/** A department admin may edit a target held in one of its department's pools; the office any target. */
async function assertMayEditTarget(ctx: Context, targetId: string) {
  const a = ctx.actor;
  if (a.kind === 'user' && a.role === 'OFFICE_ADMIN') return;
  const held = a.departmentId ? await prisma().targetPoolMember.count({ where: { targetId, pool: { departmentId: a.departmentId } } }) : 0;
  if (!(a.kind === 'user' && a.role === 'DEPARTMENT_ADMIN' && held > 0))
    throw new AppError('FORBIDDEN', { zh: '只能修改本部门名录库中的检查对象', en: "only targets in your own department's pools" }, { field: 'id', reason: 'FOREIGN_DEPARTMENT' });
}

export async function updateTarget(ctx: Context, idArg: string, input: TargetInput) {
  const id = requireId('id', idArg);
  const current = await prisma().target.findUnique({ where: { id } });
  if (!current) throw new NotFoundError('检查对象', id);
  await assertMayEditTarget(ctx, id);
  const { values, problems } = checkTargetFields(input, true);
  throwFirst(problems);
  if (values.uscc && values.uscc !== current.uscc) {
    const other = await prisma().target.findUnique({ where: { uscc: values.uscc }, select: { id: true } });
    if (other) throw conflict('input.uscc', '该统一社会信用代码已属于另一检查对象', 'another target has this code', { targetId: other.id });
  }
  const data = targetData(values, input);
  try {
    return await mutate(ctx, async (tx, audit) => {
      await tx.$queryRaw`select id from target where id = ${id}::uuid for update`;
      const before = await tx.target.findUniqueOrThrow({ where: { id } });
      let updated = await tx.target.update({ where: { id }, data });
      if (affectsClass(data)) {
        await recomputeRiskClass(tx, audit, [id], new Date(), { operation: 'updateTarget' });
        updated = await tx.target.findUniqueOrThrow({ where: { id } });
      }
      const changed = Object.keys(data).filter((k) => JSON.stringify((before as Record<string, unknown>)[k]) !== JSON.stringify((updated as Record<string, unknown>)[k]));
      audit.record({
        operation: 'updateTarget',
        entity: 'Target',
        entityId: id,
        before: Object.fromEntries(changed.map((k) => [k, (before as Record<string, unknown>)[k]])),
        after: Object.fromEntries(changed.map((k) => [k, (updated as Record<string, unknown>)[k]])),
      });
      return updated;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('input.uscc', '该统一社会信用代码已属于另一检查对象', 'another target has this code');
    throw e;
  }
}

export const MAX_TARGETS_PER_CALL = 1000;

export async function addTargetsToPool(ctx: Context, poolIdArg: string, targetIdsArg: readonly string[]) {
  const pool = await findTargetPool(poolIdArg, 'poolId');
  assertActsFor(ctx, pool.departmentId, 'poolId');
  if (!targetIdsArg.length) throw new InputError('targetIds', 'REQUIRED', { zh: '请选择检查对象', en: 'name at least one target' });
  if (targetIdsArg.length > MAX_TARGETS_PER_CALL)
    throw new InputError('targetIds', 'TOO_MANY', { zh: `每次最多 ${MAX_TARGETS_PER_CALL} 个，更多请用批量导入`, en: `at most ${MAX_TARGETS_PER_CALL} per call; import larger sets` });
  const targetIds = [...new Set(targetIdsArg.map((id, i) => requireId(`targetIds.${i}`, id)))];
  const found = await prisma().target.count({ where: { id: { in: targetIds } } });
  if (found !== targetIds.length)
    throw new AppError('NOT_FOUND', { zh: `有 ${targetIds.length - found} 个检查对象不存在`, en: `${targetIds.length - found} of the targets do not exist` }, { field: 'targetIds' });
  return mutate(ctx, async (tx, audit) => {
    const pools = await poolWithAncestors(tx, pool.id);
    const before = await tx.targetPoolMember.count({ where: { poolId: pool.id, targetId: { in: targetIds } } });
    await tx.targetPoolMember.createMany({ data: pools.flatMap((poolId) => targetIds.map((targetId) => ({ poolId, targetId }))), skipDuplicates: true });
    audit.record({ operation: 'addTargetsToPool', entity: 'TargetPool', entityId: pool.id, after: { added: targetIds.length - before, alreadyMembers: before, targetIds, pools } });
    return { pool, added: targetIds.length - before };
  });
}

export async function removeTargetFromPool(ctx: Context, poolIdArg: string, targetIdArg: string) {
  const pool = await findTargetPool(poolIdArg, 'poolId');
  assertActsFor(ctx, pool.departmentId, 'poolId');
  const targetId = requireId('targetId', targetIdArg);
  const member = await prisma().targetPoolMember.findUnique({ where: { poolId_targetId: { poolId: pool.id, targetId } } });
  if (!member) throw new AppError('NOT_FOUND', { zh: '该检查对象不在此名录库中', en: 'the target is not in this pool' }, { field: 'targetId' });
  return mutate(ctx, async (tx, audit) => {
    const pools = await poolWithDescendants(tx, pool.id);
    const removed = await tx.targetPoolMember.deleteMany({ where: { targetId, poolId: { in: pools } } });
    audit.record({ operation: 'removeTargetFromPool', entity: 'TargetPool', entityId: pool.id, before: { targetId, pools }, after: { removed: removed.count } });
    return pool;
  });
}

// ───────────────────────────── inspector pools and inspectors ─────────────────────────────

export async function createInspectorPool(ctx: Context, input: { departmentId: string; name: string }) {
  const departmentId = requireId('input.departmentId', input.departmentId);
  assertActsFor(ctx, departmentId, 'input.departmentId');
  throwFirst(poolNameProblems(input.name, undefined));
  await requireDepartment(departmentId, 'input.departmentId');
  try {
    return await mutate(ctx, async (tx, audit) => {
      const pool = await tx.inspectorPool.create({ data: { departmentId, name: cleanText(input.name)! } });
      audit.record({ operation: 'createInspectorPool', entity: 'InspectorPool', entityId: pool.id, after: pool });
      return pool;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('input.name', '本部门已有同名执法检查人员名录库', 'the department already has an inspector pool of that name');
    throw e;
  }
}

export interface InspectorInput {
  departmentId?: string | null;
  poolId?: string | null;
  name?: string | null;
  certificateNo?: string | null;
  qualifications?: readonly string[] | null;
  expertiseTags?: readonly string[] | null;
  isThirdPartyExpert?: boolean | null;
  active?: boolean | null;
  phone?: string | null;
}

/** Checks an inspector's own fields; `partial` leaves undefined fields alone. */
export function checkInspectorFields(input: InspectorInput, partial: boolean): { data: Record<string, unknown>; problems: Problem[] } {
  const problems: Problem[] = [];
  const data: Record<string, unknown> = {};
  const push = (p: Problem | null) => p && problems.push(p);
  if (!partial || input.name !== undefined) {
    const v = cleanText(input.name ?? null);
    push(textProblem('name', v, 50, true, '姓名'));
    data.name = v;
  }
  if (!partial || input.certificateNo !== undefined) {
    const raw = cleanText(input.certificateNo ?? null);
    const v = raw === null ? null : normalizeCertificateNo(raw);
    push(certificateNoProblem('certificateNo', v));
    data.certificateNo = v;
  }
  for (const [k, label] of [
    ['qualifications', '执法资格'],
    ['expertiseTags', '专业特长'],
  ] as const) {
    if (input[k] === undefined || input[k] === null) continue;
    const tags = [...new Set(input[k]!.map((t) => t.trim()).filter(Boolean))];
    push(tagsProblem(k, tags, label));
    data[k] = tags;
  }
  if (input.phone !== undefined) {
    const v = cleanText(input.phone);
    push(textProblem('phone', v, TEXT_LIMITS.phone, false, '联系电话'));
    data.phone = v;
  }
  for (const k of ['isThirdPartyExpert', 'active'] as const) if (input[k] !== undefined && input[k] !== null) data[k] = input[k];
  return { data, problems };
}

export async function createInspector(ctx: Context, input: InspectorInput) {
  let departmentId = input.departmentId ? requireId('input.departmentId', input.departmentId) : null;
  let poolId: string | null = null;
  if (input.poolId) {
    const pool = await findInspectorPool(input.poolId, 'input.poolId');
    if (departmentId && pool.departmentId !== departmentId)
      throw new InputError('input.poolId', 'POOL_DEPARTMENT', { zh: '名录库不属于该部门', en: 'the pool belongs to another department' });
    departmentId = pool.departmentId;
    poolId = pool.id;
  }
  if (!departmentId) throw new InputError('input.departmentId', 'REQUIRED', { zh: '请指定部门或名录库', en: 'give a department or a pool' });
  assertActsFor(ctx, departmentId, input.poolId ? 'input.poolId' : 'input.departmentId');
  const { data, problems } = checkInspectorFields(input, false);
  throwFirst(problems);
  await requireDepartment(departmentId, 'input.departmentId');
  if (await prisma().inspector.findUnique({ where: { certificateNo: data.certificateNo as string }, select: { id: true } }))
    throw conflict('input.certificateNo', '该执法证号已登记', 'an inspector with this certificate number exists');
  try {
    return await mutate(ctx, async (tx, audit) => {
      const inspector = await tx.inspector.create({ data: { ...(data as { name: string; certificateNo: string }), departmentId: departmentId!, poolId } });
      audit.record({ operation: 'createInspector', entity: 'Inspector', entityId: inspector.id, after: inspector });
      return inspector;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('input.certificateNo', '该执法证号已登记', 'an inspector with this certificate number exists');
    throw e;
  }
}

async function findInspector(id: string, field: string) {
  const inspector = await prisma().inspector.findUnique({ where: { id: requireId(field, id) } });
  if (!inspector) throw new AppError('NOT_FOUND', { zh: '未找到执法检查人员', en: 'no such inspector' }, { field, entity: 'Inspector', id });
  return inspector;
}

export async function updateInspector(ctx: Context, idArg: string, input: InspectorInput) {
  const current = await findInspector(idArg, 'id');
  assertActsFor(ctx, current.departmentId, 'id');
  const { data, problems } = checkInspectorFields(input, true);
  throwFirst(problems);
  if (input.poolId !== undefined) {
    if (input.poolId === null) data.poolId = null;
    else {
      const pool = await findInspectorPool(input.poolId, 'input.poolId');
      if (pool.departmentId !== current.departmentId)
        throw new InputError('input.poolId', 'POOL_DEPARTMENT', { zh: '只能放入本部门的名录库', en: "only a pool of the inspector's department" });
      data.poolId = pool.id;
    }
  }
  if (data.certificateNo && data.certificateNo !== current.certificateNo) {
    if (await prisma().inspector.findUnique({ where: { certificateNo: data.certificateNo as string }, select: { id: true } }))
      throw conflict('input.certificateNo', '该执法证号已登记', 'an inspector with this certificate number exists');
  }
  try {
    return await mutate(ctx, async (tx, audit) => {
      await tx.$queryRaw`select id from inspector where id = ${current.id}::uuid for update`;
      const before = await tx.inspector.findUniqueOrThrow({ where: { id: current.id } });
      const updated = await tx.inspector.update({ where: { id: current.id }, data });
      const changed = Object.keys(data);
      audit.record({
        operation: 'updateInspector',
        entity: 'Inspector',
        entityId: current.id,
        before: Object.fromEntries(changed.map((k) => [k, (before as Record<string, unknown>)[k]])),
        after: Object.fromEntries(changed.map((k) => [k, (updated as Record<string, unknown>)[k]])),
      });
      return updated;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('input.certificateNo', '该执法证号已登记', 'an inspector with this certificate number exists');
    throw e;
  }
}

export interface LeaveInput {
  startsOn: Date;
  endsOn: Date;
  reason?: string | null;
}

export const MAX_LEAVES = 100;

/** Replaces the inspector's leave / unavailability windows (请假、不可用时段) with the given list. */
export async function setInspectorLeave(ctx: Context, inspectorIdArg: string, leaves: readonly LeaveInput[]) {
  const inspector = await findInspector(inspectorIdArg, 'inspectorId');
  assertActsFor(ctx, inspector.departmentId, 'inspectorId');
  if (leaves.length > MAX_LEAVES) throw new InputError('leaves', 'TOO_MANY', { zh: `最多 ${MAX_LEAVES} 个时段`, en: `at most ${MAX_LEAVES} windows` });
  const sorted = leaves.map((l, i) => ({ ...l, i, reason: cleanText(l.reason ?? null) })).sort((a, b) => a.startsOn.getTime() - b.startsOn.getTime());
  for (const l of sorted) {
    if (l.endsOn < l.startsOn)
      throw new InputError(`leaves.${l.i}.endsOn`, 'WINDOW_ORDER', { zh: '结束日期不能早于开始日期', en: 'endsOn is before startsOn' });
    throwFirst([textProblem('reason', l.reason, TEXT_LIMITS.reason, false, '事由')].filter((p): p is Problem => !!p), `leaves.${l.i}`);
  }
  for (let k = 1; k < sorted.length; k++)
    if (sorted[k]!.startsOn <= sorted[k - 1]!.endsOn)
      throw new InputError(`leaves.${sorted[k]!.i}.startsOn`, 'OVERLAP', { zh: '时段相互重叠，请合并', en: 'windows overlap; merge them' });
  return mutate(ctx, async (tx, audit) => {
    await tx.$queryRaw`select id from inspector where id = ${inspector.id}::uuid for update`;
    const before = await tx.inspectorLeave.findMany({ where: { inspectorId: inspector.id }, orderBy: { startsOn: 'asc' } });
    await tx.inspectorLeave.deleteMany({ where: { inspectorId: inspector.id } });
    await tx.inspectorLeave.createMany({ data: sorted.map((l) => ({ inspectorId: inspector.id, startsOn: l.startsOn, endsOn: l.endsOn, reason: l.reason })) });
    audit.record({
      operation: 'setInspectorLeave',
      entity: 'Inspector',
      entityId: inspector.id,
      before: before.map((l) => ({ startsOn: l.startsOn, endsOn: l.endsOn, reason: l.reason })),
      after: sorted.map((l) => ({ startsOn: l.startsOn, endsOn: l.endsOn, reason: l.reason })),
    });
    return inspector;
  });
}

export async function addRecusal(ctx: Context, input: { inspectorId: string; targetId?: string | null; targetUscc?: string | null; reason: string }) {
  const inspector = await findInspector(input.inspectorId, 'input.inspectorId');
  assertActsFor(ctx, inspector.departmentId, 'input.inspectorId');
  if (!input.targetId === !input.targetUscc)
    throw new InputError('input.targetId', 'ONE_OF', { zh: '请指定检查对象标识或统一社会信用代码（二选一）', en: 'give either targetId or targetUscc' });
  const reason = cleanText(input.reason);
  throwFirst([textProblem('reason', reason, TEXT_LIMITS.reason, true, '回避事由')].filter((p): p is Problem => !!p));
  let target;
  if (input.targetId) {
    target = await prisma().target.findUnique({ where: { id: requireId('input.targetId', input.targetId) } });
  } else {
    const u = checkTargetFields({ uscc: input.targetUscc }, true);
    throwFirst(u.problems.map((p) => ({ ...p, field: 'targetUscc' })));
    target = await prisma().target.findUnique({ where: { uscc: u.values.uscc! } });
  }
  if (!target) throw new AppError('NOT_FOUND', { zh: '未找到检查对象', en: 'no such target' }, { field: input.targetId ? 'input.targetId' : 'input.targetUscc' });
  const exists = await prisma().recusal.findUnique({ where: { inspectorId_targetId: { inspectorId: inspector.id, targetId: target.id } } });
  if (exists) throw conflict('input.targetId', '该回避记录已存在', 'this recusal exists', { recusalId: exists.id });
  try {
    return await mutate(ctx, async (tx, audit) => {
      const r = await tx.recusal.create({ data: { inspectorId: inspector.id, targetId: target.id, reason: reason! } });
      audit.record({ operation: 'addRecusal', entity: 'Recusal', entityId: r.id, after: r });
      return r;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('input.targetId', '该回避记录已存在', 'this recusal exists');
    throw e;
  }
}

export async function removeRecusal(ctx: Context, idArg: string) {
  const id = requireId('id', idArg);
  const r = await prisma().recusal.findUnique({ where: { id }, include: { inspector: { select: { departmentId: true } } } });
  if (!r) throw new AppError('NOT_FOUND', { zh: '未找到回避记录', en: 'no such recusal' }, { field: 'id', entity: 'Recusal', id });
  assertActsFor(ctx, r.inspector.departmentId, 'id');
  return mutate(ctx, async (tx, audit) => {
    await tx.recusal.delete({ where: { id } });
    const { inspector: _i, ...before } = r;
    audit.record({ operation: 'removeRecusal', entity: 'Recusal', entityId: id, before });
    return before;
  });
}

