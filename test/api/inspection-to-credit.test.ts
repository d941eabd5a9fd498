// Issue 6 acceptance: "From inspection to credit", end to end through GraphQL, on PGlite and PostgreSQL.
//
// One scenario following seed 001's process (section 二(五), ../shared/docs/domain.md "Lifecycle"), each step a test
// that shares the scenario's state with the next and asserts its effects:
//
//   1  departments' annual plans (create, submit) → 2  the office compiles and publishes the joint plan
//   3  the lead department creates a task from the joint plan with 3 departments → invites → each accepts (READY)
//   4  target draw: commit → reveal with a public input → lock (DRAWN); the evidence recomputes with the verifier
//   5  inspector draw: teams of 3, the leader from the lead department (DISPATCHED)
//   6  records for each drawn target; each department enters its own items' results, codes 1 3 4 5 7 8 9 10
//   7  publication: two departments on time; time passes; the third late (task PUBLISHED)
//   8  a correction requested (idempotent retry) and approved by the head: original kept, publicResults shows both
//   9  credit events per the rule table (3/10 dishonesty, 4 abnormal list, 5/8/10 follow-up); risk classes change
//  10  myWork: follow-ups per department, the correction, the office's stalled task
//  11  reissueTask restricted to the code 4/7 targets → participants accept
//  12  the new task's draw sees only those targets, each in the stratum of its new class (A → C, A → D)
//
// Only registers are written directly (departments, pools, targets with known classes, inspectors, check items:
// the fixtures do it), plus one labelled "time passes" update of the task's publication due date. Everything else
// goes through mutations as the user who does it in real life; gql() checks every mutation left an audit event.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../server/src/db/database.ts';
import { verifyEvidence, type DrawEvidence } from '../../server/src/modules/draw/draw.algorithm.ts';
import { todayInChina } from '../../server/src/shared/working-days.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { gql, gqlOk } from '../helpers/graphql.ts';
import { userActor } from '../helpers/auth.ts';
import { COMMIT_INSPECTOR, COMMIT_TARGET, EVIDENCE, LOCK, REVEAL, makeDepartment, makeTargets, type DrawDepartment } from '../fixtures/draws.ts';
import { makeClassedTargets } from '../fixtures/credit.ts';
import { DECIDE_CORRECTION, ENTER_RESULTS, PUBLIC_RESULTS, PUBLISH_PART, PUBLISH_TASK_PART, REQUEST_CORRECTION, SAVE_RECORD } from '../fixtures/records.ts';
import { loadOfficialCalendar } from '../fixtures/tasks.ts';
import { fromToday, isoDay, makeItem } from '../fixtures/workflow.ts';

useTestDatabase();

type Headers = Record<string, string>;
type Errors = { errors?: { extensions?: Record<string, any> }[] };
const ext = (r: Errors) => r.errors?.[0]?.extensions ?? {};

const YEAR = 2026;
const INSPECTED_ON = '2026-11-16'; // a Monday in the task window, before today
const PUBLIC_INPUT = '福彩3D 2026310 582';

const PLAN = `id kind status year windowStart windowEnd submittedLate ratios { A B C D } scope { industryCodes }
  department { id } participants { role department { id } } items { ratioBp checkItem { id } }`;
const TASK = `id code name status year windowStart windowEnd publicationDueOn acceptanceDueOn scopeTargetIds reissueReason
  plan { id } leadDepartment { id } ratios { A B C D }
  participants { role acceptance department { id } items { checkItem { id } } }
  reissuedFrom { id status } restrictedTargets { id uscc riskClass }`;
const DRAW_TARGETS = `query($id: ID!) { draw(id: $id) { id status stratified candidateCount selectedCount params
  targets(first: 100) { uscc stratum rank target { id riskClass } } task { status } } }`;
const WORK = `query($kinds: [WorkKind!]) { myWork(kinds: $kinds, limit: 100) { totalCount overdueCount
  items { kind entityType entityId taskId taskCode departmentId dueOn overdue } } }`;

/** The result codes each department enters on the drawn targets, in result order (strata A→D, ticket order). */
const PLAN_OF_CODES: { lead: number; second: number; third: number; onSite: boolean }[] = [
  { lead: 4, second: 4, third: 4, onSite: false }, // A#1: unreachable at the registered address (off-site record)
  { lead: 3, second: 7, third: 7, onSite: true }, //  A#2: false published information; no activity in scope for the others
  { lead: 5, second: 1, third: 9, onSite: true }, //  B#1: rectification ordered on site
  { lead: 1, second: 8, third: 1, onSite: true }, //  B#2: problem pending follow-up (second department)
  { lead: 10, second: 1, third: 1, onSite: true }, // C#1: non-compliant (corrected to 8 later)
  { lead: 1, second: 1, third: 1, onSite: true }, //  C#2: clean
  { lead: 1, second: 9, third: 1, onSite: true }, //  D#1: clean
];

