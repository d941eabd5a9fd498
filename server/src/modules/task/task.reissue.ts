// Re-issue (重新派发, issue 6): the office re-issues a stalled task as a new task linked to the original.
//
// A task is stalled (and only then may be re-issued) when at least one of these holds on today's date in China:
//   ACCEPTANCE_OVERDUE    — invited (DRAFT/INVITING), a participant has not accepted and the acceptance due date passed;
//   WINDOW_PASSED         — the window (or the inspection end, if later) passed and the task is not completed
//                           (not PUBLISHED or CLOSED);
//   TARGETS_NOT_INSPECTED — some targets could not be inspected: result code 4 (unreachable at the registered
//                           address) or 7 (no business activity in scope) is recorded in the task's records. A
//                           result's code is its latest approved correction's (更正), as everywhere results count.
// The conditions are SQL (`stalledConditionsSql`) so the work queue (modules/work) lists exactly the tasks this
// mutation accepts.
//
// One transaction (mutate): the new task copies name, mode, ratios, scope (and a restriction the original had),
// pools (those of departments still taking part) and the items of the departments that remain; a department new
// to the task brings the items given in `departmentItems`, or else its items in the original's plan. Its code is
// `<original code>-R<n>` (n = 1, 2, … per root task; a re-issue of a re-issue continues the numbering).
// restrictToUninspected: scope_target_ids = the targets of the original's LOCKED target draw whose results include
// code 4 or 7 (one UPDATE … SELECT), so the new task's draw draws only from them (draw.service.ts). The participants
// are invited at once through inviteParticipantsTx (the same rules as inviteParticipants). The original moves to
// REISSUED (terminal, so nothing changes it afterwards) with reissuedAt; both tasks are audited.
import { todayInChina } from '../../shared/working-days.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import { AppError, InputError } from '../../shared/errors.ts';
import { mutate, type Tx } from '../../shared/mutation.ts';
import type { Context } from '../../context.ts';
import { lockCalendarShared, publicationDueTx } from '../calendar/calendar.service.ts';
import {
  CODE_LOCK_NAMESPACE,
  checkParticipants,
  checkValues,
  inviteParticipantsTx,
  requireReason,
  snapshot,
  writeParticipants,
  type ResolvedParticipant,
  type TaskItemInput,
  type TaskValues,
} from './task.service.ts';
import { TASK_STATUS_ZH, lockTask, transitionTask } from './task.state.ts';

export const STALL_REASONS = ['ACCEPTANCE_OVERDUE', 'WINDOW_PASSED', 'TARGETS_NOT_INSPECTED'] as const;
export type StallReason = (typeof STALL_REASONS)[number];

/** Result codes that mean "could not be inspected" (4 unreachable, 7 no business activity in scope). */
export const UNINSPECTED_CODES = [4, 7] as const;

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Whether record alias `r` holds a result that means "could not be inspected": its effective code — that of the
 * latest approved correction, else the code entered — is 4 or 7. A code 7 corrected to 1 was inspected after all;
 * a 1 corrected to 4 was not.
 */
const HAS_UNINSPECTED_RESULT = Prisma.sql`exists (
  select 1 from item_result ir
   where ir.record_id = r.id
     and coalesce((select c.new_code from correction c where c.item_result_id = ir.id and c.status = 'APPROVED'
                    order by c.decided_at desc nulls last, c.id limit 1), ir.code) in (4, 7))`;

/**
 * The three stall conditions of task alias `t` as boolean SQL expressions, on `today` (a date). Used by the
 * re-issue check below and by the work queue's TASK_TO_REISSUE source.
 */
