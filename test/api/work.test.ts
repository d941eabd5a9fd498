// The work queue `myWork` (issue 6): items appear for the users who act on them and not for others, sorted by due
// date (nulls last), with the overdue flag and working days left; the office sees every department and the stalled
// tasks; one request costs at most 2 SQL statements. Records, publications, corrections and follow-ups are
// inserted directly (their mutations are written in modules/record and modules/credit).
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../server/src/db/database.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { apiKeyActor, userActor } from '../helpers/auth.ts';
import { gql } from '../helpers/graphql.ts';
import { loadOfficialCalendar } from '../fixtures/tasks.ts';
import { fakeLockedDraw, makeDepartment, makeTargets, makeTask, type DrawDepartment } from '../fixtures/draws.ts';
import { addTaskItems, fromToday, insertPublishedResultWithCorrection, insertRecord, isoDay, workingDaysLeft } from '../fixtures/workflow.ts';
import { addWorkingDays, loadCalendar } from '../../server/src/shared/working-days.ts';
import { todayInChina } from '../../server/src/shared/working-days.ts';

useTestDatabase();

const MY_WORK = `query($kinds: [WorkKind!], $limit: Int, $offset: Int) { myWork(kinds: $kinds, limit: $limit, offset: $offset) {
  today totalCount overdueCount
  items { kind title entityType entityId taskId taskCode departmentId departmentName count dueOn overdue daysLeft }
} }`;

interface Item {
  kind: string;
  title: string;
  entityType: string;
  entityId: string;
  taskId: string | null;
  departmentId: string | null;
  count: number;
  dueOn: string | null;
  overdue: boolean;
  daysLeft: number | null;
}

async function work(headers: Record<string, string>, vars: Record<string, unknown> = {}) {
  const r = await gql<{ myWork: { today: string; totalCount: number; overdueCount: number; items: Item[] } }>(MY_WORK, vars, headers);
  if (r.errors?.length) throw new Error(JSON.stringify(r.errors));
  return { ...r.data!.myWork, statements: r.statements };
}
const keys = (items: Item[]) => items.map((i) => `${i.kind}:${i.entityId}:${i.departmentId}`).sort();

