// Tasks (抽查任务): creation from a published plan or ad hoc by a lead department, editing while DRAFT, invitation,
// acceptance or decline by the participating departments (签收), cancellation, and the task's deadlines.
// Rules run in the house order — authorise → validate → persist → audit — inside one transaction per change
// (shared/mutation.ts); every status change goes through the one state machine (task.state.ts).
//
// Deadlines live on the task and are recomputed whenever its dates change:
//   acceptanceDueOn  — given, or 5 working days after the invitation (set when the participants are invited);
//   drawDueOn        — given, or the window start (follows the window while it is still the default);
//   publicationDueOn — the 20th working day after inspectionEndOn on the calendar (calendar edits recompute it too,
//                      see calendar.service.ts).
import type { InspectionMode, TargetType, TaskStatus } from '../../generated/prisma/enums.ts';
import { AppError, InputError } from '../../shared/errors.ts';
import { mutate, type Audit, type Tx } from '../../shared/mutation.ts';
import { addWorkingDays, todayInChina } from '../../shared/working-days.ts';
import type { Context } from '../../context.ts';
import { loadCalendarTx, lockCalendarShared, publicationDueTx } from '../calendar/calendar.service.ts';
import { assertTransition, lockTask, transitionTask } from './task.state.ts';

export const ACCEPTANCE_WORKING_DAYS = 5;
const MAX_REASON = 500;
const MAX_NAME = 200;
const CODE_RE = /^[0-9A-Za-z][0-9A-Za-z_-]{1,39}$/;
/** Advisory lock namespace for generating task codes (two-key form; key 2 = hash of the code prefix). */
export const CODE_LOCK_NAMESPACE = 727_073_003;

const iso = (d: Date) => d.toISOString().slice(0, 10);


// ── inputs ──

export interface TaskItemInput {
  checkItemId: string;
  ratioBp?: number | null;
}

export interface TaskParticipantInput {
  departmentId: string;
  /** null: keep this department's current items (update), or take them from the plan, or none */
  items?: TaskItemInput[] | null;
}

export interface RatiosInput {
  A: number;
  B: number;
  C: number;
  D: number;
}

export interface ScopeInput {
  industryCodes?: string[] | null;
  regionCodes?: string[] | null;
  targetTypes?: TargetType[] | null;
  keywords?: string[] | null;
}

export interface TaskFieldsInput {
  name?: string | null;
  code?: string | null;
  mode?: InspectionMode | null;
  year?: number | null;
  windowStart?: Date | null;
  windowEnd?: Date | null;
  inspectionEndOn?: Date | null;
  acceptanceDueOn?: Date | null;
  drawDueOn?: Date | null;
  stratified?: boolean | null;
  ratios?: RatiosInput | null;
  scope?: ScopeInput | null;
  poolIds?: string[] | null;
  participants?: TaskParticipantInput[] | null;
}

export interface CreateTaskInput extends TaskFieldsInput {
  planId?: string | null;
  leadDepartmentId?: string | null;
}

export type UpdateTaskInput = TaskFieldsInput;

// ── helpers ──

const isOffice = (ctx: Pick<Context, 'actor'>) => ctx.actor.role === 'OFFICE_ADMIN';

function requireLeadOrOffice(ctx: Pick<Context, 'actor'>, leadDepartmentId: string, field: string): void {
  if (isOffice(ctx)) return;
  if (ctx.actor.role === 'DEPARTMENT_ADMIN' && ctx.actor.departmentId === leadDepartmentId) return;
  throw new AppError(
    'FORBIDDEN',
    { zh: '只有牵头部门或联席会议办公室可以执行此操作', en: 'only the lead department or the office may do this' },
    { field, reason: 'NOT_LEAD_DEPARTMENT' },
  );
}

export function requireReason(field: string, reason: string | null | undefined): string {
  const r = (reason ?? '').trim();
  if (!r) throw new InputError(field, 'REQUIRED', { zh: '请说明理由', en: 'a reason is required' });
  if (r.length > MAX_REASON) throw new InputError(field, 'TOO_LONG', { zh: `理由不超过 ${MAX_REASON} 个字符`, en: `at most ${MAX_REASON} characters` });
  return r;
}