describe('from inspection to credit (issue 6 acceptance, seed 001 二(五))', () => {
  // registers
  let lead: DrawDepartment, second: DrawDepartment, third: DrawDepartment;
  const items: Record<string, string> = {}; // departmentId → its KEY check item
  const classed: { id: string; uscc: string; riskClass: string }[] = [];
  // people
  const u: Record<'office' | 'leadAdmin' | 'leadHead' | 'secondAdmin' | 'secondHead' | 'thirdAdmin' | 'analyst', Headers> = {} as never;
  // state carried from step to step
  const plans: Record<string, string> = {};
  let jointPlanId: string;
  let taskId: string;
  let taskCode: string;
  let dueOn: string;
  let targetDrawId: string;
  let drawn: { uscc: string; stratum: string; rank: number; target: { id: string; riskClass: string } }[] = [];
  let teams: Map<string, { inspectorId: string; departmentId: string; role: string }[]>;
  const recordOf = new Map<string, string>(); // targetId → recordId
  let correctionId: string;
  let correctedResultId: string;
  let reissued: any;

  const deptOf = (k: 'lead' | 'second' | 'third') => ({ lead, second, third })[k];
  const adminOf = (k: 'lead' | 'second' | 'third') => ({ lead: u.leadAdmin, second: u.secondAdmin, third: u.thirdAdmin })[k];
  const target = (id: string) => gqlOk<{ target: { riskClass: string; riskClassBase: string; onAbnormalList: boolean } }>(
    `query($id: ID!) { target(id: $id) { riskClass riskClassBase onAbnormalList } }`, { id }, u.office).then((r) => r.target);
  const work = async (headers: Headers, kinds?: string[]) => (await gqlOk<{ myWork: any }>(WORK, { kinds }, headers)).myWork;

  beforeAll(async () => {
    // ── registers (no mutation writes departments; the fixtures build pools, targets, inspectors and items) ──
    await loadOfficialCalendar();
    lead = await makeDepartment(3, { codePrefix: 'IC' });
    second = await makeDepartment(3, { codePrefix: 'IC' });
    third = await makeDepartment(3, { codePrefix: 'IC' });
    await prisma().department.update({ where: { id: lead.id }, data: { isOfficeHost: true } }); // the office sits in the lead
    for (const d of [lead, second, third]) items[d.id] = (await makeItem(d)).id;
    // 10 targets in scope (industry C13…): 4 A, 3 B, 2 C, 1 D, base class = effective class; 2 out of scope (H62)
    for (const [cls, n] of [['A', 4], ['B', 3], ['C', 2], ['D', 1]] as const) classed.push(...(await makeClassedTargets(lead.poolId, n, cls)));
    await makeTargets(lead.poolId, 2, { industryCode: 'H6210', riskClass: 'D' });

    u.office = (await userActor('OFFICE_ADMIN', lead.id)).headers;
    u.leadAdmin = (await userActor('DEPARTMENT_ADMIN', lead.id)).headers;
    u.leadHead = (await userActor('DEPARTMENT_ADMIN', lead.id, { isDepartmentHead: true })).headers;
    u.secondAdmin = (await userActor('DEPARTMENT_ADMIN', second.id)).headers;
    u.secondHead = (await userActor('DEPARTMENT_ADMIN', second.id, { isDepartmentHead: true })).headers;
    u.thirdAdmin = (await userActor('DEPARTMENT_ADMIN', third.id)).headers;
    u.analyst = (await userActor('ANALYST')).headers;
  });

  it('1. each department submits its annual plan to the office (late for this year: accepted and flagged)', async () => {
    const spec = {
      lead: { window: ['2026-03-01', '2026-12-18'], ratios: { A: 5000, B: 5000, C: 10_000, D: 10_000 } },
      second: { window: ['2026-04-01', '2026-12-10'], ratios: { A: 3000, B: 5000, C: 8000, D: 10_000 } },
      third: { window: ['2026-05-01', '2026-11-30'], ratios: { A: 2000, B: 4000, C: 10_000, D: 10_000 } },
    } as const;
    for (const k of ['lead', 'second', 'third'] as const) {
      const dep = deptOf(k);
      const created = (
        await gqlOk<{ createPlan: any }>(
          `mutation($input: CreatePlanInput!) { createPlan(input: $input) { ${PLAN} } }`,
          {
            input: {
              name: `${dep.code} ${YEAR} 年度抽查计划`,
              year: YEAR,
              kind: 'DEPARTMENT',
              departmentId: dep.id,
              mode: 'RISK_BASED',
              windowStart: spec[k].window[0],
              windowEnd: spec[k].window[1],
              ratios: spec[k].ratios,
              scope: { industryCodes: ['C13'] },
              items: [{ checkItemId: items[dep.id] }],
            },
          },
          adminOf(k),
        )
      ).createPlan;
      expect(created).toMatchObject({ kind: 'DEPARTMENT', status: 'DRAFT', department: { id: dep.id } });
      const submitted = (await gqlOk<{ submitPlan: any }>(`mutation($id: ID!) { submitPlan(id: $id) { ${PLAN} } }`, { id: created.id }, adminOf(k))).submitPlan;
      // due 20 January of the plan year (seed 001): today is later, so it is taken and flagged
      expect(submitted).toMatchObject({ status: 'SUBMITTED', submittedLate: true });
      plans[k] = created.id;
    }
    // a department cannot submit for another
    const other = await gql(`mutation($input: CreatePlanInput!) { createPlan(input: $input) { id } }`, {
      input: { name: 'x', year: YEAR, kind: 'DEPARTMENT', departmentId: lead.id, mode: 'RISK_BASED', windowStart: '2026-03-01', windowEnd: '2026-03-02', ratios: spec.lead.ratios },
    }, u.secondAdmin);
    expect(ext(other)).toMatchObject({ code: 'FORBIDDEN', reason: 'OTHER_DEPARTMENT' });
  });

  it('2. the office compiles the joint annual plan from the submitted plans and publishes it', async () => {
    const refused = await gql(`mutation { compileJointPlan(year: ${YEAR}) { id } }`, {}, u.leadAdmin);
    expect(ext(refused).code).toBe('FORBIDDEN');
    const joint = (await gqlOk<{ compileJointPlan: any }>(`mutation($year: Int!) { compileJointPlan(year: $year) { ${PLAN} compiledFrom { id } } }`, { year: YEAR }, u.office)).compileJointPlan;
    expect(joint).toMatchObject({
      kind: 'JOINT',
      status: 'DRAFT',
      // the union of the windows, the highest ratio per class, the common scope
      windowStart: '2026-03-01',
      windowEnd: '2026-12-18',
      ratios: { A: 5000, B: 5000, C: 10_000, D: 10_000 },
      scope: { industryCodes: ['C13'] },
      department: { id: lead.id },
    });
    expect(joint.compiledFrom.map((p: { id: string }) => p.id).sort()).toEqual(Object.values(plans).sort());
    expect(joint.participants.map((p: any) => `${p.role}:${p.department.id}`).sort()).toEqual(
      [`LEAD:${lead.id}`, `PARTICIPANT:${second.id}`, `PARTICIPANT:${third.id}`].sort(),
    );
    expect(joint.items.map((i: any) => i.checkItem.id).sort()).toEqual(Object.values(items).sort());
    const published = (await gqlOk<{ publishPlan: any }>(`mutation($id: ID!) { publishPlan(id: $id) { status version } }`, { id: joint.id }, u.office)).publishPlan;
    expect(published).toEqual({ status: 'PUBLISHED', version: 1 });
    jointPlanId = joint.id;
    expect(await prisma().auditEvent.count({ where: { entityId: joint.id, operation: { in: ['compileJointPlan', 'publishPlan'] } } })).toBe(2);
  });

  it('3. the lead department creates the task from the joint plan with 3 departments; invited; each accepts → READY', async () => {
    const created = (
      await gqlOk<{ createTask: any }>(
        `mutation($input: CreateTaskInput!) { createTask(input: $input) { ${TASK} } }`,
        { input: { planId: jointPlanId, name: `${YEAR} 年食品生产企业部门联合抽查`, windowStart: '2026-10-08', windowEnd: '2026-12-18' } },
        u.leadAdmin,
      )
    ).createTask;
    expect(created).toMatchObject({
      code: `${YEAR}-${lead.code}-001`,
      status: 'DRAFT',
      year: YEAR,
      plan: { id: jointPlanId },
      leadDepartment: { id: lead.id },
      ratios: { A: 5000, B: 5000, C: 10_000, D: 10_000 },
    });
    const byDept = Object.fromEntries(created.participants.map((p: any) => [p.department.id, p]));
    expect(Object.keys(byDept).sort()).toEqual([lead.id, second.id, third.id].sort());
    expect(byDept[lead.id]).toMatchObject({ role: 'LEAD', acceptance: 'ACCEPTED', items: [{ checkItem: { id: items[lead.id] } }] });
    for (const d of [second, third]) expect(byDept[d.id]).toMatchObject({ role: 'PARTICIPANT', acceptance: 'PENDING', items: [{ checkItem: { id: items[d.id] } }] });
    taskId = created.id;
    taskCode = created.code;
    dueOn = created.publicationDueOn; // 20 working days after the inspection end (18 December)
    expect(dueOn > isoDay(todayInChina())).toBe(true);

    const invited = (await gqlOk<{ inviteParticipants: any }>(`mutation($id: ID!) { inviteParticipants(taskId: $id) { status acceptanceDueOn } }`, { id: taskId }, u.leadAdmin)).inviteParticipants;
    expect(invited.status).toBe('INVITING');
    expect(invited.acceptanceDueOn).not.toBeNull();
    // the invited departments see it in their queue
    const queue = await work(u.thirdAdmin, ['TASK_TO_ACCEPT']);
    expect(queue.items).toMatchObject([{ kind: 'TASK_TO_ACCEPT', taskId, departmentId: third.id }]);

    const ACCEPT = `mutation($id: ID!) { acceptTask(taskId: $id) { status participants { acceptance department { id } } } }`;
    expect((await gqlOk<{ acceptTask: any }>(ACCEPT, { id: taskId }, u.secondAdmin)).acceptTask.status).toBe('INVITING');
    const ready = (await gqlOk<{ acceptTask: any }>(ACCEPT, { id: taskId }, u.thirdAdmin)).acceptTask;
    expect(ready.status).toBe('READY');
    expect(ready.participants.every((p: { acceptance: string }) => p.acceptance === 'ACCEPTED')).toBe(true);
    const ops = (await prisma().auditEvent.findMany({ where: { entityId: taskId }, select: { operation: true } })).map((e) => e.operation);
    expect(ops).toEqual(expect.arrayContaining(['createTask', 'inviteParticipants', 'task:DRAFT->INVITING', 'task:INVITING->READY']));
  });

  it('4. target draw: the two pools confirmed; commit, reveal with the public input, lock → DRAWN; the evidence recomputes', async () => {
    for (const [d, h] of [[lead, u.leadAdmin], [second, u.secondAdmin], [third, u.thirdAdmin]] as const) {
      const inspectorPool = await prisma().inspectorPool.findFirstOrThrow({ where: { departmentId: d.id } });
      for (const id of [d.poolId, inspectorPool.id]) await gqlOk(`mutation($id: ID!) { confirmPool(id: $id) { __typename } }`, { id }, h);
    }
    // a participant that does not lead cannot run the draw
    expect(ext(await gql(COMMIT_TARGET, { taskId, src: '现场观察员读数' }, u.secondAdmin)).code).toBe('FORBIDDEN');

    const committed = (await gqlOk<{ commitTargetDraw: any }>(COMMIT_TARGET, { taskId, src: '现场观察员读数（福彩3D 第2026310期开奖号）' }, u.leadAdmin)).commitTargetDraw;
    expect(committed.warnings).toEqual([]);
    // scope C13: the 10 food producers; the 2 restaurants are out of scope
    expect(committed.draw).toMatchObject({ status: 'COMMITTED', stratified: true, candidateCount: 10, serverSeed: null, seed: null });
    targetDrawId = committed.draw.id;
    const revealed = (await gqlOk<{ revealDraw: any }>(REVEAL, { id: targetDrawId, input: PUBLIC_INPUT }, u.leadAdmin)).revealDraw;
    // ceil: A 50 % of 4 = 2, B 50 % of 3 = 2, C 100 % of 2 = 2, D 100 % of 1 = 1
    expect(revealed).toMatchObject({ status: 'REVEALED', publicInput: PUBLIC_INPUT, selectedCount: 7 });
    expect(revealed.serverSeed).toMatch(/^[0-9a-f]{64}$/);
    const locked = (await gqlOk<{ lockDraw: any }>(LOCK, { id: targetDrawId }, u.leadAdmin)).lockDraw;
    expect(locked).toMatchObject({ status: 'LOCKED', task: { status: 'DRAWN' } });

    // dispatched: a participant reads the list; strata in order, and each target in the stratum of its class
    const d = (await gqlOk<{ draw: any }>(DRAW_TARGETS, { id: targetDrawId }, u.thirdAdmin)).draw;
    drawn = d.targets;
    expect(drawn.map((t) => t.stratum)).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D']);
    expect(drawn.every((t) => t.target.riskClass === t.stratum)).toBe(true);

    // the evidence: recomputed by the standalone verifier module, and it names exactly the dispatched list
    const e = (await gqlOk<{ drawEvidence: DrawEvidence }>(EVIDENCE, { id: targetDrawId }, u.analyst)).drawEvidence;
    expect(verifyEvidence(e)).toMatchObject({ ok: true });
    expect(e.publicInput).toBe(PUBLIC_INPUT);
    expect(e.candidates).toEqual(classed.map((t) => `${t.uscc},${t.riskClass}`).sort());
    expect(e.selected!.map((s) => [s.uscc, s.stratum, s.rank])).toEqual(drawn.map((t) => [t.uscc, t.stratum, t.rank]));
    // dispatched to every participant (audit names the departments)
    const dispatch = await prisma().auditEvent.findFirstOrThrow({ where: { operation: 'dispatchTargetList', entityId: taskId } });
    expect(dispatch.after).toMatchObject({ drawId: targetDrawId, selectedCount: 7, departments: [lead.code, second.code, third.code] });
  });

  it('5. inspector draw: one team per target, one inspector of each department, the leader from the lead department → DISPATCHED', async () => {
    const c = (await gqlOk<{ commitInspectorDraw: any }>(COMMIT_INSPECTOR, { taskId, src: '现场观察员读数' }, u.leadAdmin)).commitInspectorDraw;
    expect(c.warnings).toEqual([]);
    await gqlOk(REVEAL, { id: c.draw.id, input: '福彩3D 2026311 190' }, u.leadAdmin);
    expect((await gqlOk<{ lockDraw: any }>(LOCK, { id: c.draw.id }, u.leadAdmin)).lockDraw).toMatchObject({ status: 'LOCKED', task: { status: 'DISPATCHED' } });

    const a = (
      await gqlOk<{ inspectorAssignments: { nodes: any[] } }>(
        `query($id: ID!) { inspectorAssignments(filter: { drawId: $id }, perPage: 100) { nodes { role target { id } inspector { id } department { id } } } }`,
        { id: c.draw.id },
        u.leadAdmin,
      )
    ).inspectorAssignments.nodes;
    teams = new Map();
    for (const x of a) teams.set(x.target.id, [...(teams.get(x.target.id) ?? []), { inspectorId: x.inspector.id, departmentId: x.department.id, role: x.role }]);
    expect([...teams.keys()].sort()).toEqual(drawn.map((t) => t.target.id).sort());
    for (const team of teams.values()) {
      expect(team).toHaveLength(3);
      expect(team.map((m) => m.departmentId).sort()).toEqual([lead.id, second.id, third.id].sort());
      expect(team.filter((m) => m.role === 'LEADER')).toEqual([expect.objectContaining({ departmentId: lead.id })]);
    }
    // caps: nobody inspects more than ceil(7 / 3) = 3 targets
    const load = new Map<string, number>();
    for (const x of a) load.set(x.inspector.id, (load.get(x.inspector.id) ?? 0) + 1);
    expect(Math.max(...load.values())).toBeLessThanOrEqual(3);
    const e = (await gqlOk<{ drawEvidence: DrawEvidence }>(EVIDENCE, { id: c.draw.id }, u.leadAdmin)).drawEvidence;
    expect(verifyEvidence(e)).toMatchObject({ ok: true });
  });

  it('6. one record per drawn target; each department enters only its own items; completing every record → RESULTS_ENTERED', async () => {
    for (const [i, t] of drawn.entries()) {
      const spec = PLAN_OF_CODES[i]!;
      const rec = (
        await gqlOk<{ saveRecord: any }>(
          SAVE_RECORD,
          {
            input: {
              taskId,
              targetId: t.target.id,
              inspectorIds: teams.get(t.target.id)!.map((m) => m.inspectorId),
              inspectedOn: INSPECTED_ON,
              methods: spec.onSite ? ['ON_SITE'] : ['DOCUMENT'],
              onSite: spec.onSite,
              ...(spec.onSite
                ? { signatureStatus: 'SIGNED', signatoryName: '王经理' }
                : { signatureStatus: 'REFUSED', refusalNote: '登记住所无人，无法取得联系，由检查人员签字注明' }),
            },
          },
          u.leadAdmin,
        )
      ).saveRecord;
      expect(rec).toMatchObject({ status: 'DRAFT', task: { status: 'INSPECTING' } });
      recordOf.set(t.target.id, rec.id);
    }
    const first = recordOf.get(drawn[0]!.target.id)!;
    // isolation on entry (谁检查、谁录入): the second department cannot write the lead's item
    const foreign = await gql(ENTER_RESULTS, { recordId: first, results: [{ checkItemId: items[lead.id], code: 1 }] }, u.secondAdmin);
    expect(ext(foreign)).toMatchObject({ code: 'FORBIDDEN', reason: 'OTHER_DEPARTMENT_ITEM', field: 'results[0].checkItemId' });
    // the off-site record takes code 4 and 6 only
    const offSite = await gql(ENTER_RESULTS, { recordId: first, results: [{ checkItemId: items[lead.id], code: 1 }] }, u.leadAdmin);
    expect(ext(offSite)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OFF_SITE_CODE' });

    for (const k of ['lead', 'second', 'third'] as const)
      for (const [i, t] of drawn.entries()) {
        const r = (await gqlOk<{ enterItemResults: any }>(ENTER_RESULTS, { recordId: recordOf.get(t.target.id), results: [{ checkItemId: items[deptOf(k).id], code: PLAN_OF_CODES[i]![k] }] }, adminOf(k))).enterItemResults;
        expect(r.results.find((x: any) => x.checkItem.id === items[deptOf(k).id])).toMatchObject({ code: PLAN_OF_CODES[i]![k], department: { id: deptOf(k).id }, publication: null });
        expect(r.status).toBe(k === 'third' ? 'COMPLETE' : 'DRAFT');
      }
    const task = (await gqlOk<{ task: any }>(`query($id: ID!) { task(id: $id) { status recordCount } }`, { id: taskId }, u.office)).task;
    expect(task).toEqual({ status: 'RESULTS_ENTERED', recordCount: 7 });
    // every code of the plan is recorded
    const codes = await gqlOk<{ itemResults: { nodes: { code: number }[] } }>(`{ itemResults(perPage: 100) { totalCount nodes { code } } }`, {}, u.office);
    expect([...new Set(codes.itemResults.nodes.map((n) => n.code))].sort((a, b) => a - b)).toEqual([1, 3, 4, 5, 7, 8, 9, 10]);
    // nothing is credit yet: unpublished = not inspected (未公示即未检查)
    expect(await prisma().creditEvent.count()).toBe(0);
  });

  it('7. publication: the lead and the second department on time; time passes; the third late → PUBLISHED', async () => {
    const leadPubs = (await gqlOk<{ publishTaskPart: any[] }>(PUBLISH_TASK_PART, { taskId, key: 'acceptance-publish-lead-0001' }, u.leadAdmin)).publishTaskPart;
    expect(leadPubs).toHaveLength(7);
    expect(leadPubs.every((p) => p.onTime && p.record.task.status === 'RESULTS_ENTERED')).toBe(true);
    // a retry with the same key replays: still 7 publications of the lead
    const replay = (await gqlOk<{ publishTaskPart: any[] }>(PUBLISH_TASK_PART, { taskId, key: 'acceptance-publish-lead-0001' }, u.leadAdmin)).publishTaskPart;
    expect(replay.map((p) => p.id).sort()).toEqual(leadPubs.map((p) => p.id).sort());
    // the second department publishes record by record
    for (const t of drawn) {
      const p = (await gqlOk<{ publishRecordPart: any }>(PUBLISH_PART, { recordId: recordOf.get(t.target.id) }, u.secondAdmin)).publishRecordPart;
      expect(p).toMatchObject({ dueOn, onTime: true, department: { id: second.id } });
    }
    expect(await prisma().publication.count()).toBe(14);
    // published parts are immutable, for the office too; the third department's part is still open
    const edit = await gql(ENTER_RESULTS, { recordId: recordOf.get(drawn[2]!.target.id), results: [{ checkItemId: items[lead.id], code: 1 }] }, u.office);
    expect(ext(edit)).toMatchObject({ code: 'PUBLISHED_IMMUTABLE' });

    // ── time passes: the publication due date (20 working days after the inspection end) is now behind us.
    // (The services read the real clock; the honest equivalent of waiting is moving the due date to yesterday.)
    const yesterday = isoDay(fromToday(-1));
    await prisma().task.update({ where: { id: taskId }, data: { publicationDueOn: new Date(`${yesterday}T00:00:00Z`) } });

    // the third department's queue shows its overdue publication
    const late = await work(u.thirdAdmin, ['PUBLICATION_DUE']);
    expect(late.items).toMatchObject([{ kind: 'PUBLICATION_DUE', taskId, departmentId: third.id, dueOn: yesterday, overdue: true }]);
    expect(late.overdueCount).toBe(1);

    const thirdPubs = (await gqlOk<{ publishTaskPart: any[] }>(PUBLISH_TASK_PART, { taskId }, u.thirdAdmin)).publishTaskPart;
    expect(thirdPubs).toHaveLength(7);
    expect(thirdPubs.every((p) => p.onTime === false)).toBe(true);
    expect(thirdPubs.at(-1).record.task.status).toBe('PUBLISHED');
    const pubs = (await gqlOk<{ publications: { nodes: any[] } }>(`{ publications(perPage: 100) { totalCount nodes { onTime dueOn department { id } } } }`, {}, u.office)).publications.nodes;
    const tally = (id: string) => pubs.filter((p) => p.department.id === id).map((p) => p.onTime);
    expect(tally(lead.id)).toEqual(Array(7).fill(true));
    expect(tally(second.id)).toEqual(Array(7).fill(true));
    expect(tally(third.id)).toEqual(Array(7).fill(false));
    expect(await prisma().auditEvent.count({ where: { operation: 'task:RESULTS_ENTERED->PUBLISHED', entityId: taskId } })).toBe(1);
  });

  it('8. a correction: asked by the lead (idempotent retry), approved by its head; the original is kept and publicResults shows both', async () => {
    const rec = recordOf.get(drawn[4]!.target.id)!;
    correctedResultId = (
      await gqlOk<{ itemResults: { nodes: { id: string }[] } }>(
        `query($r: ID!) { itemResults(filter: { recordId: $r, departmentId: "${lead.id}" }) { nodes { id } } }`,
        { r: rec },
        u.leadAdmin,
      )
    ).itemResults.nodes[0]!.id;
    const input = { itemResultId: correctedResultId, newCode: 8, newNote: '复检后认定为待后续处理', reason: '检测报告批次录入错误，复检结论为待后续处理' };
    const key = 'acceptance-correction-0001';
    const asked = (await gqlOk<{ requestCorrection: any }>(REQUEST_CORRECTION, { input, key }, u.leadAdmin)).requestCorrection;
    expect(asked).toMatchObject({ status: 'REQUESTED', oldCode: 10, newCode: 8, itemResult: { id: correctedResultId, code: 10 } });
    // the retry replays the first answer; nothing is written twice
    const retry = (await gqlOk<{ requestCorrection: any }>(REQUEST_CORRECTION, { input, key }, u.leadAdmin)).requestCorrection;
    expect(retry.id).toBe(asked.id);
    expect(await prisma().correction.count()).toBe(1);
    expect(ext(await gql(REQUEST_CORRECTION, { input: { ...input, newCode: 5 }, key }, u.leadAdmin)).code).toBe('IDEMPOTENCY_KEY_REUSED');
    correctionId = asked.id;

    // the head sees it in the queue; the non-head admin, the office and another department's head cannot decide
    const queue = await work(u.leadHead, ['CORRECTION_TO_APPROVE']);
    expect(queue.items).toMatchObject([{ kind: 'CORRECTION_TO_APPROVE', entityId: correctionId, taskId, departmentId: lead.id }]);
    for (const h of [u.leadAdmin, u.office, u.secondHead])
      expect(ext(await gql(DECIDE_CORRECTION, { id: correctionId, approve: true }, h)).code).toBe('FORBIDDEN');
    const decided = (await gqlOk<{ decideCorrection: any }>(DECIDE_CORRECTION, { id: correctionId, approve: true, note: '经核实，同意更正' }, u.leadHead)).decideCorrection;
    expect(decided).toMatchObject({ status: 'APPROVED', oldCode: 10, newCode: 8, itemResult: { code: 10 } });

    const rows = (await gqlOk<{ publicResults: any }>(PUBLIC_RESULTS, { filter: { taskId }, perPage: 100 }, u.analyst)).publicResults;
    expect(rows.totalCount).toBe(21);
    const corrected = rows.nodes.filter((n: any) => n.correctedCode !== null);
    expect(corrected).toEqual([
      expect.objectContaining({ targetUscc: drawn[4]!.uscc, taskCode, code: 10, codeText: '不合格', correctedCode: 8, correctedCodeText: '发现问题待后续处理' }),
    ]);
    expect(corrected[0].correctedOn).toBe(isoDay(todayInChina()));
    // the original row never changed (and the database refuses to change it)
    expect((await prisma().itemResult.findUniqueOrThrow({ where: { id: correctedResultId } })).code).toBe(10);
    await expect(prisma().itemResult.update({ where: { id: correctedResultId }, data: { code: 8 } })).rejects.toThrow(/immutable/);
  });

  it('9. credit: events per the rule table (3/10 dishonesty, 4 abnormal list, 5/8/10 follow-up); risk classes change', async () => {
    const ev = (
      await gqlOk<{ creditEvents: { totalCount: number; nodes: any[] } }>(
        `{ creditEvents(perPage: 100) { totalCount nodes { kind resultCode active departmentId effectiveFrom effectiveTo note target { id } itemResult { id } } } }`,
        {},
        u.office,
      )
    ).creditEvents;
    const today = isoDay(todayInChina());
    const summary = (targetIndex: number) =>
      ev.nodes
        .filter((e) => e.target.id === drawn[targetIndex]!.target.id)
        .map((e) => `${e.kind}:${e.resultCode}:${e.departmentId === lead.id ? 'lead' : e.departmentId === second.id ? 'second' : 'third'}:${e.active ? 'active' : 'ended'}`)
        .sort();
    // A#1, code 4 from every department: on the abnormal-operations list, until repaired
    expect(summary(0)).toEqual(['ABNORMAL_OPERATIONS:4:lead:active', 'ABNORMAL_OPERATIONS:4:second:active', 'ABNORMAL_OPERATIONS:4:third:active']);
    // A#2: code 3 → dishonesty record; code 7 → nothing
    expect(summary(1)).toEqual(['DISHONESTY:3:lead:active']);
    // B#1: code 5 → follow-up (rectification already ordered); code 9 → nothing
    expect(summary(2)).toEqual(['FOLLOW_UP_REQUIRED:5:lead:active']);
    // B#2: code 8 of the second department → its follow-up
    expect(summary(3)).toEqual(['FOLLOW_UP_REQUIRED:8:second:active']);
    // C#1: code 10 → dishonesty and follow-up, both ended by the correction to 8, whose follow-up event starts today
    expect(summary(4)).toEqual(['DISHONESTY:10:lead:ended', 'FOLLOW_UP_REQUIRED:10:lead:ended', 'FOLLOW_UP_REQUIRED:8:lead:active']);
    expect(summary(5)).toEqual([]);
    expect(summary(6)).toEqual([]);
    expect(ev.totalCount).toBe(9);
    for (const e of ev.nodes) expect(e.effectiveFrom).toBe(today);
    const ended = ev.nodes.filter((e) => e.resultCode === 10);
    for (const e of ended) {
      expect(e.effectiveTo).toBe(today);
      expect(e.note).toMatch(/更正：检查结果 10 → 8/);
    }
    const dishonest = ev.nodes.find((e) => e.kind === 'DISHONESTY' && e.resultCode === 3)!;
    expect(Number(dishonest.effectiveTo.slice(0, 4)) - Number(today.slice(0, 4))).toBe(3); // 3 years

    // follow-ups: one per result of 5, 8, 10, owned by the result's department; the corrected one carries on
    const fu = (
      await gqlOk<{ followUps: { nodes: any[] } }>(
        `query($t: ID!) { followUps(filter: { taskId: $t }, perPage: 100) { nodes { id kind status dueOn department { id } target { id } itemResult { id code } } } }`,
        { t: taskId },
        u.office,
      )
    ).followUps.nodes;
    const fuOf = (i: number) => fu.filter((f) => f.target.id === drawn[i]!.target.id).map((f) => ({ kind: f.kind, status: f.status, dept: f.department.id, code: f.itemResult.code }));
    expect(fu).toHaveLength(3);
    expect(fuOf(2)).toEqual([{ kind: 'RECTIFICATION', status: 'IN_PROGRESS', dept: lead.id, code: 5 }]);
    expect(fuOf(3)).toEqual([{ kind: 'RECTIFICATION', status: 'OPEN', dept: second.id, code: 8 }]);
    expect(fuOf(4)).toEqual([{ kind: 'RECTIFICATION', status: 'OPEN', dept: lead.id, code: 10 }]);
    expect(fu.every((f) => f.dueOn > today)).toBe(true);

    // the effective class (the one draws stratify by) moved; the registered class did not
    const after = await Promise.all(drawn.map((t) => target(t.target.id)));
    expect(after.map((t) => t.riskClassBase)).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D']);
    expect(after.map((t) => t.riskClass)).toEqual(['C', 'D', 'C', 'C', 'C', 'C', 'D']);
    expect(after.map((t) => t.onAbnormalList)).toEqual([true, false, false, false, false, false, false]);
    // every class change is audited: A#1 A → C, A#2 A → D, C#1 C → D at publication and D → C at the correction
    const changes = await prisma().auditEvent.findMany({ where: { operation: 'recomputeRiskClass', entityId: { in: drawn.map((t) => t.target.id) } }, orderBy: { id: 'asc' } });
    const moves = (i: number) => changes.filter((c) => c.entityId === drawn[i]!.target.id).map((c) => `${(c.before as any)?.riskClass}->${(c.after as any)?.riskClass}`);
    expect(moves(0)).toEqual(['A->C']);
    expect(moves(1)).toEqual(['A->D']);
    expect(moves(4)).toEqual(['C->D', 'D->C']);
    expect(moves(5)).toEqual([]);
  });

  it('10. myWork: each department its follow-ups, the head nothing left to approve, the office every follow-up and the stalled task', async () => {
    const fuIds = async (headers: Headers) => (await work(headers, ['FOLLOW_UP_DUE'])).items.map((i: any) => `${i.departmentId === lead.id ? 'lead' : 'second'}:${i.taskId === taskId}`).sort();
    expect(await fuIds(u.leadAdmin)).toEqual(['lead:true', 'lead:true']);
    expect(await fuIds(u.secondAdmin)).toEqual(['second:true']);
    expect(await fuIds(u.thirdAdmin)).toEqual([]);
    expect((await work(u.leadHead, ['CORRECTION_TO_APPROVE'])).items).toEqual([]);
    const office = await work(u.office);
    expect(office.items.filter((i: any) => i.kind === 'FOLLOW_UP_DUE')).toHaveLength(3);
    // the task is published, but two targets could not be inspected (codes 4 and 7): stalled, to re-issue
    expect(office.items.filter((i: any) => i.kind === 'TASK_TO_REISSUE')).toMatchObject([{ entityType: 'Task', entityId: taskId, taskCode, departmentId: lead.id }]);
    // not the departments' business
    expect((await work(u.leadAdmin, ['TASK_TO_REISSUE'])).items).toEqual([]);
  });

  it('11. the office re-issues the task for the targets that could not be inspected; the participants accept', async () => {
    const window = { windowStart: isoDay(fromToday(1)), windowEnd: isoDay(fromToday(30)) };
    const input = { taskId, reason: '2 户无法联系或未发现本次抽查涉及的经营活动，重新派发', ...window, restrictToUninspected: true };
    expect(ext(await gql(`mutation($input: ReissueTaskInput!) { reissueTask(input: $input) { id } }`, { input }, u.leadAdmin)).code).toBe('FORBIDDEN');
    reissued = (await gqlOk<{ reissueTask: any }>(`mutation($input: ReissueTaskInput!) { reissueTask(input: $input) { ${TASK} } }`, { input }, u.office)).reissueTask;
    const uninspected = [drawn[0]!, drawn[1]!];
    expect(reissued).toMatchObject({
      code: `${taskCode}-R1`,
      status: 'INVITING',
      plan: { id: jointPlanId },
      leadDepartment: { id: lead.id },
      reissuedFrom: { id: taskId, status: 'REISSUED' },
      ratios: { A: 5000, B: 5000, C: 10_000, D: 10_000 },
      ...window,
    });
    expect([...reissued.scopeTargetIds].sort()).toEqual(uninspected.map((t) => t.target.id).sort());
    // the restricted targets, as they are now: A#1 in C, A#2 in D
    expect(reissued.restrictedTargets.map((t: any) => [t.uscc, t.riskClass])).toEqual(
      uninspected.map((t) => [t.uscc, t === drawn[0] ? 'C' : 'D']).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );
    const byDept = Object.fromEntries(reissued.participants.map((p: any) => [p.department.id, p]));
    for (const d of [second, third]) expect(byDept[d.id]).toMatchObject({ acceptance: 'PENDING', items: [{ checkItem: { id: items[d.id] } }] });
    const original = (await gqlOk<{ task: any }>(`query($id: ID!) { task(id: $id) { status reissuedAt reissues { id } allowedTransitions } }`, { id: taskId }, u.office)).task;
    expect(original).toMatchObject({ status: 'REISSUED', reissues: [{ id: reissued.id }], allowedTransitions: [] });
    expect(original.reissuedAt).not.toBeNull();
    const ev = await prisma().auditEvent.findFirstOrThrow({ where: { entityId: taskId, operation: 'reissueTask' } });
    expect(JSON.stringify(ev.after)).toContain('TARGETS_NOT_INSPECTED');
    // the stalled task left the office's queue; the new invitation is in the participants'
    expect((await work(u.office, ['TASK_TO_REISSUE'])).items).toEqual([]);
    expect((await work(u.secondAdmin, ['TASK_TO_ACCEPT'])).items).toMatchObject([{ taskId: reissued.id }]);

    const ACCEPT = `mutation($id: ID!) { acceptTask(taskId: $id) { status } }`;
    await gqlOk(ACCEPT, { id: reissued.id }, u.secondAdmin);
    expect((await gqlOk<{ acceptTask: any }>(ACCEPT, { id: reissued.id }, u.thirdAdmin)).acceptTask.status).toBe('READY');
  });

  it("12. the new task's draw: candidates are only those targets, each in the stratum of its new class", async () => {
    const c = (await gqlOk<{ commitTargetDraw: any }>(COMMIT_TARGET, { taskId: reissued.id, src: '现场观察员读数' }, u.leadAdmin)).commitTargetDraw;
    expect(c.draw.candidateCount).toBe(2);
    // the strata of the parameters: nothing left in A, the two targets now in C and D
    const strata = JSON.parse(c.draw.params).strata;
    expect(Object.fromEntries(Object.entries(strata).map(([k, v]: [string, any]) => [k, v.n]))).toEqual({ A: 0, B: 0, C: 1, D: 1 });
    await gqlOk(REVEAL, { id: c.draw.id, input: '福彩3D 2026320 733' }, u.leadAdmin);
    await gqlOk(LOCK, { id: c.draw.id }, u.leadAdmin);

    const e = (await gqlOk<{ drawEvidence: DrawEvidence }>(EVIDENCE, { id: c.draw.id }, u.analyst)).drawEvidence;
    expect(verifyEvidence(e)).toMatchObject({ ok: true });
    expect(e.candidates).toEqual([`${drawn[0]!.uscc},C`, `${drawn[1]!.uscc},D`].sort());
    const d = (await gqlOk<{ draw: any }>(DRAW_TARGETS, { id: c.draw.id }, u.secondAdmin)).draw;
    expect(d.task.status).toBe('DRAWN');
    expect(d.targets.map((t: any) => [t.uscc, t.stratum])).toEqual([
      [drawn[0]!.uscc, 'C'], // was drawn in stratum A: now on the abnormal-operations list
      [drawn[1]!.uscc, 'D'], // was drawn in stratum A: now holds a dishonesty record
    ]);
    // the second locked draw of the year for both; a third would be refused by the twice-a-year rule
    const times = await gqlOk<{ targets: { nodes: { id: string; timesDrawnInYear: number }[] } }>(
      `query($ids: [ID!]) { targets(filter: { ids: $ids }) { nodes { id timesDrawnInYear(year: ${YEAR}) } } }`,
      { ids: [drawn[0]!.target.id, drawn[1]!.target.id] },
      u.office,
    );
    expect(times.targets.nodes.map((n) => n.timesDrawnInYear)).toEqual([2, 2]);
  });
});
