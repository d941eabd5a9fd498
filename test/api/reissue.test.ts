// Re-issue of stalled tasks (重新派发, issue 6): each stall condition allows it, a healthy task is refused with the
// reason, only the office may do it; the new task copies the original and is invited at once; lineage both ways;
// restrictToUninspected restricts the new task's draw to the targets that could not be inspected (code 4 or 7);
// the original is REISSUED and nothing changes it afterwards.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../server/src/db/database.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { gql, gqlOk } from '../helpers/graphql.ts';
import { drawActors, makeDepartment, makeTargets, makeTask, type DrawDepartment } from '../fixtures/draws.ts';
import { addTaskItems, fromToday, fullTargetDraw, insertRecord, isoDay, makeItem } from '../fixtures/workflow.ts';

useTestDatabase();

type Err = { errors?: { extensions?: Record<string, any> }[] };
const ext = (r: Err) => r.errors?.[0]?.extensions ?? {};

const REISSUE = `mutation($input: ReissueTaskInput!) { reissueTask(input: $input) {
  id code name status mode year windowStart windowEnd reissueReason scopeTargetIds
  ratios { A B C D } reissuedFrom { id code status }
  leadDepartment { id }
  participants { role acceptance invitedAt department { id } items { checkItem { id } } }
  restrictedTargets { id uscc }
} }`;
const TASK = `query($id: ID!) { task(id: $id) { id code status reissuedAt reissues { id code } reissuedFrom { id } allowedTransitions } }`;