export function cleanList(values: string[] | null | undefined): string[] {
  return [...new Set((values ?? []).map((v) => v.trim()).filter(Boolean))];
}

const RISK_CLASSES = ['A', 'B', 'C', 'D'] as const;

function checkRatios(r: RatiosInput): void {
  for (const k of RISK_CLASSES) {
    const v = r[k];
    if (!Number.isInteger(v) || v < 0 || v > 10000)
      throw new InputError(`input.ratios.${k}`, 'RATIO_RANGE', { zh: '比例应为 0–10000 基点（1% = 100）', en: 'a ratio is 0–10000 basis points (1% = 100)' });
  }
}

/** A participant as it will be stored, with where its data came from (for error fields). */
export interface ResolvedParticipant {
  departmentId: string;
  lead: boolean;
  field: string;
  items: { checkItemId: string; ratioBp: number | null; field: string }[];
}

export interface TaskValues {
  name: string;
  code: string | null;
  mode: InspectionMode;
  year: number;
  windowStart: Date;
  windowEnd: Date;
  inspectionEndOn: Date;
  acceptanceDueOn: Date | null;
  drawDueOn: Date;
  stratified: boolean;
  ratioABp: number;
  ratioBBp: number;
  ratioCBp: number;
  ratioDBp: number;
  scopeIndustryCodes: string[];
  scopeRegionCodes: string[];
  scopeTargetTypes: TargetType[];
  scopeKeywords: string[];
  poolIds: string[];
}

/** `acceptanceGiven`: the acceptance due date comes from this input (a computed one is not held to the draw due date). */
export function checkValues(v: TaskValues, acceptanceGiven: boolean): void {
  if (!v.name) throw new InputError('input.name', 'REQUIRED', { zh: '请填写任务名称', en: 'a task name is required' });
  if (v.name.length > MAX_NAME) throw new InputError('input.name', 'TOO_LONG', { zh: `名称不超过 ${MAX_NAME} 个字符`, en: `at most ${MAX_NAME} characters` });
  if (v.code !== null && !CODE_RE.test(v.code))
    throw new InputError('input.code', 'CODE_FORMAT', { zh: '编号为 2–40 位字母、数字、- 或 _', en: 'a code has 2–40 letters, digits, - or _' });
  if (!Number.isInteger(v.year) || v.year < 2000 || v.year > 2100)
    throw new InputError('input.year', 'OUT_OF_RANGE', { zh: '年度应在 2000–2100 之间', en: 'the year is between 2000 and 2100' });
  if (v.windowEnd < v.windowStart)
    throw new InputError('input.windowEnd', 'WINDOW_ORDER', { zh: '执行窗口结束日期不能早于开始日期', en: 'the window ends before it starts' });
  if (v.inspectionEndOn < v.windowStart)
    throw new InputError('input.inspectionEndOn', 'BEFORE_WINDOW', { zh: '检查结束日期不能早于执行窗口开始日期', en: 'the inspection cannot end before the window starts' });
  if (v.drawDueOn > v.inspectionEndOn)
    throw new InputError('input.drawDueOn', 'AFTER_INSPECTION_END', { zh: '摇号截止不能晚于检查结束日期', en: 'the draw is due no later than the inspection end' });
  if (acceptanceGiven && v.acceptanceDueOn && v.acceptanceDueOn > v.drawDueOn)
    throw new InputError('input.acceptanceDueOn', 'AFTER_DRAW_DUE', { zh: '签收截止不能晚于摇号截止', en: 'acceptance is due no later than the draw' });
  checkRatios({ A: v.ratioABp, B: v.ratioBBp, C: v.ratioCBp, D: v.ratioDBp });
}

