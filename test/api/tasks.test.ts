// Tasks through GraphQL: creation from a plan and ad hoc, the rules on items, invitation, acceptance and decline
// (签收), cancellation, the state machine's refusals, and the deadlines each task carries.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../server/src/db/database.ts';
import { OFFICIAL_CALENDAR } from '../../server/src/shared/calendar-data.ts';
import { addWorkingDays } from '../../server/src/shared/working-days.ts';
import { todayInChina } from '../../server/src/shared/working-days.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { gql, gqlOk } from '../helpers/graphql.ts';
import { d, taskScenario, type TaskScenario } from '../fixtures/tasks.ts';

useTestDatabase();
let s: TaskScenario;

const TASK = `
  id code name year mode status allowedTransitions windowStart windowEnd inspectionEndOn
  acceptanceDueOn drawDueOn publicationDueOn stratified cancelReason
  ratios { A B C D } scope { industryCodes regionCodes targetTypes keywords }
  plan { id } leadDepartment { code }
  participants { role acceptance invitedAt respondedAt declineReason department { code } items { checkItem { code } ratioBp } }
`;
const CREATE = `mutation($input: CreateTaskInput!) { createTask(input: $input) { ${TASK} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateTaskInput!) { updateTask(id: $id, input: $input) { ${TASK} } }`;
const INVITE = `mutation($id: ID!) { inviteParticipants(taskId: $id) { ${TASK} } }`;
const ACCEPT = `mutation($id: ID!) { acceptTask(taskId: $id) { ${TASK} } }`;
const DECLINE = `mutation($id: ID!, $reason: String!) { declineTask(taskId: $id, reason: $reason) { ${TASK} } }`;
const CANCEL = `mutation($id: ID!, $reason: String!) { cancelTask(taskId: $id, reason: $reason) { ${TASK} } }`;

const ratios = { A: 300, B: 500, C: 1000, D: 2000 };
const iso = (x: Date) => x.toISOString().slice(0, 10);
const calendar = {
  holidays: new Set(OFFICIAL_CALENDAR.filter((c) => c.kind === 'HOLIDAY').map((c) => c.date)),
  workdays: new Set(OFFICIAL_CALENDAR.filter((c) => c.kind === 'WORKDAY').map((c) => c.date)),
};

/** A joint ad hoc task led by 应急管理局 with 卫健局 (and optionally 税务局) participating. */
function adHoc(extra: Record<string, unknown> = {}) {
  return {
    name: '2024 年危险化学品经营企业联合抽查',
    mode: 'SPECIAL_CAMPAIGN',
    windowStart: '2024-03-01',
    windowEnd: '2024-05-31',
    ratios,
    participants: [
      { departmentId: s.departments.yjgl.id, items: [{ checkItemId: s.departments.yjgl.items.key.id }] },
      { departmentId: s.departments.wjj.id, items: [{ checkItemId: s.departments.wjj.items.general.id, ratioBp: 500 }] },
    ],
    ...extra,
  };
}

async function createAs(headers: Record<string, string>, input: Record<string, unknown>) {
  return (await gqlOk(CREATE, { input }, headers)).createTask;
}

const err = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions ?? {};

beforeAll(async () => {
  s = await taskScenario();
});

