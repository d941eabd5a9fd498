// Follow-up (后续处置 / 移送), tracked to closure (闭环). The state machine and who may act, defined once:
//
//   OPEN ──updateFollowUp(status: IN_PROGRESS)──► IN_PROGRESS ──closeFollowUp(closureNote)──► CLOSED (final)
//   OPEN ──closeFollowUp(closureNote)──► CLOSED
//   OPEN | IN_PROGRESS ──transferFollowUp(TRANSFER_DEPARTMENT to a department | TRANSFER_POLICE)──► IN_PROGRESS
//
// Who acts (docs/CREDIT.md "Follow-up"): the office always; the owner department's admin (the department whose
// result or target it is); after a transfer to a department, that receiving department's admin too (progress and
// closure, not re-transfer or re-classification). Visibility of the rows lives in access/visibility.ts.
// A follow-up is overdue when its due date lies before today in China and it is not CLOSED.
import { prisma } from '../../db/database.ts';
import type { Context } from '../../context.ts';
import type { FollowUp, FollowUpKind, FollowUpStatus } from '../../generated/prisma/client.ts';
import { AppError, InputError, NotFoundError } from '../../shared/errors.ts';
import { mutate, type Tx } from '../../shared/mutation.ts';
import { requireId } from '../../shared/pagination.ts';
import { withVisibility } from '../access/visibility.ts';
import { chinaToday, endFollowUpEvents } from './credit.service.ts';

export const FOLLOW_UP_TRANSITIONS: Readonly<Record<FollowUpStatus, readonly FollowUpStatus[]>> = {
  OPEN: ['IN_PROGRESS', 'CLOSED'],
  IN_PROGRESS: ['CLOSED'],
  CLOSED: [],
};

const STATUS_ZH: Record<FollowUpStatus, string> = { OPEN: '待处置', IN_PROGRESS: '处置中', CLOSED: '已办结' };
const TRANSFER_KINDS: FollowUpKind[] = ['TRANSFER_DEPARTMENT', 'TRANSFER_POLICE'];

export function assertFollowUpTransition(from: FollowUpStatus, to: FollowUpStatus): void {
  if (!FOLLOW_UP_TRANSITIONS[from].includes(to))
    throw new AppError(
      'INVALID_TRANSITION',
      { zh: `后续处置状态为“${STATUS_ZH[from]}”，不能变为“${STATUS_ZH[to]}”`, en: `a follow-up in state ${from} cannot move to ${to}` },
      { field: 'status', current: from, requested: to },
    );
}

/** Overdue: due before today (China) and not closed. The list filter uses the same rule in SQL (overdueWhere). */
export function isOverdue(f: Pick<FollowUp, 'dueOn' | 'status'>, now = new Date()): boolean {
  return !!f.dueOn && f.status !== 'CLOSED' && f.dueOn.getTime() < chinaToday(now).getTime();
}

export function overdueWhere(overdue: boolean, now = new Date()): Record<string, unknown> {
  const today = chinaToday(now);
  return overdue
    ? { status: { not: 'CLOSED' }, dueOn: { lt: today } }
    : { OR: [{ status: 'CLOSED' }, { dueOn: null }, { dueOn: { gte: today } }] };
}

// ───────────────────────────── who acts ─────────────────────────────

const isOffice = (ctx: Pick<Context, 'actor'>) => ctx.actor.kind === 'user' && ctx.actor.role === 'OFFICE_ADMIN';
const isAdminOf = (ctx: Pick<Context, 'actor'>, departmentId: string | null) =>
  ctx.actor.kind === 'user' && ctx.actor.role === 'DEPARTMENT_ADMIN' && !!departmentId && ctx.actor.departmentId === departmentId;

function assertOwner(ctx: Pick<Context, 'actor'>, f: FollowUp) {
  if (isOffice(ctx) || isAdminOf(ctx, f.departmentId)) return;
  throw new AppError(
    'FORBIDDEN',
    { zh: '只有承办部门（或联席会议办公室）可以移送或调整处置方式', en: 'only the owner department (or the office) transfers or re-classifies a follow-up' },
    { field: 'id', reason: 'NOT_OWNER' },
  );
}

function assertActs(ctx: Pick<Context, 'actor'>, f: FollowUp) {
  if (isOffice(ctx) || isAdminOf(ctx, f.departmentId)) return;
  if (f.kind === 'TRANSFER_DEPARTMENT' && isAdminOf(ctx, f.toDepartmentId)) return;
  throw new AppError(
    'FORBIDDEN',
    { zh: '只能办理本部门承办或移送给本部门的后续处置', en: 'a department acts on follow-ups it owns or that were transferred to it' },
    { field: 'id', reason: 'FOREIGN_DEPARTMENT' },
  );
}