/** Checks departments, items (own department, active, GENERAL ratio within the cap, no duplicates) and pools. */
export async function checkParticipants(tx: Tx, participants: ResolvedParticipant[], poolIds: string[]): Promise<void> {
  const seenDept = new Set<string>();
  for (const p of participants) {
    if (seenDept.has(p.departmentId))
      throw new InputError(`${p.field}.departmentId`, 'DUPLICATE_PARTICIPANT', { zh: '部门重复', en: 'this department is listed twice' });
    seenDept.add(p.departmentId);
  }
  const departments = await tx.department.findMany({ where: { id: { in: [...seenDept] } }, select: { id: true, active: true } });
  for (const p of participants) {
    const d = departments.find((x) => x.id === p.departmentId);
    if (!d || !d.active)
      throw new InputError(p.lead ? 'input.leadDepartmentId' : `${p.field}.departmentId`, 'DEPARTMENT_NOT_FOUND', { zh: '部门不存在或已停用', en: 'no such active department' });
  }
  const itemIds = participants.flatMap((p) => p.items.map((i) => i.checkItemId));
  const items = await tx.checkItem.findMany({
    where: { id: { in: itemIds } },
    select: { id: true, code: true, departmentId: true, active: true, category: true, ratioCapBp: true },
  });
  const seenItem = new Set<string>();
  for (const p of participants)
    for (const i of p.items) {
      const item = items.find((x) => x.id === i.checkItemId);
      if (!item) throw new InputError(`${i.field}.checkItemId`, 'ITEM_NOT_FOUND', { zh: '抽查事项不存在', en: 'no such check item' });
      if (seenItem.has(item.id)) throw new InputError(`${i.field}.checkItemId`, 'DUPLICATE_ITEM', { zh: `事项 ${item.code} 重复`, en: `item ${item.code} is listed twice` });
      seenItem.add(item.id);
      if (item.departmentId !== p.departmentId)
        throw new InputError(`${i.field}.checkItemId`, 'ITEM_NOT_OF_DEPARTMENT', {
          zh: `事项 ${item.code} 不属于该参与部门`,
          en: `item ${item.code} belongs to another department than this participant`,
        });
      if (!item.active) throw new InputError(`${i.field}.checkItemId`, 'ITEM_INACTIVE', { zh: `事项 ${item.code} 已停用`, en: `item ${item.code} is inactive` });
      if (i.ratioBp !== null) {
        if (!Number.isInteger(i.ratioBp) || i.ratioBp < 0 || i.ratioBp > 10000)
          throw new InputError(`${i.field}.ratioBp`, 'RATIO_RANGE', { zh: '比例应为 0–10000 基点', en: 'a ratio is 0–10000 basis points' });
        if (item.category === 'GENERAL' && item.ratioCapBp !== null && i.ratioBp > item.ratioCapBp)
          throw new InputError(`${i.field}.ratioBp`, 'RATIO_ABOVE_CAP', {
            zh: `一般检查事项 ${item.code} 的抽查比例不得超过上限 ${item.ratioCapBp} 基点`,
            en: `general item ${item.code} is capped at ${item.ratioCapBp} basis points`,
          });
      }
    }
  if (poolIds.length) {
    const pools = await tx.targetPool.findMany({ where: { id: { in: poolIds } }, select: { id: true, departmentId: true } });
    for (const id of poolIds) {
      const pool = pools.find((x) => x.id === id);
      if (!pool) throw new InputError('input.poolIds', 'POOL_NOT_FOUND', { zh: '名录库不存在', en: `no such target pool ${id}` });
      if (!seenDept.has(pool.departmentId))
        throw new InputError('input.poolIds', 'POOL_NOT_OF_PARTICIPANT', { zh: '名录库不属于任务的参与部门', en: `pool ${id} belongs to a department outside the task` });
    }
  }
}

