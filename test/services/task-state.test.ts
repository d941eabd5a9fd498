// The task state machine (task.state.ts): the table itself, every allowed transition applied to a real row (with
// its audit event), and illegal ones refused with a typed error naming both states and leaving the row unchanged.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../server/src/db/database.ts';
import type { TaskStatus } from '../../server/src/generated/prisma/enums.ts';
import { ANONYMOUS } from '../../server/src/modules/access/actor.ts';
import { TASK_TRANSITIONS, assertTransition, canTransition, transitionTask } from '../../server/src/modules/task/task.state.ts';
import { AppError } from '../../server/src/shared/errors.ts';
import { mutate } from '../../server/src/shared/mutation.ts';
import { useTestDatabase } from '../helpers/db.ts';

useTestDatabase();

const ALL: TaskStatus[] = ['DRAFT', 'INVITING', 'READY', 'DRAWN', 'DISPATCHED', 'INSPECTING', 'RESULTS_ENTERED', 'PUBLISHED', 'CLOSED', 'CANCELLED', 'REISSUED'];
const EXITS = ['CANCELLED', 'REISSUED'];
const EXPECTED: Record<TaskStatus, TaskStatus[]> = {
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

const ctx = { actor: { ...ANONYMOUS, kind: 'user' as const, role: 'OFFICE_ADMIN' as const }, requestId: 'task-state-test' };
let taskId: string;

beforeAll(async () => {
  const dep = await prisma().department.create({ data: { code: 'SCJGJ', name: '市场监管局', shortName: '市场监管' } });
  const d = new Date('2024-04-01T00:00:00Z');
  const task = await prisma().task.create({
    data: { code: 'STATE-1', name: '状态机测试', year: 2024, mode: 'COMPREHENSIVE', leadDepartmentId: dep.id, windowStart: d, windowEnd: d, inspectionEndOn: d, ratioABp: 0, ratioBBp: 0, ratioCBp: 0, ratioDBp: 0 },
  });
  taskId = task.id;
});

const setStatus = (status: TaskStatus) => prisma().task.update({ where: { id: taskId }, data: { status } });
const status = async () => (await prisma().task.findUniqueOrThrow({ where: { id: taskId } })).status;

describe('the table', () => {
  it('is the documented lifecycle; every non-terminal state may be cancelled or re-issued; terminal states have no exits', () => {
    for (const s of ALL) {
      const expected = ['CLOSED', 'CANCELLED', 'REISSUED'].includes(s) ? [] : [...EXPECTED[s], ...EXITS];
      expect([...TASK_TRANSITIONS[s]].sort(), s).toEqual(expected.sort());
    }
  });

  it('canTransition and assertTransition agree with the table for every pair', () => {
    for (const from of ALL)
      for (const to of ALL) {
        const allowed = TASK_TRANSITIONS[from].includes(to);
        expect(canTransition(from, to)).toBe(allowed);
        if (allowed) expect(() => assertTransition(from, to)).not.toThrow();
        else {
          try {
            assertTransition(from, to);
            expect.unreachable(`${from} -> ${to} should be refused`);
          } catch (e) {
            expect(e).toBeInstanceOf(AppError);
            expect((e as AppError).extensions).toMatchObject({ code: 'INVALID_TRANSITION', current: from, requested: to });
          }
        }
      }
  });
});

describe('transitionTask on a real row', () => {
  const allowed = ALL.flatMap((from) => TASK_TRANSITIONS[from].map((to) => [from, to] as const));

  it(`applies each of the ${allowed.length} allowed transitions and audits it`, async () => {
    for (const [from, to] of allowed) {
      await setStatus(from);
      await mutate(ctx, (tx, audit) => transitionTask(tx, taskId, to, audit, { reason: `${from} to ${to}` }));
      expect(await status(), `${from} -> ${to}`).toBe(to);
      const ev = await prisma().auditEvent.findFirstOrThrow({ where: { entityId: taskId }, orderBy: { id: 'desc' } });
      expect(ev).toMatchObject({ operation: `task:${from}->${to}`, entity: 'Task', before: { status: from }, after: { status: to, reason: `${from} to ${to}` } });
    }
  });

  it('refuses illegal transitions with a typed error and leaves the row and the audit trail unchanged', async () => {
    const illegal: [TaskStatus, TaskStatus][] = [
      ['DRAFT', 'READY'],
      ['DRAFT', 'DRAWN'],
      ['INVITING', 'DRAWN'],
      ['READY', 'DISPATCHED'],
      ['DRAWN', 'READY'],
      ['DISPATCHED', 'PUBLISHED'],
      ['PUBLISHED', 'INSPECTING'],
      ['CLOSED', 'CANCELLED'],
      ['CANCELLED', 'DRAFT'],
      ['CANCELLED', 'CANCELLED'],
      ['REISSUED', 'READY'],
    ];
    for (const [from, to] of illegal) {
      await setStatus(from);
      const events = await prisma().auditEvent.count();
      const e = await mutate(ctx, (tx, audit) => transitionTask(tx, taskId, to, audit)).catch((x: unknown) => x);
      expect(e, `${from} -> ${to}`).toBeInstanceOf(AppError);
      expect((e as AppError).extensions).toMatchObject({ code: 'INVALID_TRANSITION', current: from, requested: to });
      expect(await status()).toBe(from);
      expect(await prisma().auditEvent.count()).toBe(events);
    }
  });

  it('an unknown task is NOT_FOUND', async () => {
    const e = await mutate(ctx, (tx, audit) => transitionTask(tx, '00000000-0000-4000-8000-000000000000', 'READY', audit)).catch((x: unknown) => x);
    expect((e as AppError).extensions).toMatchObject({ code: 'NOT_FOUND' });
  });
});
