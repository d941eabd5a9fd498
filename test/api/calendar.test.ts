// The working-day calendar through GraphQL: working-day queries, the office's edits, and the recomputation of
// publication due dates (公示截止) that every edit triggers.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../server/src/db/database.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { gql, gqlOk } from '../helpers/graphql.ts';
import { apiKeyActor } from '../helpers/auth.ts';
import { taskScenario, type TaskScenario } from '../fixtures/tasks.ts';

useTestDatabase();
let s: TaskScenario;

const WORKING_DAY = `query($date: Date!) { workingDay(date: $date) { date working kind name } }`;
const ADD = `query($from: Date!, $n: Int!) { addWorkingDays(from: $from, n: $n) }`;
const EDIT = `date day { date kind name } recomputedTaskCount recomputedTasks { code publicationDueOn }`;
const UPSERT = `mutation($date: Date!, $kind: CalendarDayKind!, $name: String!) { upsertCalendarDay(date: $date, kind: $kind, name: $name) { ${EDIT} } }`;
const REMOVE = `mutation($date: Date!) { removeCalendarDay(date: $date) { ${EDIT} } }`;
const CREATE = `mutation($input: CreateTaskInput!) { createTask(input: $input) { id code publicationDueOn } }`;

const err = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions ?? {};

async function task(code: string, windowStart: string, inspectionEndOn: string) {
  const input = {
    code,
    name: `任务 ${code}`,
    leadDepartmentId: s.departments.yjgl.id,
    mode: 'COMPREHENSIVE',
    windowStart,
    windowEnd: inspectionEndOn,
    ratios: { A: 100, B: 200, C: 300, D: 400 },
    participants: [{ departmentId: s.departments.yjgl.id, items: [{ checkItemId: s.departments.yjgl.items.key.id }] }],
  };
  return (await gqlOk(CREATE, { input }, s.actors.office.headers)).createTask as { id: string; code: string; publicationDueOn: string };
}

const dueOf = async (id: string) => (await prisma().task.findUniqueOrThrow({ where: { id } })).publicationDueOn!.toISOString().slice(0, 10);

beforeAll(async () => {
  s = await taskScenario();
});