/** The lead first; the lead is always a participant even when the input does not list it. */
export function resolveParticipants(
  lead: string,
  input: TaskParticipantInput[] | null | undefined,
  fallback: { departmentId: string }[],
  itemsFor: (departmentId: string) => { items: { checkItemId: string; ratioBp: number | null }[]; field: string },
  fallbackField: string,
): ResolvedParticipant[] {
  const listed = input
    ? input.map((p, i) => ({ departmentId: p.departmentId, items: p.items, field: `input.participants[${i}]` }))
    : fallback.map((p) => ({ departmentId: p.departmentId, items: null, field: fallbackField }));
  if (!listed.some((p) => p.departmentId === lead)) listed.unshift({ departmentId: lead, items: null, field: 'input.leadDepartmentId' });
  const out = listed.map((p) => {
    const items = p.items
      ? p.items.map((it, j) => ({ checkItemId: it.checkItemId, ratioBp: it.ratioBp ?? null, field: `${p.field}.items[${j}]` }))
      : (() => {
          const d = itemsFor(p.departmentId);
          return d.items.map((it) => ({ ...it, field: d.field }));
        })();
    return { departmentId: p.departmentId, lead: p.departmentId === lead, field: p.field, items };
  });
  return [...out.filter((p) => p.lead), ...out.filter((p) => !p.lead)];
}

async function generateCode(tx: Tx, year: number, leadDepartmentId: string): Promise<string> {
  const dept = await tx.department.findUniqueOrThrow({ where: { id: leadDepartmentId }, select: { code: true } });
  const prefix = `${year}-${dept.code}-`;
  // Two creators of the same lead and year would otherwise compute the same next number.
  await tx.$executeRaw`select pg_advisory_xact_lock(${CODE_LOCK_NAMESPACE}::int, hashtext(${prefix}))`;
  const existing = await tx.task.findMany({ where: { code: { startsWith: prefix } }, select: { code: true } });
  const max = existing.reduce((m, t) => {
    const n = /^(\d+)$/.exec(t.code.slice(prefix.length));
    return n ? Math.max(m, Number(n[1])) : m;
  }, 0);
  return `${prefix}${String(max + 1).padStart(3, '0')}`;
}

export async function ensureCodeFree(tx: Tx, code: string, exceptId?: string): Promise<void> {
  const other = await tx.task.findUnique({ where: { code }, select: { id: true } });
  if (other && other.id !== exceptId) throw new AppError('CONFLICT', { zh: `任务编号 ${code} 已被使用`, en: `task code ${code} is taken` }, { field: 'input.code', reason: 'CODE_TAKEN' });
}

export async function writeParticipants(tx: Tx, taskId: string, participants: ResolvedParticipant[]): Promise<void> {
  await tx.taskParticipant.createMany({
    data: participants.map((p) => ({
      taskId,
      departmentId: p.departmentId,
      role: p.lead ? ('LEAD' as const) : ('PARTICIPANT' as const),
      acceptance: p.lead ? ('ACCEPTED' as const) : ('PENDING' as const),
    })),
  });
  const items = participants.flatMap((p) => p.items.map((i) => ({ taskId, departmentId: p.departmentId, checkItemId: i.checkItemId, ratioBp: i.ratioBp })));
  if (items.length) await tx.taskItem.createMany({ data: items });
}

/** What the audit trail keeps of a task: its fields, participants and items. */
export async function snapshot(tx: Tx, taskId: string) {
  return tx.task.findUniqueOrThrow({
    where: { id: taskId },
    include: {
      participants: { select: { departmentId: true, role: true, acceptance: true }, orderBy: { departmentId: 'asc' } },
      items: { select: { departmentId: true, checkItemId: true, ratioBp: true }, orderBy: { checkItemId: 'asc' } },
    },
  });
}

// ── create / update ──