// ───────────────────────────── validation ─────────────────────────────

const LIMITS = { description: 1000, reference: 100, closureNote: 1000 };

function text(field: string, v: string | null | undefined, max: number, required: boolean, zh: string): string | null {
  const t = (v ?? '').trim();
  if (!t) {
    if (required) throw new InputError(field, 'REQUIRED', { zh: `请填写${zh}`, en: `${field} is required` });
    return null;
  }
  if (t.length > max) throw new InputError(field, 'TOO_LONG', { zh: `${zh}不超过 ${max} 个字符`, en: `at most ${max} characters` });
  return t;
}

function dueNotPast(field: string, dueOn: Date, now: Date) {
  if (dueOn.getTime() < chinaToday(now).getTime())
    throw new InputError(field, 'IN_PAST', { zh: '处置期限不能早于今天', en: 'the due date cannot be in the past' });
}

async function requireDepartment(tx: Tx, id: string, field: string) {
  const d = await tx.department.findUnique({ where: { id: requireId(field, id) }, select: { id: true } });
  if (!d) throw new AppError('NOT_FOUND', { zh: '未找到部门', en: 'no such department' }, { field, entity: 'Department', id });
  return d.id;
}

/** Kind-specific rules: rectification has a deadline; a transfer to a department names it; police transfers none. */
function checkKind(kind: FollowUpKind, toDepartmentId: string | null, ownerId: string, dueOn: Date | null, fieldPrefix: string) {
  if (kind === 'RECTIFICATION' && !dueOn)
    throw new InputError(`${fieldPrefix}dueOn`, 'REQUIRED', { zh: '责令限期整改须填写整改期限', en: 'a rectification needs a due date' });
  if (kind === 'TRANSFER_DEPARTMENT') {
    if (!toDepartmentId)
      throw new InputError(`${fieldPrefix}toDepartmentId`, 'REQUIRED', { zh: '移送主管部门须指定接收部门', en: 'a transfer to a department names the receiving department' });
    if (toDepartmentId === ownerId)
      throw new InputError(`${fieldPrefix}toDepartmentId`, 'SAME_DEPARTMENT', { zh: '不能移送给本部门', en: 'cannot transfer to the owner department itself' });
  } else if (toDepartmentId)
    throw new InputError(`${fieldPrefix}toDepartmentId`, 'NOT_A_TRANSFER', { zh: '只有移送主管部门才指定接收部门', en: 'only a transfer to a department names a receiving department' });
}

async function lockFollowUp(tx: Tx, idArg: string): Promise<FollowUp> {
  const id = requireId('id', idArg);
  const rows = await tx.$queryRaw<{ id: string }[]>`select id::text as id from follow_up where id = ${id}::uuid for update`;
  if (!rows.length) throw new NotFoundError('后续处置', id);
  return tx.followUp.findUniqueOrThrow({ where: { id } });
}

function assertNotClosed(f: FollowUp) {
  if (f.status === 'CLOSED')
    throw new AppError('INVALID_TRANSITION', { zh: '该后续处置已办结', en: 'the follow-up is closed' }, { field: 'id', current: 'CLOSED', reason: 'CLOSED' });
}

// ───────────────────────────── mutations ─────────────────────────────

export interface CreateFollowUpInput {
  targetId?: string | null;
  itemResultId?: string | null;
  departmentId?: string | null;
  kind: FollowUpKind;
  description: string;
  dueOn?: Date | null;
  toDepartmentId?: string | null;
  reference?: string | null;
}