describe('working-day queries', () => {
  it('workingDay tells holidays, make-up working days and ordinary days apart', async () => {
    const q = async (date: string) => (await gqlOk(WORKING_DAY, { date }, s.actors.analyst.headers)).workingDay;
    expect(await q('2024-02-12')).toEqual({ date: '2024-02-12', working: false, kind: 'HOLIDAY', name: '春节' });
    expect(await q('2024-02-04')).toEqual({ date: '2024-02-04', working: true, kind: 'WORKDAY', name: '春节' });
    expect(await q('2024-02-24')).toEqual({ date: '2024-02-24', working: false, kind: null, name: null });
    expect(await q('2024-02-26')).toEqual({ date: '2024-02-26', working: true, kind: null, name: null });
    expect(await q('2024-10-12')).toMatchObject({ working: true, kind: 'WORKDAY', name: '国庆节' });
  });

  it('addWorkingDays: the n-th working day after a date, for analysts and partner systems', async () => {
    expect((await gqlOk(ADD, { from: '2024-02-08', n: 20 }, s.actors.analyst.headers)).addWorkingDays).toBe('2024-03-13');
    expect((await gqlOk(ADD, { from: '2024-09-27', n: 20 }, s.actors.analyst.headers)).addWorkingDays).toBe('2024-10-30');
    expect((await gqlOk(ADD, { from: '2024-09-30', n: 1 }, s.actors.analyst.headers)).addWorkingDays).toBe('2024-10-08');
    const partner = await apiKeyActor(['reports:read']);
    expect((await gqlOk(ADD, { from: '2024-02-08', n: 2 }, partner.headers)).addWorkingDays).toBe('2024-02-18'); // Fri 9 Feb, then Sun 18 Feb (调休)
    for (const n of [0, -3, 367]) expect(err(await gql(ADD, { from: '2024-02-08', n }, s.actors.analyst.headers))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'n', reason: 'OUT_OF_RANGE' });
    expect(err(await gql(ADD, { from: '2024-02-08', n: 1 }, {}))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('calendar editing (office)', () => {
  it('only the office edits the calendar; edits are validated', async () => {
    for (const a of [s.actors.yjglAdmin, s.actors.yjglInspector, s.actors.analyst])
      expect(err(await gql(UPSERT, { date: '2024-11-20', kind: 'HOLIDAY', name: '测试' }, a.headers))).toMatchObject({ code: 'FORBIDDEN', reason: 'SCOPE' });
    expect(err(await gql(REMOVE, { date: '2024-02-12' }, s.actors.yjglAdmin.headers))).toMatchObject({ code: 'FORBIDDEN' });
    // a make-up working day is a Saturday or Sunday (Wednesday 20 Nov 2024 works anyway)
    expect(err(await gql(UPSERT, { date: '2024-11-20', kind: 'WORKDAY', name: '补班' }, s.actors.office.headers))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'kind',
      reason: 'WORKDAY_ON_WEEKDAY',
    });
    expect(err(await gql(UPSERT, { date: '2024-11-20', kind: 'HOLIDAY', name: ' ' }, s.actors.office.headers))).toMatchObject({ field: 'name', reason: 'REQUIRED' });
    expect(err(await gql(REMOVE, { date: '2024-11-21' }, s.actors.office.headers))).toMatchObject({ code: 'NOT_FOUND', field: 'date' });
    expect(await prisma().calendarDay.count({ where: { date: new Date('2024-11-20T00:00:00Z') } })).toBe(0);
  });

  it('a new holiday moves the publication due date of open tasks it reaches, and only those', async () => {
    const open = await task('CAL-OPEN', '2024-09-02', '2024-09-27'); // due Wed 30 Oct 2024
    const published = await task('CAL-PUBLISHED', '2024-09-02', '2024-09-27');
    await prisma().task.update({ where: { id: published.id }, data: { status: 'PUBLISHED' } });
    const cancelled = await task('CAL-CANCELLED', '2024-09-02', '2024-09-27');
    await prisma().task.update({ where: { id: cancelled.id }, data: { status: 'CANCELLED' } });
    const inspecting = await task('CAL-INSPECTING', '2024-09-02', '2024-09-20'); // due Wed 23 Oct 2024
    await prisma().task.update({ where: { id: inspecting.id }, data: { status: 'INSPECTING' } });
    const early = await task('CAL-EARLY', '2024-06-03', '2024-06-28'); // ends > 60 days before the edit
    expect([open.publicationDueOn, inspecting.publicationDueOn, early.publicationDueOn]).toEqual(['2024-10-30', '2024-10-23', '2024-07-26']);

    // Wed 16 Oct 2024 becomes a holiday: both open tasks lose one working day
    const r = (await gqlOk(UPSERT, { date: '2024-10-16', kind: 'HOLIDAY', name: '临时假日' }, s.actors.office.headers)).upsertCalendarDay;
    expect(r).toMatchObject({ date: '2024-10-16', day: { date: '2024-10-16', kind: 'HOLIDAY', name: '临时假日' }, recomputedTaskCount: 2 });
    expect(r.recomputedTasks).toEqual([
      { code: 'CAL-INSPECTING', publicationDueOn: '2024-10-24' },
      { code: 'CAL-OPEN', publicationDueOn: '2024-10-31' },
    ]);
    expect(await dueOf(published.id)).toBe('2024-10-30');
    expect(await dueOf(cancelled.id)).toBe('2024-10-30');
    expect(await dueOf(early.id)).toBe('2024-07-26');
    // in the same transaction: the calendar event and one event per moved task
    const events = await prisma().auditEvent.findMany({ where: { operation: 'recomputePublicationDue', entityId: open.id } });
    expect(events).toHaveLength(1);
    expect(events[0]!.before).toEqual({ publicationDueOn: '2024-10-30' });
    expect(events[0]!.after).toMatchObject({ publicationDueOn: '2024-10-31', cause: { calendarDay: '2024-10-16', kind: 'HOLIDAY' } });
    const calEvent = await prisma().auditEvent.findFirstOrThrow({ where: { operation: 'upsertCalendarDay', entityId: '2024-10-16' } });
    expect(calEvent.requestId).toBe(events[0]!.requestId);

    // renaming the day changes no working day: nothing is recomputed
    const renamed = (await gqlOk(UPSERT, { date: '2024-10-16', kind: 'HOLIDAY', name: '临时调整' }, s.actors.office.headers)).upsertCalendarDay;
    expect(renamed).toMatchObject({ day: { name: '临时调整' }, recomputedTaskCount: 0 });

    // removing it restores the due dates
    const removed = (await gqlOk(REMOVE, { date: '2024-10-16' }, s.actors.office.headers)).removeCalendarDay;
    expect(removed).toMatchObject({ date: '2024-10-16', day: null, recomputedTaskCount: 2 });
    expect(await dueOf(open.id)).toBe('2024-10-30');
    expect(await dueOf(inspecting.id)).toBe('2024-10-23');

    // a Saturday make-up working day brings the due date forward
    const sat = (await gqlOk(UPSERT, { date: '2024-10-19', kind: 'WORKDAY', name: '调休上班' }, s.actors.office.headers)).upsertCalendarDay;
    expect(sat.recomputedTasks).toEqual([
      { code: 'CAL-INSPECTING', publicationDueOn: '2024-10-22' },
      { code: 'CAL-OPEN', publicationDueOn: '2024-10-29' },
    ]);
    // turning that Saturday into a holiday: a rest day again
    const back = (await gqlOk(UPSERT, { date: '2024-10-19', kind: 'HOLIDAY', name: '休息' }, s.actors.office.headers)).upsertCalendarDay;
    expect(back.recomputedTaskCount).toBe(2);
    expect(await dueOf(open.id)).toBe('2024-10-30');
  });

  it('editing the 2024 Spring Festival (removing a make-up working day) moves a task ending before it', async () => {
    const t = await task('CAL-SPRING', '2024-01-08', '2024-02-08');
    expect(t.publicationDueOn).toBe('2024-03-13');
    // without the Sunday 18 Feb make-up day, the 20th working day is Thu 14 Mar
    const r = (await gqlOk(REMOVE, { date: '2024-02-18' }, s.actors.office.headers)).removeCalendarDay;
    expect(r.recomputedTasks).toContainEqual({ code: 'CAL-SPRING', publicationDueOn: '2024-03-14' });
    expect((await gqlOk(WORKING_DAY, { date: '2024-02-18' }, s.actors.office.headers)).workingDay).toEqual({ date: '2024-02-18', working: false, kind: null, name: null });
    // and tasks created afterwards use the edited calendar
    expect((await task('CAL-SPRING-2', '2024-01-08', '2024-02-08')).publicationDueOn).toBe('2024-03-14');
    await gqlOk(UPSERT, { date: '2024-02-18', kind: 'WORKDAY', name: '春节' }, s.actors.office.headers);
    expect(await dueOf(t.id)).toBe('2024-03-13');
  });
});