export async function createTask(ctx: Context, input: CreateTaskInput): Promise<{ id: string }> {
  return mutate(ctx, async (tx, audit) => {
    await lockCalendarShared(tx); // before any task row lock: calendar edits take it exclusively, then lock tasks
    const plan = input.planId
      ? await tx.plan.findUnique({ where: { id: input.planId }, include: { participants: { orderBy: { role: 'asc' } }, items: true } })
      : null;
    if (input.planId && !plan) throw new AppError('NOT_FOUND', { zh: '未找到抽查计划', en: 'no such plan' }, { field: 'input.planId', entity: 'Plan', id: input.planId });
    if (plan && plan.status !== 'PUBLISHED')
      throw new InputError('input.planId', 'PLAN_NOT_PUBLISHED', { zh: '只能从已发布的计划创建任务', en: 'tasks are created from published plans only' });
    if (plan) await tx.$queryRaw`select id from plan where id = ${plan.id}::uuid for share`; // no adjustment underneath us

    const lead =
      input.leadDepartmentId ??
      plan?.participants.find((p) => p.role === 'LEAD')?.departmentId ??
      plan?.departmentId ??
      (ctx.actor.role === 'DEPARTMENT_ADMIN' ? ctx.actor.departmentId : null);
    if (!lead) throw new InputError('input.leadDepartmentId', 'REQUIRED', { zh: '请指定牵头部门', en: 'a lead department is required' });

    // authorise: the office creates for any lead; a department admin only tasks its own department leads
    requireLeadOrOffice(ctx, lead, 'input.leadDepartmentId');

    // validate
    const windowStart = input.windowStart ?? plan?.windowStart;
    const windowEnd = input.windowEnd ?? plan?.windowEnd;
    if (!windowStart) throw new InputError('input.windowStart', 'REQUIRED', { zh: '请填写执行窗口开始日期', en: 'a window start is required' });
    if (!windowEnd) throw new InputError('input.windowEnd', 'REQUIRED', { zh: '请填写执行窗口结束日期', en: 'a window end is required' });
    const mode = input.mode ?? plan?.mode;
    if (!mode) throw new InputError('input.mode', 'REQUIRED', { zh: '请选择联合抽查模式', en: 'a mode is required' });
    const ratios = input.ratios ?? (plan ? { A: plan.ratioABp, B: plan.ratioBBp, C: plan.ratioCBp, D: plan.ratioDBp } : null);
    if (!ratios) throw new InputError('input.ratios', 'REQUIRED', { zh: '请填写各信用风险分类的抽查比例', en: 'ratios per risk class are required' });
    const scope = input.scope;
    const values: TaskValues = {
      name: (input.name ?? plan?.name ?? '').trim(),
      code: input.code?.trim() || null,
      mode,
      year: input.year ?? plan?.year ?? windowStart.getUTCFullYear(),
      windowStart,
      windowEnd,
      inspectionEndOn: input.inspectionEndOn ?? windowEnd,
      acceptanceDueOn: input.acceptanceDueOn ?? null,
      drawDueOn: input.drawDueOn ?? windowStart,
      stratified: input.stratified ?? true,
      ratioABp: ratios.A,
      ratioBBp: ratios.B,
      ratioCBp: ratios.C,
      ratioDBp: ratios.D,
      scopeIndustryCodes: scope ? cleanList(scope.industryCodes) : (plan?.scopeIndustryCodes ?? []),
      scopeRegionCodes: scope ? cleanList(scope.regionCodes) : (plan?.scopeRegionCodes ?? []),
      scopeTargetTypes: scope ? [...new Set(scope.targetTypes ?? [])] : (plan?.scopeTargetTypes ?? []),
      scopeKeywords: scope ? cleanList(scope.keywords) : (plan?.scopeKeywords ?? []),
      poolIds: [...new Set(input.poolIds ?? [])],
    };
    checkValues(values, !!input.acceptanceDueOn);
    const participants = resolveParticipants(
      lead,
      input.participants,
      plan?.participants ?? [],
      (departmentId) => ({
        items: (plan?.items ?? []).filter((i) => i.departmentId === departmentId).map((i) => ({ checkItemId: i.checkItemId, ratioBp: i.ratioBp })),
        field: 'input.planId',
      }),
      'input.planId',
    );
    await checkParticipants(tx, participants, values.poolIds);
    const code = values.code ?? (await generateCode(tx, values.year, lead));
    if (values.code) await ensureCodeFree(tx, code);

    // persist
    const publicationDueOn = await publicationDueTx(tx, values.inspectionEndOn);
    const task = await tx.task.create({
      data: { ...values, code, planId: plan?.id ?? null, leadDepartmentId: lead, status: 'DRAFT', publicationDueOn },
    });
    await writeParticipants(tx, task.id, participants);

    // audit
    audit.record({ operation: 'createTask', entity: 'Task', entityId: task.id, after: await snapshot(tx, task.id) });
    return { id: task.id };
  });
}