export function stalledConditionsSql(today: string) {
  return {
    acceptanceOverdue: Prisma.sql`(t.status in ('DRAFT', 'INVITING') and t.acceptance_due_on < ${today}::date
      and exists (select 1 from task_participant p where p.task_id = t.id and p.role = 'PARTICIPANT' and p.acceptance <> 'ACCEPTED'))`,
    windowPassed: Prisma.sql`(t.status not in ('PUBLISHED', 'CLOSED', 'CANCELLED', 'REISSUED')
      and greatest(t.window_end, t.inspection_end_on) < ${today}::date)`,
    targetsNotInspected: Prisma.sql`(t.status not in ('CLOSED', 'CANCELLED', 'REISSUED')
      and exists (select 1 from inspection_record r where r.task_id = t.id and ${HAS_UNINSPECTED_RESULT}))`,
  };
}

export interface ReissueTaskInput {
  taskId: string;
  reason: string;
  windowStart: Date;
  windowEnd: Date;
  inspectionEndOn?: Date | null;
  leadDepartmentId?: string | null;
  /** the other participating departments; default: every department of the original except the (new) lead */
  participantDepartmentIds?: string[] | null;
  /** items of departments (usually ones new to the task); default: their items in the original, else in its plan */
  departmentItems?: { departmentId: string; items: TaskItemInput[] }[] | null;
  restrictToUninspected?: boolean | null;
}