/** A department opens a follow-up for a result it entered, or for a target it may see (its pools or its tasks). */
export async function createFollowUp(ctx: Context, input: CreateFollowUpInput, now = new Date()) {
  const a = ctx.actor;
  if (!isOffice(ctx) && !(a.kind === 'user' && a.role === 'DEPARTMENT_ADMIN' && a.departmentId))
    throw new AppError('FORBIDDEN', { zh: '只有部门管理员或联席会议办公室可以发起后续处置', en: 'department admins and the office open follow-ups' }, { reason: 'ROLE' });
  const description = text('input.description', input.description, LIMITS.description, true, '处置说明')!;
  const reference = text('input.reference', input.reference, LIMITS.reference, false, '文书编号');
  const dueOn = input.dueOn ?? null;
  if (dueOn) dueNotPast('input.dueOn', dueOn, now);
  if (!input.itemResultId && !input.targetId)
    throw new InputError('input.targetId', 'REQUIRED', { zh: '请指定检查对象或检查结果', en: 'name the target or the item result' });
  return mutate(ctx, async (tx, audit) => {
    let departmentId = input.departmentId ? requireId('input.departmentId', input.departmentId) : isOffice(ctx) ? null : a.departmentId;
    if (!isOffice(ctx) && departmentId !== a.departmentId)
      throw new AppError('FORBIDDEN', { zh: '只能为本部门发起后续处置', en: 'a department opens follow-ups for itself only' }, { field: 'input.departmentId', reason: 'FOREIGN_DEPARTMENT' });
    let targetId = input.targetId ? requireId('input.targetId', input.targetId) : null;
    let itemResultId: string | null = null;
    let taskId: string | null = null;
    if (input.itemResultId) {
      const r = await tx.itemResult.findUnique({ where: { id: requireId('input.itemResultId', input.itemResultId) }, include: { record: { select: { targetId: true, taskId: true } } } });
      if (!r) throw new AppError('NOT_FOUND', { zh: '未找到检查结果', en: 'no such item result' }, { field: 'input.itemResultId', entity: 'ItemResult', id: input.itemResultId });
      departmentId ??= r.departmentId;
      if (r.departmentId !== departmentId)
        throw new AppError('FORBIDDEN', { zh: '只能对本部门录入的检查结果发起后续处置', en: "a department follows up its own results only" }, { field: 'input.itemResultId', reason: 'FOREIGN_RESULT' });
      if (targetId && targetId !== r.record.targetId)
        throw new InputError('input.targetId', 'MISMATCH', { zh: '检查对象与检查结果不一致', en: 'the target is not the one of the item result' });
      targetId = r.record.targetId;
      itemResultId = r.id;
      taskId = r.record.taskId;
    } else {
      if (!departmentId) throw new InputError('input.departmentId', 'REQUIRED', { zh: '请指定承办部门', en: 'name the owner department' });
      const visible = await tx.target.count({ where: withVisibility('Target', a, { id: targetId! }) });
      if (!visible) {
        const exists = await tx.target.count({ where: { id: targetId! } });
        if (!exists) throw new AppError('NOT_FOUND', { zh: '未找到检查对象', en: 'no such target' }, { field: 'input.targetId', entity: 'Target', id: targetId });
        throw new AppError('FORBIDDEN', { zh: '只能对本部门名录库或本部门任务中的检查对象发起后续处置', en: "only targets in the department's pools or tasks" }, { field: 'input.targetId', reason: 'FOREIGN_TARGET' });
      }
    }
    await requireDepartment(tx, departmentId!, 'input.departmentId');
    const toDepartmentId = input.toDepartmentId ? await requireDepartment(tx, input.toDepartmentId, 'input.toDepartmentId') : null;
    checkKind(input.kind, toDepartmentId, departmentId!, dueOn, 'input.');
    const created = await tx.followUp.create({
      data: { targetId: targetId!, itemResultId, taskId, departmentId: departmentId!, kind: input.kind, status: 'OPEN', toDepartmentId, description, reference, dueOn, createdBy: a.id },
    });
    audit.record({ operation: 'createFollowUp', entity: 'FollowUp', entityId: created.id, after: created });
    return created;
  });
}

export interface UpdateFollowUpInput {
  status?: FollowUpStatus | null;
  kind?: FollowUpKind | null;
  reference?: string | null;
  dueOn?: Date | null;
  description?: string | null;
}