export async function updateTask(ctx: Context, taskId: string, input: UpdateTaskInput): Promise<{ id: string }> {
  return mutate(ctx, async (tx, audit) => {
    await lockCalendarShared(tx);
    const status = await lockTask(tx, taskId);
    const before = await snapshot(tx, taskId);
    requireLeadOrOffice(ctx, before.leadDepartmentId, 'id');
    if (status !== 'DRAFT')
      throw new AppError(
        'INVALID_TRANSITION',
        { zh: '只有草稿状态的任务可以修改', en: `only a DRAFT task can be edited; this one is ${status}` },
        { current: status, required: 'DRAFT', reason: 'TASK_NOT_DRAFT' },
      );

    const windowStart = input.windowStart ?? before.windowStart;
    const windowEnd = input.windowEnd ?? before.windowEnd;
    // drawDueOn follows the window start while it still has its default value; an explicit null resets it
    const drawDefault = before.drawDueOn === null || before.drawDueOn.getTime() === before.windowStart.getTime();
    const drawDueOn = input.drawDueOn !== undefined ? (input.drawDueOn ?? windowStart) : drawDefault ? windowStart : before.drawDueOn!;
    const ratios = input.ratios;
    const scope = input.scope;
    const values: TaskValues = {
      name: (input.name ?? before.name).trim(),
      code: input.code?.trim() || before.code,
      mode: input.mode ?? before.mode,
      year: input.year ?? before.year,
      windowStart,
      windowEnd,
      inspectionEndOn: input.inspectionEndOn ?? before.inspectionEndOn,
      acceptanceDueOn: input.acceptanceDueOn !== undefined ? input.acceptanceDueOn : before.acceptanceDueOn,
      drawDueOn,
      stratified: input.stratified ?? before.stratified,
      ratioABp: ratios ? ratios.A : before.ratioABp,
      ratioBBp: ratios ? ratios.B : before.ratioBBp,
      ratioCBp: ratios ? ratios.C : before.ratioCBp,
      ratioDBp: ratios ? ratios.D : before.ratioDBp,
      scopeIndustryCodes: scope ? cleanList(scope.industryCodes) : before.scopeIndustryCodes,
      scopeRegionCodes: scope ? cleanList(scope.regionCodes) : before.scopeRegionCodes,
      scopeTargetTypes: scope ? [...new Set(scope.targetTypes ?? [])] : before.scopeTargetTypes,
      scopeKeywords: scope ? cleanList(scope.keywords) : before.scopeKeywords,
      poolIds: input.poolIds ? [...new Set(input.poolIds)] : before.poolIds,
    };
    checkValues(values, !!input.acceptanceDueOn);
    if (values.code !== before.code) await ensureCodeFree(tx, values.code!, taskId);

    const planItems = input.participants && before.planId ? await tx.planItem.findMany({ where: { planId: before.planId } }) : [];
    const participants = input.participants
      ? resolveParticipants(
          before.leadDepartmentId,
          input.participants,
          [],
          (departmentId) => {
            const current = before.items.filter((i) => i.departmentId === departmentId);
            if (before.participants.some((p) => p.departmentId === departmentId)) return { items: current, field: 'input.participants' };
            return { items: planItems.filter((i) => i.departmentId === departmentId), field: 'planId' };
          },
          'input.participants',
        )
      : null;
    if (participants) await checkParticipants(tx, participants, values.poolIds);
    else if (input.poolIds)
      await checkParticipants(
        tx,
        before.participants.map((p) => ({ departmentId: p.departmentId, lead: p.role === 'LEAD', field: 'input', items: [] })),
        values.poolIds,
      );

    // persist: the definition is replaced; the publication due date is recomputed from the (possibly new) end date
    await tx.task.update({
      where: { id: taskId },
      data: { ...values, code: values.code!, publicationDueOn: await publicationDueTx(tx, values.inspectionEndOn) },
    });
    if (participants) {
      await tx.taskItem.deleteMany({ where: { taskId } });
      await tx.taskParticipant.deleteMany({ where: { taskId } });
      await writeParticipants(tx, taskId, participants);
    }
    audit.record({ operation: 'updateTask', entity: 'Task', entityId: taskId, before, after: await snapshot(tx, taskId) });
    return { id: taskId };
  });
}