export async function reissueTask(ctx: Pick<Context, 'actor' | 'requestId'>, input: ReissueTaskInput): Promise<{ id: string }> {
  // authorise: the office only (the scope on the field says so too)
  if (ctx.actor.role !== 'OFFICE_ADMIN')
    throw new AppError('FORBIDDEN', { zh: '只有联席会议办公室可以重新派发任务', en: 'only the office re-issues tasks' }, { field: 'reissueTask', reason: 'OFFICE_ONLY' });
  const reason = requireReason('input.reason', input.reason);
  const restrict = input.restrictToUninspected ?? false;

  return mutate(ctx, async (tx, audit) => {
    await lockCalendarShared(tx); // before the task row lock, as every task write does
    const status = await lockTask(tx, input.taskId);
    const original = await tx.task.findUniqueOrThrow({
      where: { id: input.taskId },
      include: { participants: { orderBy: [{ role: 'asc' }, { departmentId: 'asc' }] }, items: true },
    });
    if (status === 'CLOSED' || status === 'CANCELLED' || status === 'REISSUED')
      throw new AppError(
        'INVALID_TRANSITION',
        { zh: `任务状态为“${TASK_STATUS_ZH[status]}”，不能重新派发`, en: `a task in state ${status} cannot be re-issued` },
        { field: 'input.taskId', current: status, requested: 'REISSUED', reason: 'TASK_TERMINAL' },
      );

    // validate: stalled?
    const today = todayInChina();
    const { reasons, uninspected } = await stallOf(tx, original.id, iso(today));
    if (!reasons.length)
      throw new AppError(
        'INVALID_TRANSITION',
        {
          zh: '任务未停滞，不能重新派发：没有逾期未签收的部门，执行期限未过，也没有无法检查（结果 4、7）的对象',
          en: 'the task is not stalled: no participant is overdue to accept, its window has not passed, and no target was recorded as impossible to inspect (code 4 or 7)',
        },
        { field: 'input.taskId', reason: 'TASK_NOT_STALLED', current: status },
      );
    if (restrict && uninspected === 0)
      throw new InputError('input.restrictToUninspected', 'NO_UNINSPECTED_TARGETS', {
        zh: '原任务已锁定的摇号结果中没有结果为 4 或 7 的对象，无法限定重新抽取范围',
        en: 'no target of the original locked target draw has result code 4 or 7 to restrict the new draw to',
      });

    // the departments of the new task
    const lead = input.leadDepartmentId ?? original.leadDepartmentId;
    const others = input.participantDepartmentIds
      ? input.participantDepartmentIds.map((id, i) => ({ id, field: `input.participantDepartmentIds[${i}]` }))
      : original.participants.filter((p) => p.departmentId !== lead).map((p) => ({ id: p.departmentId, field: 'input.taskId' }));
    const departments = [{ id: lead, field: 'input.leadDepartmentId' }, ...others.filter((o) => o.id !== lead)];
    // named here, so the errors point at the input field (checkParticipants repeats the check for its own callers)
    const found = await tx.department.findMany({ where: { id: { in: departments.map((d) => d.id) }, active: true }, select: { id: true } });
    departments.forEach((d, i) => {
      if (departments.findIndex((x) => x.id === d.id) !== i)
        throw new InputError(d.field, 'DUPLICATE_PARTICIPANT', { zh: '部门重复', en: 'this department is listed twice' });
      if (!found.some((f) => f.id === d.id)) throw new InputError(d.field, 'DEPARTMENT_NOT_FOUND', { zh: '部门不存在或已停用', en: 'no such active department' });
    });
    const given = new Map<string, { items: TaskItemInput[]; field: string }>();
    (input.departmentItems ?? []).forEach((d, i) => {
      const field = `input.departmentItems[${i}]`;
      if (!departments.some((x) => x.id === d.departmentId))
        throw new InputError(`${field}.departmentId`, 'NOT_A_PARTICIPANT', { zh: '该部门不是新任务的参与部门', en: 'this department does not take part in the new task' });
      if (given.has(d.departmentId)) throw new InputError(`${field}.departmentId`, 'DUPLICATE_PARTICIPANT', { zh: '部门重复', en: 'this department is listed twice' });
      given.set(d.departmentId, { items: d.items, field });
    });
    const needPlan = departments.some((d) => !given.has(d.id) && !original.items.some((i) => i.departmentId === d.id));
    const planItems = needPlan && original.planId ? await tx.planItem.findMany({ where: { planId: original.planId } }) : [];
    const participants: ResolvedParticipant[] = departments.map((d) => {
      const g = given.get(d.id);
      const fromOriginal = original.items.filter((i) => i.departmentId === d.id);
      const items = g
        ? g.items.map((it, j) => ({ checkItemId: it.checkItemId, ratioBp: it.ratioBp ?? null, field: `${g.field}.items[${j}]` }))
        : (fromOriginal.length ? fromOriginal : planItems.filter((i) => i.departmentId === d.id)).map((i) => ({
            checkItemId: i.checkItemId,
            ratioBp: i.ratioBp,
            field: 'input.taskId',
          }));
      if (!items.length)
        throw new InputError(d.field === 'input.taskId' ? 'input.departmentItems' : d.field, 'NO_ITEMS_FOR_DEPARTMENT', {
          zh: '该部门在原任务及其计划中都没有抽查事项，请在 departmentItems 中为其选择事项',
          en: 'this department has no items in the original task or its plan; choose them in departmentItems',
        });
      return { departmentId: d.id, lead: d.id === lead, field: d.field, items };
    });

    // pools of departments that still take part (an empty list means every pool of the participants)
    const kept = new Set(departments.map((d) => d.id));
    const pools = original.poolIds.length
      ? await tx.targetPool.findMany({ where: { id: { in: original.poolIds } }, select: { id: true, departmentId: true } })
      : [];
    const values: TaskValues = {
      name: original.name,
      code: null,
      mode: original.mode,
      year: input.windowStart.getUTCFullYear(),
      windowStart: input.windowStart,
      windowEnd: input.windowEnd,
      inspectionEndOn: input.inspectionEndOn ?? input.windowEnd,
      acceptanceDueOn: null,
      drawDueOn: input.windowStart,
      stratified: original.stratified,
      ratioABp: original.ratioABp,
      ratioBBp: original.ratioBBp,
      ratioCBp: original.ratioCBp,
      ratioDBp: original.ratioDBp,
      scopeIndustryCodes: original.scopeIndustryCodes,
      scopeRegionCodes: original.scopeRegionCodes,
      scopeTargetTypes: original.scopeTargetTypes,
      scopeKeywords: original.scopeKeywords,
      poolIds: original.poolIds.filter((id) => pools.some((p) => p.id === id && kept.has(p.departmentId))),
    };
    checkValues(values, false);
    if (values.windowStart < today)
      throw new InputError('input.windowStart', 'IN_THE_PAST', { zh: '新的执行窗口不能早于今天', en: 'the new window cannot start before today' });
    await checkParticipants(tx, participants, values.poolIds);

    // persist: the new task, its participants and items; the restriction; the invitation; the original
    const code = await nextReissueCode(tx, original.code);
    const created = await tx.task.create({
      data: {
        ...values,
        code,
        planId: original.planId,
        leadDepartmentId: lead,
        status: 'DRAFT',
        publicationDueOn: await publicationDueTx(tx, values.inspectionEndOn),
        scopeTargetIds: restrict ? [] : original.scopeTargetIds,
        reissuedFromId: original.id,
        reissueReason: reason,
      },
      select: { id: true },
    });
    await writeParticipants(tx, created.id, participants);
    if (restrict) {
      // set-based: the targets of the original's LOCKED target draw with a result of code 4 or 7
      await tx.$executeRaw`
        update task set scope_target_ids = array(
          select distinct r.target_id
            from inspection_record r
            join draw d on d.task_id = r.task_id and d.kind = 'TARGET' and d.status = 'LOCKED'
            join draw_target dt on dt.draw_id = d.id and dt.target_id = r.target_id
           where r.task_id = ${original.id}::uuid
             and ${HAS_UNINSPECTED_RESULT}
           order by 1)
         where id = ${created.id}::uuid`;
    }
    audit.record({
      operation: 'reissueTask',
      entity: 'Task',
      entityId: created.id,
      after: { ...(await snapshot(tx, created.id)), stalled: reasons },
    });
    await inviteParticipantsTx(tx, audit, ctx, created.id);
    await transitionTask(tx, original.id, 'REISSUED', audit, { reason, data: { reissuedAt: new Date() } });
    audit.record({
      operation: 'reissueTask',
      entity: 'Task',
      entityId: original.id,
      before: { status },
      after: { status: 'REISSUED', reissuedAs: created.id, code, reason, stalled: reasons, restrictToUninspected: restrict },
    });
    return created;
  });
}