describe('createTask', () => {
  it('ad hoc by a department admin: its own department leads, code generated, DRAFT, default deadlines', async () => {
    const t = await createAs(s.actors.yjglAdmin.headers, adHoc());
    expect(t).toMatchObject({
      code: '2024-YJGLJ-001',
      status: 'DRAFT',
      year: 2024,
      mode: 'SPECIAL_CAMPAIGN',
      leadDepartment: { code: 'YJGLJ' },
      plan: null,
      windowStart: '2024-03-01',
      windowEnd: '2024-05-31',
      inspectionEndOn: '2024-05-31',
      drawDueOn: '2024-03-01',
      acceptanceDueOn: null,
      stratified: true,
      ratios,
      allowedTransitions: ['INVITING', 'CANCELLED', 'REISSUED'],
    });
    // 20th working day after Fri 31 May 2024: 端午 (Mon 10 Jun) is off → Mon 1 Jul
    expect(t.publicationDueOn).toBe('2024-07-01');
    expect(t.participants).toEqual([
      expect.objectContaining({ role: 'LEAD', acceptance: 'ACCEPTED', department: { code: 'YJGLJ' }, items: [{ checkItem: { code: 'T-YJGLJ-K1' }, ratioBp: null }] }),
      expect.objectContaining({ role: 'PARTICIPANT', acceptance: 'PENDING', department: { code: 'WJJ' }, items: [{ checkItem: { code: 'T-WJJ-G1' }, ratioBp: 500 }] }),
    ]);
    const second = await createAs(s.actors.yjglAdmin.headers, adHoc());
    expect(second.code).toBe('2024-YJGLJ-002');
    const events = await prisma().auditEvent.findMany({ where: { entityId: t.id, operation: 'createTask' } });
    expect(events).toHaveLength(1);
  });

  it('the lead is always a participant, even when the input does not list it', async () => {
    const t = await createAs(
      s.actors.yjglAdmin.headers,
      adHoc({ participants: [{ departmentId: s.departments.wjj.id, items: [{ checkItemId: s.departments.wjj.items.key.id }] }] }),
    );
    expect(t.participants.map((p: any) => [p.department.code, p.role, p.acceptance])).toEqual([
      ['YJGLJ', 'LEAD', 'ACCEPTED'],
      ['WJJ', 'PARTICIPANT', 'PENDING'],
    ]);
  });

  it('a department admin cannot create a task led by another department; the office can', async () => {
    const r = await gql(CREATE, { input: adHoc({ leadDepartmentId: s.departments.wjj.id }) }, s.actors.yjglAdmin.headers);
    expect(err(r)).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_LEAD_DEPARTMENT', field: 'input.leadDepartmentId' });
    const byOffice = await createAs(s.actors.office.headers, adHoc({ leadDepartmentId: s.departments.wjj.id, code: 'WJJ-ADHOC-1' }));
    expect(byOffice).toMatchObject({ code: 'WJJ-ADHOC-1', leadDepartment: { code: 'WJJ' } });
    expect(byOffice.participants[0]).toMatchObject({ role: 'LEAD', department: { code: 'WJJ' } });
    // the office must name a lead for an ad hoc task
    const noLead = await gql(CREATE, { input: adHoc() }, s.actors.office.headers);
    expect(err(noLead)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.leadDepartmentId', reason: 'REQUIRED' });
  });

  it('inspectors and analysts cannot create tasks', async () => {
    for (const a of [s.actors.yjglInspector, s.actors.analyst]) {
      const r = await gql(CREATE, { input: adHoc() }, a.headers);
      expect(err(r)).toMatchObject({ code: 'FORBIDDEN', reason: 'SCOPE' });
    }
  });

  it('from a published plan: copies mode, ratios, scope, window, year, participants and items', async () => {
    const t = await createAs(s.actors.scjgAdmin.headers, { planId: s.plan.id });
    expect(t).toMatchObject({
      name: s.plan.name,
      code: '2024-SCJGJ-001',
      plan: { id: s.plan.id },
      mode: 'RISK_BASED',
      year: 2024,
      windowStart: '2024-04-01',
      windowEnd: '2024-06-28',
      ratios: { A: 200, B: 400, C: 800, D: 1500 },
      scope: { industryCodes: ['C13', 'C14'], regionCodes: ['370687'], targetTypes: ['ENTERPRISE'], keywords: ['食品'] },
      leadDepartment: { code: 'SCJGJ' },
    });
    expect(t.participants.map((p: any) => [p.department.code, p.role, p.items.map((i: any) => [i.checkItem.code, i.ratioBp])])).toEqual([
      ['SCJGJ', 'LEAD', [['T-SCJGJ-K1', null]]],
      ['YJGLJ', 'PARTICIPANT', [['T-YJGLJ-G1', 300]]],
    ]);
  });

  it('from a plan, given values override the plan and participants may be chosen', async () => {
    const t = await createAs(s.actors.office.headers, {
      planId: s.plan.id,
      name: '二季度食品联合抽查',
      windowStart: '2024-05-06',
      windowEnd: '2024-06-14',
      participants: [{ departmentId: s.departments.wjj.id, items: [{ checkItemId: s.departments.wjj.items.key.id }] }],
    });
    expect(t).toMatchObject({ name: '二季度食品联合抽查', windowStart: '2024-05-06', drawDueOn: '2024-05-06', mode: 'RISK_BASED' });
    // the plan's lead brings its plan items; 卫健局 brings the items given
    expect(t.participants.map((p: any) => [p.department.code, p.items.map((i: any) => i.checkItem.code)])).toEqual([
      ['SCJGJ', ['T-SCJGJ-K1']],
      ['WJJ', ['T-WJJ-K1']],
    ]);
  });

  it('refuses a plan that is not published', async () => {
    const r = await gql(CREATE, { input: { planId: s.draftPlan.id } }, s.actors.office.headers);
    expect(err(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.planId', reason: 'PLAN_NOT_PUBLISHED' });
    const missing = await gql(CREATE, { input: { planId: '00000000-0000-4000-8000-000000000000' } }, s.actors.office.headers);
    expect(err(missing).code).toBe('NOT_FOUND');
  });

  it('a GENERAL item above its cap is refused; at the cap it is accepted; a KEY item has no cap', async () => {
    const over = adHoc();
    (over.participants as any)[1].items[0].ratioBp = 501;
    const r = await gql(CREATE, { input: over }, s.actors.yjglAdmin.headers);
    expect(err(r)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RATIO_ABOVE_CAP', field: 'input.participants[1].items[0].ratioBp' });
    expect(r.errors?.[0]?.message).toContain('500');
    const key = adHoc();
    (key.participants as any)[0].items[0].ratioBp = 9000;
    expect((await gql(CREATE, { input: key }, s.actors.yjglAdmin.headers)).errors).toBeUndefined();
    const outOfRange = adHoc();
    (outOfRange.participants as any)[0].items[0].ratioBp = 10001;
    expect(err(await gql(CREATE, { input: outOfRange }, s.actors.yjglAdmin.headers))).toMatchObject({ reason: 'RATIO_RANGE' });
  });

  it('an item of another department, an inactive item, a duplicate item or department are refused', async () => {
    const foreign = adHoc();
    (foreign.participants as any)[1].items = [{ checkItemId: s.departments.swj.items.key.id }];
    expect(err(await gql(CREATE, { input: foreign }, s.actors.yjglAdmin.headers))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'ITEM_NOT_OF_DEPARTMENT',
      field: 'input.participants[1].items[0].checkItemId',
    });
    const inactive = adHoc();
    (inactive.participants as any)[1].items = [{ checkItemId: s.departments.wjj.items.inactive.id }];
    expect(err(await gql(CREATE, { input: inactive }, s.actors.yjglAdmin.headers))).toMatchObject({ reason: 'ITEM_INACTIVE' });
    const dupItem = adHoc();
    (dupItem.participants as any)[1].items = [{ checkItemId: s.departments.wjj.items.key.id }, { checkItemId: s.departments.wjj.items.key.id }];
    expect(err(await gql(CREATE, { input: dupItem }, s.actors.yjglAdmin.headers))).toMatchObject({ reason: 'DUPLICATE_ITEM' });
    const dupDept = adHoc();
    (dupDept.participants as any).push({ departmentId: s.departments.wjj.id, items: [] });
    expect(err(await gql(CREATE, { input: dupDept }, s.actors.yjglAdmin.headers))).toMatchObject({ reason: 'DUPLICATE_PARTICIPANT', field: 'input.participants[2].departmentId' });
  });

  it('dates, ratios, codes and pools are validated', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ windowEnd: '2024-02-29' }, 'input.windowEnd', 'WINDOW_ORDER'],
      [{ inspectionEndOn: '2024-02-29' }, 'input.inspectionEndOn', 'BEFORE_WINDOW'],
      [{ drawDueOn: '2024-06-03' }, 'input.drawDueOn', 'AFTER_INSPECTION_END'],
      [{ acceptanceDueOn: '2024-03-05', drawDueOn: '2024-03-04' }, 'input.acceptanceDueOn', 'AFTER_DRAW_DUE'],
      [{ ratios: { ...ratios, C: 10001 } }, 'input.ratios.C', 'RATIO_RANGE'],
      [{ ratios: { ...ratios, A: -1 } }, 'input.ratios.A', 'RATIO_RANGE'],
      [{ code: 'bad code!' }, 'input.code', 'CODE_FORMAT'],
      [{ name: '  ' }, 'input.name', 'REQUIRED'],
      [{ poolIds: [s.swjPool.id] }, 'input.poolIds', 'POOL_NOT_OF_PARTICIPANT'],
      [{ poolIds: ['not-an-id'] }, 'input.poolIds[0]', 'INVALID_ID'],
    ];
    for (const [extra, field, reason] of cases) {
      const r = await gql(CREATE, { input: adHoc(extra) }, s.actors.yjglAdmin.headers);
      expect(err(r), JSON.stringify(extra)).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    }
    // inspection may end after the window
    const late = await createAs(s.actors.yjglAdmin.headers, adHoc({ inspectionEndOn: '2024-06-07' }));
    expect(late.inspectionEndOn).toBe('2024-06-07');
    // a taken code is a conflict
    const r = await gql(CREATE, { input: adHoc({ code: '2024-YJGLJ-001' }) }, s.actors.yjglAdmin.headers);
    expect(err(r)).toMatchObject({ code: 'CONFLICT', field: 'input.code', reason: 'CODE_TAKEN' });
  });
});