// ── invitation and acceptance (签收) ──

export async function inviteParticipants(ctx: Context, taskId: string): Promise<{ id: string }> {
  return mutate(ctx, (tx, audit) => inviteParticipantsTx(tx, audit, ctx, taskId));
}

/** The invitation inside the caller's transaction (also used by the office's re-issue, task.reissue.ts). */
export async function inviteParticipantsTx(tx: Tx, audit: Audit, ctx: Pick<Context, 'actor'>, taskId: string): Promise<{ id: string }> {
  await lockCalendarShared(tx);
  const status = await lockTask(tx, taskId);
  const task = await tx.task.findUniqueOrThrow({ where: { id: taskId }, include: { participants: true, _count: { select: { items: true } } } });
  requireLeadOrOffice(ctx, task.leadDepartmentId, 'taskId');
  assertTransition(status, 'INVITING');
  // The machine also allows READY → INVITING, but invitations go out for a task the lead has just (re)defined.
  if (status !== 'DRAFT')
    throw new AppError(
      'INVALID_TRANSITION',
      { zh: '只有草稿状态的任务可以发出邀约', en: `invitations go out for a DRAFT task only; this one is ${status}` },
      { current: status, requested: 'INVITING', reason: 'TASK_NOT_DRAFT' },
    );
  if (task._count.items < 1)
    throw new InputError('taskId', 'TASK_HAS_NO_ITEMS', { zh: '任务至少需要一个抽查事项才能邀约', en: 'a task needs at least one check item before invitations go out' });

  const now = new Date();
  const today = todayInChina(now);
  // A given acceptance due date is kept unless it has already passed (e.g. a re-invitation after a decline).
  let acceptanceDueOn = task.acceptanceDueOn;
  if (!acceptanceDueOn || acceptanceDueOn < today) {
    const y = today.getUTCFullYear();
    acceptanceDueOn = addWorkingDays(today, ACCEPTANCE_WORKING_DAYS, await loadCalendarTx(tx, y, y + 1));
  }
  const invited = task.participants.filter((p) => p.role !== 'LEAD').map((p) => p.departmentId);
  await tx.taskParticipant.updateMany({
    where: { taskId, role: 'PARTICIPANT' },
    data: { acceptance: 'PENDING', invitedAt: now, respondedAt: null, declineReason: null },
  });
  await tx.taskParticipant.updateMany({ where: { taskId, role: 'LEAD' }, data: { acceptance: 'ACCEPTED' } });
  await transitionTask(tx, taskId, 'INVITING', audit, { data: { acceptanceDueOn } });
  audit.record({ operation: 'inviteParticipants', entity: 'Task', entityId: taskId, after: { invited, acceptanceDueOn: iso(acceptanceDueOn) } });
  // A single-department task has nobody to wait for.
  if (!invited.length) await transitionTask(tx, taskId, 'READY', audit, { reason: 'single-department task: nobody to invite' });
  return { id: taskId };
}