describe('reissueTask', () => {
  let lead: DrawDepartment, other: DrawDepartment, third: DrawDepartment;
  let a: Awaited<ReturnType<typeof drawActors>>;
  let thirdAdmin: Record<string, string>;
  const future = { windowStart: isoDay(fromToday(20)), windowEnd: isoDay(fromToday(60)) };

  beforeAll(async () => {
    lead = await makeDepartment(2);
    other = await makeDepartment(2);
    third = await makeDepartment(2);
    a = await drawActors(lead, [other]);
    thirdAdmin = (await drawActors(third)).lead.headers;
    await makeTargets(lead.poolId, 8, { riskClass: 'B' });
  });

  /** A task in the future window, with an item per department. */
  async function task(status: 'READY' | 'INVITING' | 'DISPATCHED' | 'INSPECTING', window?: [string, string]) {
    const t = await makeTask({ lead, participants: [other], status, ratios: { A: 10_000, B: 10_000, C: 10_000, D: 10_000 }, window: window ?? [isoDay(fromToday(10)), isoDay(fromToday(40))] });
    const items = await addTaskItems(t.id, [lead, other]);
    return { ...t, items };
  }

  describe('(c) targets that could not be inspected, restricted re-draw', () => {
    let original: Awaited<ReturnType<typeof task>>;
    let uninspected: string[];
    let reissued: any;

    beforeAll(async () => {
      original = await task('READY');
      const draw = await fullTargetDraw(original.id, a.office.headers);
      expect(draw.selected).toHaveLength(8);
      await prisma().task.update({ where: { id: original.id }, data: { status: 'INSPECTING' } });
      // 2 unreachable (4) by the lead, 1 without business activity in scope (7) by the other, 5 inspected
      const codes = [4, 1, 7, 1, 4, 1, 1, 1];
      for (const [i, t] of draw.selected.entries()) {
        await insertRecord(original.id, t.targetId, draw.locked.id, [
          { departmentId: lead.id, checkItemId: original.items[lead.id]!, code: codes[i] === 7 ? 1 : codes[i]! },
          { departmentId: other.id, checkItemId: original.items[other.id]!, code: codes[i] === 4 ? 1 : codes[i]! },
        ]);
      }
      uninspected = draw.selected.filter((_, i) => codes[i] !== 1).map((t) => t.targetId).sort();
    });

    it('a department admin (even the lead) and an analyst are refused; the reason is required', async () => {
      const input = { taskId: original.id, reason: '部分对象无法联系', ...future, restrictToUninspected: true };
      for (const h of [a.lead.headers, a.participants[0]!.headers, a.inspector.headers, a.analyst.headers])
        expect(ext(await gql(REISSUE, { input }, h)).code).toBe('FORBIDDEN');
      expect(ext(await gql(REISSUE, { input: { ...input, reason: '  ' } }, a.office.headers))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason', reason: 'REQUIRED' });
      expect(ext(await gql(REISSUE, { input: { ...input, windowStart: isoDay(fromToday(-1)) } }, a.office.headers))).toMatchObject({ field: 'input.windowStart', reason: 'IN_THE_PAST' });
      expect((await prisma().task.findUniqueOrThrow({ where: { id: original.id } })).status).toBe('INSPECTING');
    });

    it('re-issues: new task <code>-R1 copied from the original, restricted to the code 4/7 targets, invited at once', async () => {
      reissued = (await gqlOk<{ reissueTask: any }>(REISSUE, { input: { taskId: original.id, reason: '部分对象无法联系', ...future, restrictToUninspected: true } }, a.office.headers)).reissueTask;
      expect(reissued).toMatchObject({
        code: `${original.code}-R1`,
        name: original.name,
        mode: original.mode,
        status: 'INVITING',
        windowStart: future.windowStart,
        windowEnd: future.windowEnd,
        reissueReason: '部分对象无法联系',
        ratios: { A: 10_000, B: 10_000, C: 10_000, D: 10_000 },
        reissuedFrom: { id: original.id, code: original.code, status: 'REISSUED' },
        leadDepartment: { id: lead.id },
      });
      expect([...reissued.scopeTargetIds].sort()).toEqual(uninspected);
      expect(reissued.restrictedTargets.map((t: { id: string }) => t.id).sort()).toEqual(uninspected);
      const byDept = Object.fromEntries(reissued.participants.map((p: any) => [p.department.id, p]));
      expect(byDept[lead.id]).toMatchObject({ role: 'LEAD', acceptance: 'ACCEPTED', items: [{ checkItem: { id: original.items[lead.id] } }] });
      expect(byDept[other.id]).toMatchObject({ role: 'PARTICIPANT', acceptance: 'PENDING', items: [{ checkItem: { id: original.items[other.id] } }] });
      expect(byDept[other.id].invitedAt).not.toBeNull();
      // audited: the new task, the invitation, the original's transition and its re-issue event
      const ops = (await prisma().auditEvent.findMany({ where: { entityId: { in: [original.id, reissued.id] } }, select: { operation: true, entityId: true } })).map((e) => `${e.entityId === original.id ? 'orig' : 'new'}:${e.operation}`);
      expect(ops).toEqual(expect.arrayContaining(['new:reissueTask', 'new:inviteParticipants', 'new:task:DRAFT->INVITING', 'orig:task:INSPECTING->REISSUED', 'orig:reissueTask']));
      const ev = await prisma().auditEvent.findFirstOrThrow({ where: { entityId: original.id, operation: 'reissueTask' } });
      expect(JSON.stringify(ev.after)).toContain('TARGETS_NOT_INSPECTED');
    });

    it('lineage both ways; the original is REISSUED with reissuedAt and has no way forward', async () => {
      const o = (await gqlOk<{ task: any }>(TASK, { id: original.id }, a.participants[0]!.headers)).task;
      expect(o).toMatchObject({ status: 'REISSUED', reissues: [{ id: reissued.id, code: reissued.code }], reissuedFrom: null, allowedTransitions: [] });
      expect(o.reissuedAt).not.toBeNull();
      const n = (await gqlOk<{ task: any }>(TASK, { id: reissued.id }, a.office.headers)).task;
      expect(n).toMatchObject({ reissuedFrom: { id: original.id }, reissues: [], reissuedAt: null });
    });

    it('the original is immutable afterwards: no edit, cancel, draw or second re-issue', async () => {
      const before = await prisma().task.findUniqueOrThrow({ where: { id: original.id } });
      expect(ext(await gql(`mutation($id: ID!) { updateTask(id: $id, input: { name: "改名" }) { id } }`, { id: original.id }, a.office.headers)).code).toBe('INVALID_TRANSITION');
      expect(ext(await gql(`mutation($id: ID!) { cancelTask(taskId: $id, reason: "取消") { id } }`, { id: original.id }, a.office.headers)).code).toBe('INVALID_TRANSITION');
      expect(ext(await gql(`mutation($id: ID!) { commitTargetDraw(taskId: $id, publicInputSource: "x") { draw { id } } }`, { id: original.id }, a.office.headers)).code).toBe('INVALID_TRANSITION');
      const again = await gql(REISSUE, { input: { taskId: original.id, reason: '再次', ...future } }, a.office.headers);
      expect(ext(again)).toMatchObject({ code: 'INVALID_TRANSITION', field: 'input.taskId', reason: 'TASK_TERMINAL' });
      expect(ext(again).messageZh).toContain('不能重新派发');
      expect(await prisma().task.findUniqueOrThrow({ where: { id: original.id } })).toEqual(before);
    });

    it("the re-issued task's draw draws only from the targets that could not be inspected", async () => {
      await gqlOk(`mutation($id: ID!) { acceptTask(taskId: $id) { status } }`, { id: reissued.id }, a.participants[0]!.headers);
      // more targets in the pool since: a restricted draw ignores them
      await makeTargets(lead.poolId, 4, { riskClass: 'B' });
      const draw = await fullTargetDraw(reissued.id, a.office.headers);
      expect(draw.committed.candidateCount).toBe(uninspected.length);
      expect(draw.selected.map((t) => t.targetId).sort()).toEqual(uninspected);
      expect(draw.locked.task.status).toBe('DRAWN');
      // an unrestricted task over the same pool still sees every target
      const free = await task('READY');
      const c = await gqlOk<{ commitTargetDraw: { draw: { candidateCount: number } } }>(
        `mutation($id: ID!) { commitTargetDraw(taskId: $id, publicInputSource: "x") { draw { candidateCount } } }`,
        { id: free.id },
        a.office.headers,
      );
      // (12 targets, minus the 3 now in two locked draws this year)
      expect(c.commitTargetDraw.draw.candidateCount).toBe(9);
    });
  });

  it('(a) a participant never accepted and the acceptance due date passed: re-issued to other departments', async () => {
    const t = await task('INVITING');
    await prisma().task.update({ where: { id: t.id }, data: { acceptanceDueOn: fromToday(-3) } });
    await prisma().taskParticipant.update({ where: { taskId_departmentId: { taskId: t.id, departmentId: other.id } }, data: { acceptance: 'PENDING', invitedAt: new Date() } });
    const thirdItem = await makeItem(third);
    const input = { taskId: t.id, reason: '参与部门逾期未签收', ...future, participantDepartmentIds: [third.id] };
    expect(ext(await gql(REISSUE, { input: { ...input, participantDepartmentIds: [third.id, third.id] } }, a.office.headers))).toMatchObject({ field: 'input.participantDepartmentIds[1]', reason: 'DUPLICATE_PARTICIPANT' });
    expect(ext(await gql(REISSUE, { input: { ...input, leadDepartmentId: '00000000-0000-4000-8000-000000000000' } }, a.office.headers))).toMatchObject({ field: 'input.leadDepartmentId', reason: 'DEPARTMENT_NOT_FOUND' });
    // a department new to the task (and without a plan) must be given items
    expect(ext(await gql(REISSUE, { input }, a.office.headers))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.participantDepartmentIds[0]', reason: 'NO_ITEMS_FOR_DEPARTMENT' });
    const r = (await gqlOk<{ reissueTask: any }>(REISSUE, { input: { ...input, departmentItems: [{ departmentId: third.id, items: [{ checkItemId: thirdItem.id }] }] } }, a.office.headers)).reissueTask;
    expect(r.code).toBe(`${t.code}-R1`);
    expect(r.scopeTargetIds).toEqual([]);
    expect(r.participants.map((p: any) => [p.department.id, p.role, p.acceptance, p.items.map((i: any) => i.checkItem.id)])).toEqual([
      [lead.id, 'LEAD', 'ACCEPTED', [t.items[lead.id]]],
      [third.id, 'PARTICIPANT', 'PENDING', [thirdItem.id]],
    ]);
    // the third department can accept it; the dropped one is not part of it
    await gqlOk(`mutation($id: ID!) { acceptTask(taskId: $id) { status } }`, { id: r.id }, thirdAdmin);
    expect(ext(await gql(`mutation($id: ID!) { acceptTask(taskId: $id) { status } }`, { id: r.id }, a.participants[0]!.headers)).code).toBe('FORBIDDEN');
    const ev = await prisma().auditEvent.findFirstOrThrow({ where: { entityId: t.id, operation: 'reissueTask' } });
    expect(JSON.stringify(ev.after)).toContain('ACCEPTANCE_OVERDUE');
  });

  it('(b) the window passed without completion: re-issued with a new lead; a re-issue of a re-issue continues the numbering', async () => {
    const t = await task('DISPATCHED', ['2026-04-01', '2026-06-30']);
    // nothing could be restricted: no result of code 4 or 7
    expect(ext(await gql(REISSUE, { input: { taskId: t.id, reason: '逾期未完成', ...future, restrictToUninspected: true } }, a.office.headers))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.restrictToUninspected',
      reason: 'NO_UNINSPECTED_TARGETS',
    });
    const r1 = (await gqlOk<{ reissueTask: any }>(REISSUE, { input: { taskId: t.id, reason: '逾期未完成', ...future, leadDepartmentId: other.id } }, a.office.headers)).reissueTask;
    expect(r1).toMatchObject({ code: `${t.code}-R1`, status: 'INVITING', leadDepartment: { id: other.id }, reissuedFrom: { id: t.id } });
    expect(r1.participants.map((p: any) => [p.department.id, p.role, p.acceptance])).toEqual([
      [other.id, 'LEAD', 'ACCEPTED'],
      [lead.id, 'PARTICIPANT', 'PENDING'],
    ]);
    const ev = await prisma().auditEvent.findFirstOrThrow({ where: { entityId: t.id, operation: 'reissueTask' } });
    expect(JSON.stringify(ev.after)).toContain('WINDOW_PASSED');
    // R1 stalls on acceptance; its re-issue is R2 of the same root
    await prisma().task.update({ where: { id: r1.id }, data: { acceptanceDueOn: fromToday(-1) } });
    const r2 = (await gqlOk<{ reissueTask: any }>(REISSUE, { input: { taskId: r1.id, reason: '仍未签收', ...future } }, a.office.headers)).reissueTask;
    expect(r2).toMatchObject({ code: `${t.code}-R2`, reissuedFrom: { id: r1.id, status: 'REISSUED' }, leadDepartment: { id: other.id } });
  });

  it('a healthy task is refused with the reason, in Chinese and English', async () => {
    for (const status of ['READY', 'INSPECTING'] as const) {
      const t = await task(status);
      const r = await gql(REISSUE, { input: { taskId: t.id, reason: '试试', ...future } }, a.office.headers);
      expect(ext(r)).toMatchObject({ code: 'INVALID_TRANSITION', field: 'input.taskId', reason: 'TASK_NOT_STALLED' });
      expect(ext(r).messageZh).toContain('任务未停滞');
      expect(ext(r).messageEn).toContain('not stalled');
      expect((await prisma().task.findUniqueOrThrow({ where: { id: t.id } })).status).toBe(status);
    }
    // an invitation not yet overdue is healthy too
    const inviting = await task('INVITING');
    await prisma().task.update({ where: { id: inviting.id }, data: { acceptanceDueOn: fromToday(2) } });
    await prisma().taskParticipant.update({ where: { taskId_departmentId: { taskId: inviting.id, departmentId: other.id } }, data: { acceptance: 'PENDING' } });
    expect(ext(await gql(REISSUE, { input: { taskId: inviting.id, reason: '试试', ...future } }, a.office.headers)).reason).toBe('TASK_NOT_STALLED');
    expect(ext(await gql(REISSUE, { input: { taskId: 'nope', reason: '试试', ...future } }, a.office.headers))).toMatchObject({ field: 'input.taskId', reason: 'INVALID_ID' });
  });
});

describe('a correction decides whether a target was inspected (the latest approved correction replaces the code)', () => {
  it('7 corrected to 1: inspected after all (not stalled, not re-drawn); 1 corrected to 4: could not be inspected', async () => {
    const lead = await makeDepartment(2);
    const other = await makeDepartment(2);
    const office = (await drawActors(lead)).office.headers;
    await makeTargets(lead.poolId, 3, { riskClass: 'B' });
    const t = await makeTask({ lead, participants: [other], status: 'READY', ratios: { A: 10_000, B: 10_000, C: 10_000, D: 10_000 }, window: [isoDay(fromToday(10)), isoDay(fromToday(40))] });
    const items = await addTaskItems(t.id, [lead, other]);
    const draw = await fullTargetDraw(t.id, office);
    await prisma().task.update({ where: { id: t.id }, data: { status: 'INSPECTING' } });
    const [x, y, z] = draw.selected;
    /** A record whose lead result (code) is published; the other department's result is 1. */
    const published = async (targetId: string, code: number) => {
      const record = await insertRecord(t.id, targetId, draw.locked.id, [{ departmentId: other.id, checkItemId: items[other.id]!, code: 1 }]);
      const publication = await prisma().publication.create({ data: { recordId: record.id, departmentId: lead.id, dueOn: fromToday(60), onTime: true } });
      const result = await prisma().itemResult.create({ data: { recordId: record.id, departmentId: lead.id, checkItemId: items[lead.id]!, code, publicationId: publication.id } });
      return { publication, result };
    };
    const approve = (p: Awaited<ReturnType<typeof published>>, newCode: number) =>
      prisma().correction.create({
        data: { itemResultId: p.result.id, publicationId: p.publication.id, reason: '更正', oldCode: p.result.code, newCode, dueOn: fromToday(5), status: 'APPROVED', decidedAt: new Date() },
      });
    const px = await published(x!.targetId, 7);
    const py = await published(y!.targetId, 1);
    await published(z!.targetId, 1);
    // x: "no business activity in scope" was an entry error, corrected to 1 with the head's approval
    await approve(px, 1);
    const input = { taskId: t.id, reason: '对象无法检查', windowStart: isoDay(fromToday(20)), windowEnd: isoDay(fromToday(60)), restrictToUninspected: true };
    expect(ext(await gql(REISSUE, { input }, office))).toMatchObject({ code: 'INVALID_TRANSITION', reason: 'TASK_NOT_STALLED' });
    const queue = await gqlOk<{ myWork: { items: { entityId: string }[] } }>(`{ myWork(kinds: [TASK_TO_REISSUE]) { items { entityId } } }`, {}, office);
    expect(queue.myWork.items.map((i) => i.entityId)).not.toContain(t.id);
    // y: a clean result corrected to 4 (unreachable at the registered address): it could not be inspected
    await approve(py, 4);
    const r = (await gqlOk<{ reissueTask: any }>(REISSUE, { input }, office)).reissueTask;
    expect(r.scopeTargetIds).toEqual([y!.targetId]);
  });
});