/** Progress: OPEN → IN_PROGRESS, document number, due date, description; the owner may re-classify (整改 / 立案). */
export async function updateFollowUp(ctx: Context, id: string, input: UpdateFollowUpInput, now = new Date()) {
  if (input.status === 'CLOSED')
    throw new InputError('input.status', 'USE_CLOSE', { zh: '办结请使用“办结”操作并填写办结说明', en: 'close with closeFollowUp and a closure note' });
  if (input.kind && TRANSFER_KINDS.includes(input.kind))
    throw new InputError('input.kind', 'USE_TRANSFER', { zh: '移送请使用“移送”操作', en: 'transfer with transferFollowUp' });
  const reference = input.reference === undefined || input.reference === null ? undefined : text('input.reference', input.reference, LIMITS.reference, false, '文书编号');
  const description = input.description == null ? undefined : text('input.description', input.description, LIMITS.description, true, '处置说明')!;
  if (input.dueOn) dueNotPast('input.dueOn', input.dueOn, now);
  if (input.status == null && input.kind == null && input.reference == null && input.dueOn == null && input.description == null)
    throw new InputError('input', 'EMPTY', { zh: '没有要修改的内容', en: 'nothing to change' });
  return mutate(ctx, async (tx, audit) => {
    const before = await lockFollowUp(tx, id);
    assertActs(ctx, before);
    assertNotClosed(before);
    const data: Record<string, unknown> = {};
    if (input.status && input.status !== before.status) {
      assertFollowUpTransition(before.status, input.status);
      data.status = input.status;
    }
    if (input.kind && input.kind !== before.kind) {
      assertOwner(ctx, before);
      if (TRANSFER_KINDS.includes(before.kind))
        throw new InputError('input.kind', 'TRANSFERRED', { zh: '已移送的后续处置不能改为其他处置方式', en: 'a transferred follow-up keeps its kind' });
      data.kind = input.kind;
    }
    if (reference !== undefined) data.reference = reference;
    if (description !== undefined) data.description = description;
    if (input.dueOn) data.dueOn = input.dueOn;
    checkKind((data.kind as FollowUpKind) ?? before.kind, before.toDepartmentId, before.departmentId, (data.dueOn as Date) ?? before.dueOn, 'input.');
    const after = await tx.followUp.update({ where: { id: before.id }, data });
    const keys = Object.keys(data);
    audit.record({
      operation: 'updateFollowUp',
      entity: 'FollowUp',
      entityId: before.id,
      before: Object.fromEntries(keys.map((k) => [k, (before as Record<string, unknown>)[k]])),
      after: Object.fromEntries(keys.map((k) => [k, (after as Record<string, unknown>)[k]])),
    });
    return after;
  });
}

/** 移送: to the competent department (which then sees and works on it) or to the judicial organs (police). */
export async function transferFollowUp(ctx: Context, id: string, kind: FollowUpKind, toDepartmentIdArg: string | null | undefined, referenceArg?: string | null) {
  if (!TRANSFER_KINDS.includes(kind))
    throw new InputError('kind', 'NOT_A_TRANSFER', { zh: '移送方式应为移送主管部门或移送司法机关', en: 'kind is TRANSFER_DEPARTMENT or TRANSFER_POLICE' });
  const reference = text('reference', referenceArg, LIMITS.reference, false, '移送函号');
  return mutate(ctx, async (tx, audit) => {
    const before = await lockFollowUp(tx, id);
    assertOwner(ctx, before);
    assertNotClosed(before);
    const toDepartmentId = toDepartmentIdArg ? await requireDepartment(tx, toDepartmentIdArg, 'toDepartmentId') : null;
    checkKind(kind, toDepartmentId, before.departmentId, before.dueOn, '');
    const after = await tx.followUp.update({
      where: { id: before.id },
      data: { kind, toDepartmentId, status: 'IN_PROGRESS', ...(reference ? { reference } : {}) },
    });
    audit.record({
      operation: 'transferFollowUp',
      entity: 'FollowUp',
      entityId: before.id,
      before: { kind: before.kind, toDepartmentId: before.toDepartmentId, status: before.status, reference: before.reference },
      after: { kind: after.kind, toDepartmentId: after.toDepartmentId, status: after.status, reference: after.reference },
    });
    return after;
  });
}

/** 闭环: closed with a closure note; a follow-up opened by a result then ends that result's FOLLOW_UP_REQUIRED event. */
export async function closeFollowUp(ctx: Context, id: string, closureNoteArg: string, now = new Date()) {
  const closureNote = text('closureNote', closureNoteArg, LIMITS.closureNote, true, '办结说明')!;
  return mutate(ctx, async (tx, audit) => {
    const before = await lockFollowUp(tx, id);
    assertActs(ctx, before);
    assertFollowUpTransition(before.status, 'CLOSED');
    const after = await tx.followUp.update({ where: { id: before.id }, data: { status: 'CLOSED', closedAt: now, closureNote } });
    audit.record({ operation: 'closeFollowUp', entity: 'FollowUp', entityId: before.id, before: { status: before.status }, after: { status: 'CLOSED', closedAt: now, closureNote } });
    if (before.itemResultId) await endFollowUpEvents(tx, audit, [before.itemResultId], now, `后续处置已办结 / follow-up closed (${before.id})`);
    return after;
  });
}

export const followUpById = (id: string, query: object = {}) => prisma().followUp.findUniqueOrThrow({ ...query, where: { id } });