describe('myWork', () => {
  let A: DrawDepartment, B: DrawDepartment, C: DrawDepartment;
  const u: Record<string, Record<string, string>> = {};
  const ids: Record<string, string> = {};
  let publicationDue: Date;

  beforeAll(async () => {
    await loadOfficialCalendar();
    A = await makeDepartment(2);
    B = await makeDepartment(2);
    C = await makeDepartment(1);
    u.office = (await userActor('OFFICE_ADMIN')).headers;
    u.adminA = (await userActor('DEPARTMENT_ADMIN', A.id)).headers;
    u.adminB = (await userActor('DEPARTMENT_ADMIN', B.id)).headers;
    u.headB = (await userActor('DEPARTMENT_ADMIN', B.id, { isDepartmentHead: true })).headers;
    u.adminC = (await userActor('DEPARTMENT_ADMIN', C.id)).headers;
    u.inspectorA = (await userActor('INSPECTOR', A.id, { inspectorId: A.inspectors[0]!.id })).headers;
    u.inspectorB = (await userActor('INSPECTOR', B.id)).headers;
    u.analyst = (await userActor('ANALYST')).headers;
    const targets = await makeTargets(A.poolId, 4);
    const future: [string, string] = [isoDay(fromToday(5)), isoDay(fromToday(40))];

    // an invitation B has not answered, due in 3 days
    const inviting = await makeTask({ lead: A, participants: [B], status: 'INVITING', window: future });
    await prisma().task.update({ where: { id: inviting.id }, data: { acceptanceDueOn: fromToday(3) } });
    await prisma().taskParticipant.update({ where: { taskId_departmentId: { taskId: inviting.id, departmentId: B.id } }, data: { acceptance: 'PENDING' } });
    ids.inviting = inviting.id;

    // A's target draw is 2 days overdue
    const ready = await makeTask({ lead: A, participants: [B], status: 'READY', window: future });
    await prisma().task.update({ where: { id: ready.id }, data: { drawDueOn: fromToday(-2) } });
    ids.ready = ready.id;

    // A committed an inspector draw that awaits its reveal (task DRAWN; no "inspector draw to run" while it is in progress)
    const drawn = await makeTask({ lead: A, participants: [B], status: 'DRAWN', window: future });
    await prisma().task.update({ where: { id: drawn.id }, data: { drawDueOn: fromToday(1) } });
    const committed = await prisma().draw.create({
      data: { taskId: drawn.id, kind: 'INSPECTOR', status: 'COMMITTED', stratified: false, params: '{}', candidateCount: 0, candidateHash: '0'.repeat(64), commitment: '0'.repeat(64), serverSeed: '0'.repeat(64), publicInputSource: 'x' },
    });
    ids.committedDraw = committed.id;
    // and another DRAWN task with nothing in progress: the inspector draw is to run
    const drawn2 = await makeTask({ lead: A, participants: [B], status: 'DRAWN', window: future });
    ids.drawn2 = drawn2.id;

    // inspection under way: 3 drawn targets; B completed its results for the first (unpublished), A entered nothing
    const inspecting = await makeTask({ lead: A, participants: [B], status: 'INSPECTING', window: future });
    const items = await addTaskItems(inspecting.id, [A, B]);
    const draw = await fakeLockedDraw(inspecting.id, targets.slice(0, 3), 2026);
    publicationDue = addWorkingDays(todayInChina(), 3, await loadCalendar(2026, 2027));
    await prisma().task.update({ where: { id: inspecting.id }, data: { inspectionEndOn: fromToday(10), publicationDueOn: publicationDue } });
    await insertRecord(inspecting.id, targets[0]!.id, draw.id, [{ departmentId: B.id, checkItemId: items[B.id]!, code: 1 }]);
    // only targets[1] is assigned to inspector A's first inspector
    await prisma().inspectorAssignment.create({
      data: { drawId: draw.id, taskId: inspecting.id, targetId: targets[1]!.id, inspectorId: A.inspectors[0]!.id, departmentId: A.id, role: 'LEADER', ticket: '0'.repeat(64) },
    });
    ids.inspecting = inspecting.id;

    // a publication due in 30 days is not yet in anyone's queue
    const later = await makeTask({ lead: C, status: 'INSPECTING', window: future });
    const laterItems = await addTaskItems(later.id, [C]);
    await prisma().task.update({ where: { id: later.id }, data: { publicationDueOn: fromToday(30) } });
    await insertRecord(later.id, targets[3]!.id, null, [{ departmentId: C.id, checkItemId: laterItems[C.id]!, code: 1 }]);

    // a correction of B's published result awaits B's head, due in 2 days
    const published = await makeTask({ lead: B, status: 'PUBLISHED', window: future });
    const pubItems = await addTaskItems(published.id, [B]);
    const corr = await insertPublishedResultWithCorrection(published.id, targets[2]!.id, B.id, pubItems[B.id]!, fromToday(2));
    ids.correction = corr.correction.id;

    // a follow-up A transferred to B, overdue by a day; and one of C's without a due date
    const f1 = await prisma().followUp.create({ data: { targetId: targets[0]!.id, taskId: inspecting.id, departmentId: A.id, toDepartmentId: B.id, kind: 'TRANSFER_DEPARTMENT', description: '移送', dueOn: fromToday(-1) } });
    const f2 = await prisma().followUp.create({ data: { targetId: targets[1]!.id, departmentId: C.id, kind: 'RECTIFICATION', description: '整改' } });
    await prisma().followUp.create({ data: { targetId: targets[1]!.id, departmentId: C.id, kind: 'CASE_FILING', description: '已结', status: 'CLOSED' } });
    ids.f1 = f1.id;
    ids.f2 = f2.id;

    // a stalled task: the window passed long ago, still dispatched
    const stalled = await makeTask({ lead: C, status: 'DISPATCHED', window: ['2026-04-01', '2026-06-30'] });
    ids.stalled = stalled.id;
    // terminal tasks give no work
    await makeTask({ lead: A, participants: [B], status: 'CANCELLED', window: ['2026-04-01', '2026-06-30'] });
  });

  it('department admin of the lead: accepts nothing, runs its draws, enters and follows up', async () => {
    const w = await work(u.adminA!);
    expect(keys(w.items)).toEqual(
      [
        `DRAW_TO_COMMIT:${ids.ready}:${A.id}`,
        `DRAW_TO_REVEAL:${ids.committedDraw}:${A.id}`,
        `INSPECTOR_DRAW_TO_RUN:${ids.drawn2}:${A.id}`,
        `RECORD_TO_COMPLETE:${ids.inspecting}:${A.id}`,
        `FOLLOW_UP_DUE:${ids.f1}:${A.id}`,
      ].sort(),
    );
    const rec = w.items.find((i) => i.kind === 'RECORD_TO_COMPLETE')!;
    expect(rec).toMatchObject({ count: 3, entityType: 'Task', taskId: ids.inspecting, overdue: false });
    expect(rec.title).toContain('录入检查结果');
    const draw = w.items.find((i) => i.kind === 'DRAW_TO_COMMIT')!;
    expect(draw).toMatchObject({ overdue: true, dueOn: isoDay(fromToday(-2)) });
    expect(draw.daysLeft).toBe(await workingDaysLeft(fromToday(-2)));
    expect(draw.daysLeft).toBeLessThan(0);
    expect(w.overdueCount).toBe(2); // the draw and the follow-up
  });

  it('participant department: its invitation, its records, its publication due soon, the transferred follow-up, the correction awaiting its head', async () => {
    const w = await work(u.adminB!);
    expect(keys(w.items)).toEqual(
      [
        `TASK_TO_ACCEPT:${ids.inviting}:${B.id}`,
        `RECORD_TO_COMPLETE:${ids.inspecting}:${B.id}`,
        `PUBLICATION_DUE:${ids.inspecting}:${B.id}`,
        `CORRECTION_DUE:${ids.correction}:${B.id}`,
        `FOLLOW_UP_DUE:${ids.f1}:${B.id}`,
      ].sort(),
    );
    const byKind = Object.fromEntries(w.items.map((i) => [i.kind, i]));
    expect(byKind.RECORD_TO_COMPLETE!.count).toBe(2); // B completed one of three
    expect(byKind.PUBLICATION_DUE).toMatchObject({ count: 1, dueOn: isoDay(publicationDue), daysLeft: 3, overdue: false });
    expect(byKind.TASK_TO_ACCEPT).toMatchObject({ dueOn: isoDay(fromToday(3)), daysLeft: await workingDaysLeft(fromToday(3)), entityType: 'Task' });
    expect(byKind.FOLLOW_UP_DUE).toMatchObject({ overdue: true, entityType: 'FollowUp' });
    expect(byKind.FOLLOW_UP_DUE!.title).toContain('移送主管部门');
    // the department head approves the correction instead
    const head = await work(u.headB!);
    expect(head.items.filter((i) => i.kind.startsWith('CORRECTION')).map((i) => [i.kind, i.entityId])).toEqual([['CORRECTION_TO_APPROVE', ids.correction]]);
    // an inspector of B neither accepts tasks nor runs draws
    const insp = await work(u.inspectorB!);
    expect(insp.items.map((i) => i.kind).sort()).toEqual(['CORRECTION_DUE', 'FOLLOW_UP_DUE', 'PUBLICATION_DUE', 'RECORD_TO_COMPLETE']);
  });

  it("an inspector linked to an inspector sees only the targets assigned to them; other departments see none of this", async () => {
    const insp = await work(u.inspectorA!);
    expect(insp.items.find((i) => i.kind === 'RECORD_TO_COMPLETE')).toMatchObject({ taskId: ids.inspecting, count: 1 });
    expect(insp.items.some((i) => i.kind.startsWith('DRAW') || i.kind === 'TASK_TO_ACCEPT')).toBe(false);
    const c = await work(u.adminC!);
    expect(keys(c.items)).toEqual([`FOLLOW_UP_DUE:${ids.f2}:${C.id}`]); // its publication is 30 days away; no re-issue for departments
    expect(c.items[0]).toMatchObject({ dueOn: null, daysLeft: null, overdue: false });
  });

  it('the office sees every department and the stalled tasks, sorted by due date with nulls last, in ≤ 2 SQL statements', async () => {
    const w = await work(u.office!, { limit: 100 });
    expect(w.statements).toBeGreaterThan(0);
    expect(w.statements).toBeLessThanOrEqual(2);
    const kinds = new Set(w.items.map((i) => i.kind));
    for (const k of ['TASK_TO_ACCEPT', 'DRAW_TO_COMMIT', 'DRAW_TO_REVEAL', 'INSPECTOR_DRAW_TO_RUN', 'RECORD_TO_COMPLETE', 'PUBLICATION_DUE', 'CORRECTION_DUE', 'FOLLOW_UP_DUE', 'TASK_TO_REISSUE'])
      expect(kinds, k).toContain(k);
    expect(kinds).not.toContain('CORRECTION_TO_APPROVE');
    const stalled = w.items.find((i) => i.kind === 'TASK_TO_REISSUE')!;
    expect(stalled).toMatchObject({ entityId: ids.stalled, departmentId: C.id, dueOn: '2026-06-30', overdue: true });
    // sorted: due dates ascending, then the undated ones
    const dues = w.items.map((i) => i.dueOn);
    const firstNull = dues.indexOf(null);
    expect(firstNull).toBeGreaterThan(0);
    expect(dues.slice(firstNull).every((d) => d === null)).toBe(true);
    const dated = dues.slice(0, firstNull) as string[];
    expect(dated).toEqual([...dated].sort());
    for (const i of w.items) expect(i.overdue).toBe(i.dueOn !== null && i.dueOn < w.today);
    expect(w.today).toBe(isoDay(todayInChina()));
    expect(w.totalCount).toBe(w.items.length);
    expect(w.overdueCount).toBe(w.items.filter((i) => i.overdue).length);
  });

  it('kind filter, limit and offset', async () => {
    const all = await work(u.office!, { limit: 100 });
    const page = await work(u.office!, { limit: 2, offset: 1 });
    expect(page.items.map((i) => i.entityId + i.kind)).toEqual(all.items.slice(1, 3).map((i) => i.entityId + i.kind));
    expect(page.totalCount).toBe(all.totalCount);
    expect(page.statements).toBeLessThanOrEqual(2);
    const beyond = await work(u.office!, { limit: 5, offset: 500 });
    expect(beyond.items).toEqual([]);
    expect(beyond.totalCount).toBe(all.totalCount);
    expect(beyond.statements).toBeLessThanOrEqual(2);
    const f = await work(u.office!, { kinds: ['FOLLOW_UP_DUE', 'TASK_TO_REISSUE'] });
    expect(new Set(f.items.map((i) => i.kind))).toEqual(new Set(['FOLLOW_UP_DUE', 'TASK_TO_REISSUE']));
    expect(f.statements).toBeLessThanOrEqual(2);
    // an inspector asking only for kinds it has none of: no SQL at all
    expect((await work(u.inspectorB!, { kinds: ['TASK_TO_ACCEPT'] })).items).toEqual([]);
    const bad = await gql(MY_WORK, { limit: 101 }, u.office!);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
  });

  it('analysts, partner keys and anonymous callers are refused', async () => {
    expect((await gql(MY_WORK, {}, u.analyst!)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql(MY_WORK, {}, (await apiKeyActor(['registers:read', 'results:read', 'reports:read'])).headers)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql(MY_WORK, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