/** Which stall conditions hold, and how many targets of the locked target draw could not be inspected. */
async function stallOf(tx: Tx, taskId: string, today: string): Promise<{ reasons: StallReason[]; uninspected: number }> {
  const c = stalledConditionsSql(today);
  const [row] = await tx.$queryRaw<{ a: boolean; w: boolean; n: boolean; uninspected: number }[]>`
    select ${c.acceptanceOverdue} as a, ${c.windowPassed} as w, ${c.targetsNotInspected} as n,
           (select count(distinct r.target_id)::int
              from inspection_record r
              join draw d on d.task_id = r.task_id and d.kind = 'TARGET' and d.status = 'LOCKED'
              join draw_target dt on dt.draw_id = d.id and dt.target_id = r.target_id
             where r.task_id = t.id and ${HAS_UNINSPECTED_RESULT}) as uninspected
      from task t where t.id = ${taskId}::uuid`;
  const reasons: StallReason[] = [];
  if (row?.a) reasons.push('ACCEPTANCE_OVERDUE');
  if (row?.w) reasons.push('WINDOW_PASSED');
  if (row?.n) reasons.push('TARGETS_NOT_INSPECTED');
  return { reasons, uninspected: row?.uninspected ?? 0 };
}

/** `<root code>-R<n>`: the next free n for the root task (the original's code without a trailing -R<n>). */
async function nextReissueCode(tx: Tx, originalCode: string): Promise<string> {
  const prefix = `${originalCode.replace(/-R\d+$/, '')}-R`;
  await tx.$executeRaw`select pg_advisory_xact_lock(${CODE_LOCK_NAMESPACE}::int, hashtext(${prefix}))`;
  const existing = await tx.task.findMany({ where: { code: { startsWith: prefix } }, select: { code: true } });
  const max = existing.reduce((m, t) => {
    const n = /^(\d+)$/.exec(t.code.slice(prefix.length));
    return n ? Math.max(m, Number(n[1])) : m;
  }, 0);
  return `${prefix}${max + 1}`;
}
