// The task state machine (抽查任务状态), defined once and used by every mutation that moves a task.
//
//   DRAFT → INVITING → READY → DRAWN → DISPATCHED → INSPECTING → RESULTS_ENTERED → PUBLISHED → CLOSED
//   any state before CLOSED → CANCELLED (with a reason) or REISSUED (office re-issue, issue 6)
//
// READY: every invited participant accepted (a decline sends the task back to the lead: INVITING → DRAFT).
// DRAWN: the target draw is locked and its list dispatched to every participant.
// DISPATCHED: the inspector draw is locked; teams are known.
import type { TaskStatus } from '../../generated/prisma/enums.ts';
import { AppError } from '../../shared/errors.ts';
import type { Audit, Tx } from '../../shared/mutation.ts';

const FORWARD: Record<TaskStatus, TaskStatus[]> = {
  DRAFT: ['INVITING'],
  INVITING: ['READY', 'DRAFT'],
  READY: ['DRAWN', 'INVITING'],
  DRAWN: ['DISPATCHED'],
  DISPATCHED: ['INSPECTING'],
  INSPECTING: ['RESULTS_ENTERED'],
  RESULTS_ENTERED: ['PUBLISHED', 'INSPECTING'],
  PUBLISHED: ['CLOSED'],
  CLOSED: [],
  CANCELLED: [],
  REISSUED: [],
};

const TERMINAL: TaskStatus[] = ['CLOSED', 'CANCELLED', 'REISSUED'];

export const TASK_TRANSITIONS: Record<TaskStatus, readonly TaskStatus[]> = Object.fromEntries(
  (Object.keys(FORWARD) as TaskStatus[]).map((s) => [s, TERMINAL.includes(s) ? [] : [...FORWARD[s], 'CANCELLED', 'REISSUED']]),
) as unknown as Record<TaskStatus, readonly TaskStatus[]>;

export const TASK_STATUS_ZH: Record<TaskStatus, string> = {
  DRAFT: '草稿',
  INVITING: '邀约中',
  READY: '待摇号',
  DRAWN: '已摇号',
  DISPATCHED: '已派发',
  INSPECTING: '检查中',
  RESULTS_ENTERED: '结果已录入',
  PUBLISHED: '已公示',
  CLOSED: '已办结',
  CANCELLED: '已取消',
  REISSUED: '已重新派发',
};

export function canTransition(from: TaskStatus, to: TaskStatus): boolean {
  return TASK_TRANSITIONS[from].includes(to);
}

export function assertTransition(from: TaskStatus, to: TaskStatus): void {
  if (!canTransition(from, to))
    throw new AppError(
      'INVALID_TRANSITION',
      { zh: `任务状态为“${TASK_STATUS_ZH[from]}”，不能变为“${TASK_STATUS_ZH[to]}”`, en: `a task in state ${from} cannot move to ${to}` },
      { current: from, requested: to },
    );
}

/**
 * Moves a task inside the caller's transaction: locks the row (so concurrent moves are serialised by the
 * database), checks the transition, writes it and records the audit event.
 */
export async function transitionTask(tx: Tx, taskId: string, to: TaskStatus, audit: Audit, extra: { reason?: string; data?: Record<string, unknown> } = {}) {
  const rows = await tx.$queryRaw<{ status: TaskStatus }[]>`select status from task where id = ${taskId}::uuid for update`;
  if (!rows[0]) throw new AppError('NOT_FOUND', { zh: '未找到抽查任务', en: 'no such task' }, { entity: 'Task', id: taskId });
  const from = rows[0].status;
  assertTransition(from, to);
  const task = await tx.task.update({ where: { id: taskId }, data: { status: to, ...(extra.data ?? {}) } });
  audit.record({ operation: `task:${from}->${to}`, entity: 'Task', entityId: taskId, before: { status: from }, after: { status: to, reason: extra.reason ?? null, ...(extra.data ?? {}) } });
  return task;
}

/** Locks a task row for the rest of the transaction and returns its status. */
export async function lockTask(tx: Tx, taskId: string): Promise<TaskStatus> {
  const rows = await tx.$queryRaw<{ status: TaskStatus }[]>`select status from task where id = ${taskId}::uuid for update`;
  if (!rows[0]) throw new AppError('NOT_FOUND', { zh: '未找到抽查任务', en: 'no such task' }, { entity: 'Task', id: taskId });
  return rows[0].status;
}