describe('updateTask', () => {
  it('replaces participants and items, recomputes deadlines; the draw due date follows the window while it is the default', async () => {
    const t = await createAs(s.actors.yjglAdmin.headers, adHoc());
    const u = (
      await gqlOk(
        UPDATE,
        {
          id: t.id,
          input: {
            windowStart: '2024-01-15',
            windowEnd: '2024-02-08',
            participants: [
              { departmentId: s.departments.yjgl.id },
              { departmentId: s.departments.swj.id, items: [{ checkItemId: s.departments.swj.items.general.id, ratioBp: 100 }] },
            ],
          },
        },
        s.actors.yjglAdmin.headers,
      )
    ).updateTask;
    expect(u).toMatchObject({ code: t.code, windowStart: '2024-01-15', inspectionEndOn: '2024-05-31', drawDueOn: '2024-01-15' });
    // the lead kept its items (none given = keep); 卫健局 was replaced by 税务局
    expect(u.participants.map((p: any) => [p.department.code, p.items.map((i: any) => [i.checkItem.code, i.ratioBp])])).toEqual([
      ['YJGLJ', [['T-YJGLJ-K1', null]]],
      ['SWJ', [['T-SWJ-G1', 100]]],
    ]);
    // inspection ends on Thu 8 Feb 2024, before 春节: due Wed 13 Mar
    const moved = (await gqlOk(UPDATE, { id: t.id, input: { inspectionEndOn: '2024-02-08', drawDueOn: '2024-01-20' } }, s.actors.yjglAdmin.headers)).updateTask;
    expect(moved).toMatchObject({ inspectionEndOn: '2024-02-08', publicationDueOn: '2024-03-13', drawDueOn: '2024-01-20' });
    // an explicit draw due date stays when the window moves
    const kept = (await gqlOk(UPDATE, { id: t.id, input: { windowStart: '2024-01-16' } }, s.actors.yjglAdmin.headers)).updateTask;
    expect(kept.drawDueOn).toBe('2024-01-20');
    const events = await prisma().auditEvent.findMany({ where: { entityId: t.id, operation: 'updateTask' }, orderBy: { id: 'asc' } });
    expect(events).toHaveLength(3);
    expect((events[1]!.before as any).inspectionEndOn).toContain('2024-05-31');
    expect((events[1]!.after as any).inspectionEndOn).toContain('2024-02-08');
  });

  it('only the lead department or the office may edit, and only a DRAFT', async () => {
    const t = await createAs(s.actors.yjglAdmin.headers, adHoc());
    const other = await gql(UPDATE, { id: t.id, input: { name: 'x' } }, s.actors.wjjAdmin.headers);
    expect(err(other)).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_LEAD_DEPARTMENT' });
    expect((await gqlOk(UPDATE, { id: t.id, input: { name: '办公室改名' } }, s.actors.office.headers)).updateTask.name).toBe('办公室改名');
    await gqlOk(INVITE, { id: t.id }, s.actors.yjglAdmin.headers);
    const r = await gql(UPDATE, { id: t.id, input: { name: 'y' } }, s.actors.yjglAdmin.headers);
    expect(err(r)).toMatchObject({ code: 'INVALID_TRANSITION', current: 'INVITING', reason: 'TASK_NOT_DRAFT' });
  });
});