/** The participant row of the actor's department; a department outside the task is refused. */
async function ownParticipation(tx: Tx, ctx: Context, taskId: string) {
  const p = ctx.actor.departmentId
    ? await tx.taskParticipant.findUnique({ where: { taskId_departmentId: { taskId, departmentId: ctx.actor.departmentId } } })
    : null;
  if (!p)
    throw new AppError(
      'FORBIDDEN',
      { zh: '本部门不是该任务的参与部门', en: 'your department does not take part in this task' },
      { field: 'taskId', reason: 'NOT_PARTICIPANT' },
    );
  return p;
}

function requireInviting(status: TaskStatus): void {
  if (status !== 'INVITING')
    throw new AppError(
      'INVALID_TRANSITION',
      { zh: '任务不在邀约中，不能签收或拒绝', en: `only an INVITING task can be accepted or declined; this one is ${status}` },
      { current: status, required: 'INVITING', reason: 'TASK_NOT_INVITING' },
    );
}

export async function acceptTask(ctx: Context, taskId: string): Promise<{ id: string }> {
  return mutate(ctx, async (tx, audit) => {
    const status = await lockTask(tx, taskId); // serialises concurrent responses: the last one sees all the others
    const p = await ownParticipation(tx, ctx, taskId);
    requireInviting(status);
    if (p.acceptance === 'ACCEPTED')
      throw new AppError('CONFLICT', { zh: '本部门已签收该任务', en: 'your department has already accepted this task' }, { field: 'taskId', reason: 'ALREADY_ACCEPTED' });
    await tx.taskParticipant.update({
      where: { taskId_departmentId: { taskId, departmentId: p.departmentId } },
      data: { acceptance: 'ACCEPTED', respondedAt: new Date(), declineReason: null },
    });
    audit.record({
      operation: 'acceptTask',
      entity: 'Task',
      entityId: taskId,
      before: { departmentId: p.departmentId, acceptance: p.acceptance },
      after: { departmentId: p.departmentId, acceptance: 'ACCEPTED' },
    });
    const waiting = await tx.taskParticipant.count({ where: { taskId, role: 'PARTICIPANT', acceptance: { not: 'ACCEPTED' } } });
    if (!waiting) await transitionTask(tx, taskId, 'READY', audit, { reason: 'every participant accepted' });
    return { id: taskId };
  });
}

export async function declineTask(ctx: Context, taskId: string, reason: string): Promise<{ id: string }> {
  return mutate(ctx, async (tx, audit) => {
    const status = await lockTask(tx, taskId);
    const p = await ownParticipation(tx, ctx, taskId);
    if (p.role === 'LEAD')
      throw new AppError('FORBIDDEN', { zh: '牵头部门不能拒绝自己的任务，可取消任务', en: 'the lead department cannot decline its own task; cancel it instead' }, { field: 'taskId', reason: 'LEAD_CANNOT_DECLINE' });
    requireInviting(status);
    const why = requireReason('reason', reason);
    await tx.taskParticipant.update({
      where: { taskId_departmentId: { taskId, departmentId: p.departmentId } },
      data: { acceptance: 'DECLINED', respondedAt: new Date(), declineReason: why },
    });
    audit.record({
      operation: 'declineTask',
      entity: 'Task',
      entityId: taskId,
      before: { departmentId: p.departmentId, acceptance: p.acceptance },
      after: { departmentId: p.departmentId, acceptance: 'DECLINED', reason: why, userId: ctx.actor.id },
    });
    // Back to the lead, who may change the participants and invite again.
    await transitionTask(tx, taskId, 'DRAFT', audit, { reason: why });
    return { id: taskId };
  });
}

export async function cancelTask(ctx: Context, taskId: string, reason: string): Promise<{ id: string }> {
  return mutate(ctx, async (tx, audit) => {
    await lockTask(tx, taskId);
    const task = await tx.task.findUniqueOrThrow({ where: { id: taskId }, select: { leadDepartmentId: true } });
    requireLeadOrOffice(ctx, task.leadDepartmentId, 'taskId');
    const why = requireReason('reason', reason);
    await transitionTask(tx, taskId, 'CANCELLED', audit, { reason: why, data: { cancelReason: why } });
    return { id: taskId };
  });
}