describe('invitation and acceptance (签收)', () => {
  it('invite: DRAFT → INVITING, invitations stamped, acceptance due in 5 working days', async () => {
    const t = await createAs(s.actors.yjglAdmin.headers, adHoc());
    const byOther = await gql(INVITE, { id: t.id }, s.actors.wjjAdmin.headers);
    expect(err(byOther)).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_LEAD_DEPARTMENT' });
    const inv = (await gqlOk(INVITE, { id: t.id }, s.actors.yjglAdmin.headers)).inviteParticipants;
    expect(inv.status).toBe('INVITING');
    expect(inv.allowedTransitions).toEqual(['READY', 'DRAFT', 'CANCELLED', 'REISSUED']);
    expect(inv.acceptanceDueOn).toBe(iso(addWorkingDays(todayInChina(), 5, calendar)));
    const [lead, wjj] = inv.participants;
    expect(lead).toMatchObject({ role: 'LEAD', acceptance: 'ACCEPTED', invitedAt: null });
    expect(wjj).toMatchObject({ role: 'PARTICIPANT', acceptance: 'PENDING' });
    expect(Date.now() - Date.parse(wjj.invitedAt)).toBeLessThan(60_000);
    // inviting again is an illegal transition
    const again = await gql(INVITE, { id: t.id }, s.actors.yjglAdmin.headers);
    expect(err(again)).toMatchObject({ code: 'INVALID_TRANSITION', current: 'INVITING', requested: 'INVITING' });
  });

  it('a given acceptance due date is kept', async () => {
    const t = await createAs(s.actors.yjglAdmin.headers, adHoc({ windowStart: '2030-03-01', windowEnd: '2030-05-31', acceptanceDueOn: '2030-02-20' }));
    const inv = (await gqlOk(INVITE, { id: t.id }, s.actors.yjglAdmin.headers)).inviteParticipants;
    expect(inv.acceptanceDueOn).toBe('2030-02-20');
  });

  it('a task needs at least one item before invitations go out', async () => {
    const t = await createAs(s.actors.yjglAdmin.headers, adHoc({ participants: [{ departmentId: s.departments.wjj.id, items: [] }] }));
    const r = await gql(INVITE, { id: t.id }, s.actors.yjglAdmin.headers);
    expect(err(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'taskId', reason: 'TASK_HAS_NO_ITEMS' });
    expect((await prisma().task.findUniqueOrThrow({ where: { id: t.id } })).status).toBe('DRAFT');
  });

  it('a single-department task goes DRAFT → INVITING → READY at once', async () => {
    const t = await createAs(s.actors.yjglAdmin.headers, adHoc({ participants: [{ departmentId: s.departments.yjgl.id, items: [{ checkItemId: s.departments.yjgl.items.key.id }] }] }));
    const inv = (await gqlOk(INVITE, { id: t.id }, s.actors.yjglAdmin.headers)).inviteParticipants;
    expect(inv.status).toBe('READY');
    const ops = (await prisma().auditEvent.findMany({ where: { entityId: t.id }, orderBy: { id: 'asc' } })).map((e) => e.operation);
    expect(ops).toEqual(['createTask', 'task:DRAFT->INVITING', 'inviteParticipants', 'task:INVITING->READY']);
  });

  it('acceptance by a department outside the task is refused with a typed reason; inspectors and the office cannot accept', async () => {
    const t = await createAs(s.actors.yjglAdmin.headers, adHoc());
    await gqlOk(INVITE, { id: t.id }, s.actors.yjglAdmin.headers);
    const r = await gql(ACCEPT, { id: t.id }, s.actors.swjAdmin.headers);
    expect(err(r)).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_PARTICIPANT', field: 'taskId' });
    const d2 = await gql(DECLINE, { id: t.id, reason: '不相关' }, s.actors.swjAdmin.headers);
    expect(err(d2)).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_PARTICIPANT' });
    for (const a of [s.actors.yjglInspector, s.actors.office]) expect(err(await gql(ACCEPT, { id: t.id }, a.headers))).toMatchObject({ code: 'FORBIDDEN', reason: 'SCOPE' });
    // the lead has accepted by creating the task
    expect(err(await gql(ACCEPT, { id: t.id }, s.actors.yjglAdmin.headers))).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_ACCEPTED' });
    expect(err(await gql(ACCEPT, { id: '00000000-0000-4000-8000-000000000000' }, s.actors.wjjAdmin.headers)).code).toBe('NOT_FOUND');
  });

  it('acceptance before the invitation is an invalid transition', async () => {
    const t = await createAs(s.actors.yjglAdmin.headers, adHoc());
    const r = await gql(ACCEPT, { id: t.id }, s.actors.wjjAdmin.headers);
    expect(err(r)).toMatchObject({ code: 'INVALID_TRANSITION', current: 'DRAFT', reason: 'TASK_NOT_INVITING' });
  });

  it('when every participant has accepted the task becomes READY in the same step', async () => {
    const input = adHoc();
    (input.participants as any).push({ departmentId: s.departments.swj.id, items: [{ checkItemId: s.departments.swj.items.key.id }] });
    const t = await createAs(s.actors.yjglAdmin.headers, input);
    await gqlOk(INVITE, { id: t.id }, s.actors.yjglAdmin.headers);
    const first = (await gqlOk(ACCEPT, { id: t.id }, s.actors.wjjAdmin.headers)).acceptTask;
    expect(first.status).toBe('INVITING');
    expect(first.participants.find((p: any) => p.department.code === 'WJJ')).toMatchObject({ acceptance: 'ACCEPTED' });
    expect(err(await gql(ACCEPT, { id: t.id }, s.actors.wjjAdmin.headers))).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_ACCEPTED' });
    const last = (await gqlOk(ACCEPT, { id: t.id }, s.actors.swjAdmin.headers)).acceptTask;
    expect(last.status).toBe('READY');
    expect(last.participants.every((p: any) => p.acceptance === 'ACCEPTED')).toBe(true);
    const ready = await prisma().auditEvent.findMany({ where: { entityId: t.id, operation: 'task:INVITING->READY' } });
    expect(ready).toHaveLength(1);
    // once READY, responses are over
    expect(err(await gql(DECLINE, { id: t.id, reason: '太晚了' }, s.actors.wjjAdmin.headers))).toMatchObject({ code: 'INVALID_TRANSITION', current: 'READY' });
    // and invitations are an illegal transition from READY
    expect(err(await gql(INVITE, { id: t.id }, s.actors.yjglAdmin.headers))).toMatchObject({ code: 'INVALID_TRANSITION', current: 'READY', requested: 'INVITING', reason: 'TASK_NOT_DRAFT' });
  });

  it('concurrent acceptances: the last one moves the task to READY exactly once', async () => {
    const input = adHoc();
    (input.participants as any).push({ departmentId: s.departments.swj.id, items: [{ checkItemId: s.departments.swj.items.key.id }] });
    const t = await createAs(s.actors.yjglAdmin.headers, input);
    await gqlOk(INVITE, { id: t.id }, s.actors.yjglAdmin.headers);
    const rs = await Promise.all([gql(ACCEPT, { id: t.id }, s.actors.wjjAdmin.headers), gql(ACCEPT, { id: t.id }, s.actors.swjAdmin.headers)]);
    expect(rs.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect((await prisma().task.findUniqueOrThrow({ where: { id: t.id } })).status).toBe('READY');
    expect(await prisma().auditEvent.count({ where: { entityId: t.id, operation: 'task:INVITING->READY' } })).toBe(1);
  });

  it('decline needs a reason, sends the task back to the lead and records who declined and why', async () => {
    const t = await createAs(s.actors.yjglAdmin.headers, adHoc());
    await gqlOk(INVITE, { id: t.id }, s.actors.yjglAdmin.headers);
    const blank = await gql(DECLINE, { id: t.id, reason: '   ' }, s.actors.wjjAdmin.headers);
    expect(err(blank)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason', reason: 'REQUIRED' });
    const missing = await gql(`mutation($id: ID!) { declineTask(taskId: $id) { id } }`, { id: t.id }, s.actors.wjjAdmin.headers);
    expect(missing.errors?.[0]?.message).toMatch(/reason/);
    expect(missing.data).toBeUndefined();
    // the lead cannot decline its own task
    expect(err(await gql(DECLINE, { id: t.id, reason: 'x' }, s.actors.yjglAdmin.headers))).toMatchObject({ code: 'FORBIDDEN', reason: 'LEAD_CANNOT_DECLINE' });

    const declined = (await gqlOk(DECLINE, { id: t.id, reason: '本季度人员不足' }, s.actors.wjjAdmin.headers)).declineTask;
    expect(declined.status).toBe('DRAFT');
    const wjj = declined.participants.find((p: any) => p.department.code === 'WJJ');
    expect(wjj).toMatchObject({ acceptance: 'DECLINED', declineReason: '本季度人员不足' });
    expect(wjj.respondedAt).toBeTruthy();
    const ev = await prisma().auditEvent.findFirstOrThrow({ where: { entityId: t.id, operation: 'declineTask' } });
    expect(ev.actorId).toBe(s.actors.wjjAdmin.userId);
    expect(ev.departmentId).toBe(s.departments.wjj.id);
    expect(ev.after).toMatchObject({ departmentId: s.departments.wjj.id, acceptance: 'DECLINED', reason: '本季度人员不足' });
    const back = await prisma().auditEvent.findFirstOrThrow({ where: { entityId: t.id, operation: 'task:INVITING->DRAFT' } });
    expect(back.after).toMatchObject({ status: 'DRAFT', reason: '本季度人员不足' });

    // the lead replaces the participant and invites again; the new participant accepts → READY
    await gqlOk(
      UPDATE,
      { id: t.id, input: { participants: [{ departmentId: s.departments.yjgl.id }, { departmentId: s.departments.swj.id, items: [{ checkItemId: s.departments.swj.items.key.id }] }] } },
      s.actors.yjglAdmin.headers,
    );
    expect((await gqlOk(INVITE, { id: t.id }, s.actors.yjglAdmin.headers)).inviteParticipants.status).toBe('INVITING');
    expect((await gqlOk(ACCEPT, { id: t.id }, s.actors.swjAdmin.headers)).acceptTask.status).toBe('READY');
  });
});

describe('cancelTask', () => {
  it('by the lead or the office, with a reason, from any non-terminal state', async () => {
    const t = await createAs(s.actors.yjglAdmin.headers, adHoc());
    expect(err(await gql(CANCEL, { id: t.id, reason: '无' }, s.actors.wjjAdmin.headers))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_LEAD_DEPARTMENT' });
    expect(err(await gql(CANCEL, { id: t.id, reason: '' }, s.actors.yjglAdmin.headers))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason', reason: 'REQUIRED' });
    await gqlOk(INVITE, { id: t.id }, s.actors.yjglAdmin.headers);
    const c = (await gqlOk(CANCEL, { id: t.id, reason: '专项整治提前结束' }, s.actors.yjglAdmin.headers)).cancelTask;
    expect(c).toMatchObject({ status: 'CANCELLED', cancelReason: '专项整治提前结束', allowedTransitions: [] });
    const again = await gql(CANCEL, { id: t.id, reason: '再次取消' }, s.actors.office.headers);
    expect(err(again)).toMatchObject({ code: 'INVALID_TRANSITION', current: 'CANCELLED', requested: 'CANCELLED' });
    expect(again.errors?.[0]?.message).toContain('已取消');
  });

  it('the office cancels a dispatched task; a closed task cannot be cancelled', async () => {
    const t = await createAs(s.actors.yjglAdmin.headers, adHoc());
    await prisma().task.update({ where: { id: t.id }, data: { status: 'DISPATCHED' } });
    expect((await gqlOk(CANCEL, { id: t.id, reason: '上级部署调整' }, s.actors.office.headers)).cancelTask.status).toBe('CANCELLED');
    const closed = await createAs(s.actors.yjglAdmin.headers, adHoc());
    await prisma().task.update({ where: { id: closed.id }, data: { status: 'CLOSED' } });
    const r = await gql(CANCEL, { id: closed.id, reason: '误操作' }, s.actors.office.headers);
    expect(err(r)).toMatchObject({ code: 'INVALID_TRANSITION', current: 'CLOSED', requested: 'CANCELLED' });
  });
});

describe('deadlines', () => {
  it('publication due = 20th working day after the inspection end, across 春节 and 国庆 2024', async () => {
    const spring = await createAs(s.actors.yjglAdmin.headers, adHoc({ windowStart: '2024-01-08', windowEnd: '2024-02-08' }));
    expect(spring.publicationDueOn).toBe('2024-03-13');
    const national = await createAs(s.actors.yjglAdmin.headers, adHoc({ windowStart: '2024-09-02', windowEnd: '2024-09-27' }));
    expect(national.publicationDueOn).toBe('2024-10-30');
    // an inspection ending on a holiday counts from the next working day
    const onHoliday = await createAs(s.actors.yjglAdmin.headers, adHoc({ windowStart: '2024-09-02', windowEnd: '2024-09-27', inspectionEndOn: '2024-10-03' }));
    expect(onHoliday.publicationDueOn).toBe(iso(addWorkingDays(d('2024-10-03'), 20, calendar)));
    expect(onHoliday.publicationDueOn).toBe('2024-11-01'); // Tue 8 Oct is day 1; Sat 12 Oct works
  });

  it('analysts read the deadlines of every task', async () => {
    const t = await createAs(s.actors.yjglAdmin.headers, adHoc({ windowStart: '2024-09-02', windowEnd: '2024-09-27' }));
    const r = await gqlOk(`query($id: ID!) { task(id: $id) { acceptanceDueOn drawDueOn inspectionEndOn publicationDueOn } }`, { id: t.id }, s.actors.analyst.headers);
    expect(r.task).toEqual({ acceptanceDueOn: null, drawDueOn: '2024-09-02', inspectionEndOn: '2024-09-27', publicationDueOn: '2024-10-30' });
  });
});
