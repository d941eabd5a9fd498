// Plans through GraphQL: drafts, submission (due 20 January), the joint plan compiled by the office, publication
// as frozen versions, adjustments with reasons and their history, the GENERAL-item cap, who may act for which
// department; and the office's two planning queries on hand-built data whose answers are known.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../server/src/db/database.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { gql, gqlOk } from '../helpers/graphql.ts';
import { bulkOpportunityScenario, jointTaskYear, opportunityScenario, planningScenario } from '../fixtures/planning.ts';

useTestDatabase();
let s: Awaited<ReturnType<typeof planningScenario>>;
beforeAll(async () => {
  s = await planningScenario();
});

const err = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions ?? {};

const PLAN_FIELDS = `id name year kind mode status version windowStart windowEnd frequencyPerYear
  ratios { A B C D } scope { industryCodes regionCodes targetTypes keywords } description
  department { code } participants { role department { code } } items { ratioBp checkItem { code } }
  submittedAt submittedLate`;
const CREATE = `mutation($input: CreatePlanInput!) { createPlan(input: $input) { ${PLAN_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdatePlanInput!) { updatePlan(id: $id, input: $input) { ${PLAN_FIELDS} } }`;
const SUBMIT = `mutation($id: ID!) { submitPlan(id: $id) { ${PLAN_FIELDS} } }`;
const PUBLISH = `mutation($id: ID!) { publishPlan(id: $id) { ${PLAN_FIELDS} versions { version reason snapshot publishedById } } }`;
const ADJUST = `mutation($id: ID!, $reason: String!, $changes: UpdatePlanInput!) {
  adjustPlan(id: $id, reason: $reason, changes: $changes) { ${PLAN_FIELDS} versions { version reason snapshot publishedAt } }
}`;

const planInput = (over: Record<string, unknown> = {}) => ({
  name: '市场监管局 2099 年度抽查计划',
  year: 2099,
  kind: 'DEPARTMENT',
  departmentId: s.departments.scjg.id,
  mode: 'RISK_BASED',
  windowStart: '2099-03-01',
  windowEnd: '2099-11-30',
  frequencyPerYear: 2,
  ratios: { A: 300, B: 500, C: 1000, D: 2000 },
  scope: { industryCodes: [' c13', 'C14', 'C13'], regionCodes: ['370687'], targetTypes: ['ENTERPRISE'], keywords: ['食品'] },
  items: [
    { checkItemId: s.items.scjgKey.id },
    { checkItemId: s.items.scjgGen.id, ratioBp: 500 },
  ],
  ...over,
});

const codes = (p: any) => p.items.map((i: any) => `${i.checkItem.code}:${i.ratioBp}`).sort();

describe('departmental plans', () => {
  let planId: string;

  it('a department admin creates a draft for its own department, led by it; scope is normalised', async () => {
    const r = await gqlOk(CREATE, { input: planInput() }, s.actors.scjgAdmin.headers);
    const p = r.createPlan;
    expect(p).toMatchObject({
      kind: 'DEPARTMENT',
      status: 'DRAFT',
      version: 0,
      windowStart: '2099-03-01',
      windowEnd: '2099-11-30',
      frequencyPerYear: 2,
      ratios: { A: 300, B: 500, C: 1000, D: 2000 },
      scope: { industryCodes: ['C13', 'C14'], regionCodes: ['370687'], targetTypes: ['ENTERPRISE'], keywords: ['食品'] },
      department: { code: 'SCJG' },
      participants: [{ role: 'LEAD', department: { code: 'SCJG' } }],
      submittedAt: null,
      submittedLate: null,
    });
    expect(codes(p)).toEqual(['SCJG-G1:500', 'SCJG-K1:null']);
    planId = p.id;
  });

  it('refuses a plan for another department, and a joint plan, from a department admin', async () => {
    const other = await gql(CREATE, { input: planInput({ departmentId: s.departments.yjgl.id, items: [] }) }, s.actors.scjgAdmin.headers);
    expect(err(other)).toMatchObject({ code: 'FORBIDDEN', field: 'input.departmentId', reason: 'OTHER_DEPARTMENT' });
    const joint = await gql(CREATE, { input: planInput({ kind: 'JOINT', departmentId: null, items: [] }) }, s.actors.scjgAdmin.headers);
    expect(err(joint)).toMatchObject({ code: 'FORBIDDEN', reason: 'OFFICE_ONLY' });
    const inspector = await gql(CREATE, { input: planInput() }, s.actors.inspector.headers);
    expect(err(inspector)).toMatchObject({ code: 'FORBIDDEN', reason: 'SCOPE' });
  });

  it('a GENERAL item above its cap is refused, naming the item by position', async () => {
    const r = await gql(
      CREATE,
      { input: planInput({ items: [{ checkItemId: s.items.scjgKey.id, ratioBp: 9000 }, { checkItemId: s.items.scjgGen2.id, ratioBp: 1000 }, { checkItemId: s.items.scjgGen.id, ratioBp: 501 }] }) },
      s.actors.scjgAdmin.headers,
    );
    expect(err(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.items[2].ratioBp', reason: 'RATIO_ABOVE_CAP' });
    expect(r.errors![0]!.message).toContain('SCJG-G1');
    const missing = await gql(CREATE, { input: planInput({ items: [{ checkItemId: s.items.scjgGen.id }] }) }, s.actors.scjgAdmin.headers);
    expect(err(missing)).toMatchObject({ field: 'input.items[0].ratioBp', reason: 'RATIO_REQUIRED' });
  });

  it('validates window, ratios, frequency, scope and items', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ windowEnd: '2099-02-01' }, 'input.windowEnd', 'WINDOW_ORDER'],
      [{ windowStart: '2098-12-01' }, 'input.windowStart', 'OUTSIDE_YEAR'],
      [{ ratios: { A: 300, B: 500, C: 10_001, D: 2000 } }, 'input.ratios.C', 'RATIO_RANGE'],
      [{ frequencyPerYear: 0 }, 'input.frequencyPerYear', 'FREQUENCY'],
      [{ scope: { industryCodes: ['C13', '13C'] } }, 'input.scope.industryCodes[1]', 'SCOPE_FORMAT'],
      [{ scope: { regionCodes: ['37-06'] } }, 'input.scope.regionCodes[0]', 'SCOPE_FORMAT'],
      [{ items: [{ checkItemId: s.items.scjgKey.id }, { checkItemId: s.items.scjgKey.id }] }, 'input.items[1].checkItemId', 'DUPLICATE'],
      [{ items: [{ checkItemId: s.items.scjgOld.id, ratioBp: 100 }] }, 'input.items[0].checkItemId', 'ITEM_INACTIVE'],
      [{ items: [{ checkItemId: s.items.yjglKey.id }] }, 'input.items[0].checkItemId', 'ITEM_DEPARTMENT_NOT_IN_PLAN'],
      [{ leadDepartmentId: s.departments.yjgl.id }, 'input.leadDepartmentId', 'LEAD_NOT_OWNER'],
      [{ participantDepartmentIds: [s.departments.old.id] }, 'input.participantDepartmentIds[0]', 'DEPARTMENT_INACTIVE'],
    ];
    for (const [over, field, reason] of cases) {
      const r = await gql(CREATE, { input: planInput(over) }, s.actors.scjgAdmin.headers);
      expect(err(r), JSON.stringify(over)).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    }
    expect(await prisma().plan.count()).toBe(1);
  });

  it('a participant department brings its items in', async () => {
    const r = await gqlOk(
      UPDATE,
      { id: planId, input: { participantDepartmentIds: [s.departments.yjgl.id], items: [{ checkItemId: s.items.scjgKey.id }, { checkItemId: s.items.yjglGen.id, ratioBp: 300 }] } },
      s.actors.scjgAdmin.headers,
    );
    expect(r.updatePlan.participants.map((p: any) => `${p.role}:${p.department.code}`).sort()).toEqual(['LEAD:SCJG', 'PARTICIPANT:YJGL']);
    expect(codes(r.updatePlan)).toEqual(['SCJG-K1:null', 'YJGL-G1:300']);
  });

  it('update checks the cap too, and only the owning department (or the office) may update', async () => {
    const r = await gql(UPDATE, { id: planId, input: { items: [{ checkItemId: s.items.yjglGen.id, ratioBp: 301 }] } }, s.actors.scjgAdmin.headers);
    expect(err(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.items[0].ratioBp', reason: 'RATIO_ABOVE_CAP' });
    const other = await gql(UPDATE, { id: planId, input: { name: 'x' } }, s.actors.yjglAdmin.headers);
    expect(err(other)).toMatchObject({ code: 'FORBIDDEN', reason: 'OTHER_DEPARTMENT' });
    const office = await gqlOk(UPDATE, { id: planId, input: { name: '市场监管局 2099 年度抽查计划（修订）', description: '含本部门牵头的联合抽查' } }, s.actors.office.headers);
    expect(office.updatePlan).toMatchObject({ name: '市场监管局 2099 年度抽查计划（修订）', description: '含本部门牵头的联合抽查' });
    expect(codes(office.updatePlan)).toEqual(['SCJG-K1:null', 'YJGL-G1:300']);
  });

  it('submits the draft (on time for 2099) and then refuses edits', async () => {
    const r = await gqlOk(SUBMIT, { id: planId }, s.actors.scjgAdmin.headers);
    expect(r.submitPlan).toMatchObject({ status: 'SUBMITTED', submittedLate: false });
    expect(Date.parse(r.submitPlan.submittedAt)).toBeGreaterThan(Date.now() - 60_000);
    const edit = await gql(UPDATE, { id: planId, input: { name: 'x' } }, s.actors.scjgAdmin.headers);
    expect(err(edit)).toMatchObject({ code: 'INVALID_TRANSITION', current: 'SUBMITTED', requested: 'DRAFT' });
    const again = await gql(SUBMIT, { id: planId }, s.actors.scjgAdmin.headers);
    expect(err(again)).toMatchObject({ code: 'INVALID_TRANSITION', current: 'SUBMITTED', requested: 'SUBMITTED' });
  });

  it('a plan submitted after 20 January of its year is accepted and flagged late', async () => {
    const late = await gqlOk(
      CREATE,
      { input: planInput({ name: '应急 2024', year: 2024, departmentId: s.departments.yjgl.id, windowStart: '2024-03-01', windowEnd: '2024-10-31', items: [{ checkItemId: s.items.yjglKey.id }] }) },
      s.actors.yjglAdmin.headers,
    );
    const r = await gqlOk(SUBMIT, { id: late.createPlan.id }, s.actors.yjglAdmin.headers);
    expect(r.submitPlan).toMatchObject({ status: 'SUBMITTED', submittedLate: true });
    const empty = await gqlOk(CREATE, { input: planInput({ name: '空计划', year: 2099, departmentId: s.departments.wjj.id, items: [] }) }, s.actors.wjjAdmin.headers);
    const e = await gql(SUBMIT, { id: empty.createPlan.id }, s.actors.wjjAdmin.headers);
    expect(err(e)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PLAN_EMPTY' });
  });

  it('publishing freezes version 1; a published plan cannot be edited', async () => {
    const r = await gqlOk(PUBLISH, { id: planId }, s.actors.scjgAdmin.headers);
    const p = r.publishPlan;
    expect(p).toMatchObject({ status: 'PUBLISHED', version: 1 });
    expect(p.versions).toHaveLength(1);
    expect(p.versions[0]).toMatchObject({ version: 1, reason: null, publishedById: s.actors.scjgAdmin.userId });
    expect(p.versions[0].snapshot).toMatchObject({
      version: 1,
      window: { start: '2099-03-01', end: '2099-11-30' },
      ratiosBp: { A: 300, B: 500, C: 1000, D: 2000 },
      participants: [{ code: 'SCJG', role: 'LEAD' }, { code: 'YJGL', role: 'PARTICIPANT' }],
      items: [{ code: 'SCJG-K1', ratioBp: null }, { code: 'YJGL-G1', ratioBp: 300, ratioCapBp: 300, category: 'GENERAL' }],
    });
    const edit = await gql(UPDATE, { id: planId, input: { name: 'x' } }, s.actors.office.headers);
    expect(err(edit)).toMatchObject({ code: 'INVALID_TRANSITION', current: 'PUBLISHED' });
    const again = await gql(PUBLISH, { id: planId }, s.actors.office.headers);
    expect(err(again)).toMatchObject({ code: 'INVALID_TRANSITION', current: 'PUBLISHED' });
  });

  it('an adjustment needs a reason, a real change, the cap respected, and the owning department', async () => {
    const blank = await gql(ADJUST, { id: planId, reason: '   ', changes: { windowEnd: '2099-10-31' } }, s.actors.scjgAdmin.headers);
    expect(err(blank)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason', reason: 'REQUIRED' });
    const same = await gql(ADJUST, { id: planId, reason: '无变化', changes: { windowEnd: '2099-11-30' } }, s.actors.scjgAdmin.headers);
    expect(err(same)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'changes', reason: 'NO_CHANGES' });
    const cap = await gql(
      ADJUST,
      { id: planId, reason: '提高比例', changes: { items: [{ checkItemId: s.items.scjgKey.id, ratioBp: 5000 }, { checkItemId: s.items.yjglGen.id, ratioBp: 400 }] } },
      s.actors.scjgAdmin.headers,
    );
    expect(err(cap)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'changes.items[1].ratioBp', reason: 'RATIO_ABOVE_CAP' });
    const other = await gql(ADJUST, { id: planId, reason: '越权', changes: { windowEnd: '2099-10-31' } }, s.actors.yjglAdmin.headers);
    expect(err(other)).toMatchObject({ code: 'FORBIDDEN', reason: 'OTHER_DEPARTMENT' });
    const draft = await prisma().plan.findFirstOrThrow({ where: { status: 'DRAFT', departmentId: s.departments.wjj.id } });
    const notPublished = await gql(ADJUST, { id: draft.id, reason: '调整', changes: { name: 'x' } }, s.actors.wjjAdmin.headers);
    expect(err(notPublished)).toMatchObject({ code: 'INVALID_TRANSITION', current: 'DRAFT' });
    const p = await prisma().plan.findUniqueOrThrow({ where: { id: planId } });
    expect(p.version).toBe(1);
  });

  it('two adjustments publish versions 2 and 3; the history keeps every version with its reason', async () => {
    const a1 = await gqlOk(ADJUST, { id: planId, reason: '省局部署专项整治，检查时间提前结束', changes: { windowEnd: '2099-10-31' } }, s.actors.scjgAdmin.headers);
    expect(a1.adjustPlan).toMatchObject({ status: 'PUBLISHED', version: 2, windowEnd: '2099-10-31' });
    const a2 = await gqlOk(
      ADJUST,
      {
        id: planId,
        reason: '新增一般事项并提高 D 类比例',
        changes: { ratios: { A: 300, B: 500, C: 1000, D: 3000 }, items: [{ checkItemId: s.items.scjgKey.id }, { checkItemId: s.items.yjglGen.id, ratioBp: 300 }, { checkItemId: s.items.scjgGen.id, ratioBp: 400 }] },
      },
      s.actors.office.headers,
    );
    const p = a2.adjustPlan;
    expect(p).toMatchObject({ version: 3, ratios: { D: 3000 }, windowEnd: '2099-10-31' });
    expect(p.versions.map((v: any) => [v.version, v.reason])).toEqual([
      [3, '新增一般事项并提高 D 类比例'],
      [2, '省局部署专项整治，检查时间提前结束'],
      [1, null],
    ]);
    const [v3, v2, v1] = p.versions.map((v: any) => v.snapshot);
    expect([v1.window.end, v2.window.end, v3.window.end]).toEqual(['2099-11-30', '2099-10-31', '2099-10-31']);
    expect([v1.ratiosBp.D, v2.ratiosBp.D, v3.ratiosBp.D]).toEqual([2000, 2000, 3000]);
    expect(v3.items.map((i: any) => i.code)).toEqual(['SCJG-G1', 'SCJG-K1', 'YJGL-G1']);
    expect(v2.items.map((i: any) => i.code)).toEqual(['SCJG-K1', 'YJGL-G1']);
    const audits = await prisma().auditEvent.findMany({ where: { entity: 'Plan', entityId: planId, operation: 'adjustPlan' }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => (a.after as any).reason)).toEqual(['省局部署专项整治，检查时间提前结束', '新增一般事项并提高 D 类比例']);
  });

  it('others read the published plan and its history; unpublished plans of other departments stay hidden', async () => {
    const r = await gqlOk(`query($id: ID!) { plan(id: $id) { version versions { version } } }`, { id: planId }, s.actors.analyst.headers);
    expect(r.plan.versions.map((v: any) => v.version)).toEqual([3, 2, 1]);
    const draft = await prisma().plan.findFirstOrThrow({ where: { status: 'DRAFT', departmentId: s.departments.wjj.id } });
    const hidden = await gql(`query($id: ID!) { plan(id: $id) { id } }`, { id: draft.id }, s.actors.scjgAdmin.headers);
    expect(err(hidden).code).toBe('FORBIDDEN');
  });
});

describe('the joint annual plan', () => {
  const COMPILE = `mutation($year: Int!) { compileJointPlan(year: $year) { ${PLAN_FIELDS} compiledFrom { id department { code } } } }`;
  let jointId: string;
  let wjjPlan: string;
  let swjPlan: string;

  beforeAll(async () => {
    // 2098: WJJ submits; SWJ publishes its own plan; JTJ only drafts (not compiled). 2099 plans are another year.
    const w = await gqlOk(
      CREATE,
      {
        input: planInput({
          name: '卫健 2098', year: 2098, departmentId: s.departments.wjj.id, windowStart: '2098-04-01', windowEnd: '2098-06-30', ratios: { A: 200, B: 400, C: 800, D: 1600 },
          scope: { industryCodes: ['H62'], regionCodes: [] }, participantDepartmentIds: [s.departments.scjg.id],
          items: [{ checkItemId: s.items.wjjGen.id, ratioBp: 500 }, { checkItemId: s.items.scjgGen.id, ratioBp: 300 }],
        }),
      },
      s.actors.wjjAdmin.headers,
    );
    wjjPlan = w.createPlan.id;
    await gqlOk(SUBMIT, { id: wjjPlan }, s.actors.wjjAdmin.headers);
    const sw = await gqlOk(
      CREATE,
      {
        input: planInput({
          name: '税务 2098', year: 2098, departmentId: s.departments.swj.id, windowStart: '2098-03-01', windowEnd: '2098-09-30', ratios: { A: 500, B: 300, C: 1200, D: 1000 },
          scope: { industryCodes: ['F52'], regionCodes: [], targetTypes: [], keywords: ['成品油'] }, frequencyPerYear: 3,
          items: [{ checkItemId: s.items.swjKey.id }],
        }),
      },
      s.actors.office.headers,
    );
    swjPlan = sw.createPlan.id;
    await gqlOk(PUBLISH, { id: swjPlan }, s.actors.office.headers);
    await gqlOk(CREATE, { input: planInput({ name: '交通 2098', year: 2098, departmentId: s.departments.jtj.id, windowStart: '2098-01-01', windowEnd: '2098-12-31', items: [] }) }, s.actors.office.headers);
  });

  it('only the office compiles, and only from submitted or published plans', async () => {
    expect(err(await gql(COMPILE, { year: 2098 }, s.actors.scjgAdmin.headers))).toMatchObject({ code: 'FORBIDDEN', reason: 'SCOPE' });
    expect(err(await gql(COMPILE, { year: 2097 }, s.actors.office.headers))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year', reason: 'NO_SUBMITTED_PLANS' });
  });

  it('compiles a joint draft linking the departmental plans, with their departments and items', async () => {
    const r = await gqlOk(COMPILE, { year: 2098 }, s.actors.office.headers);
    const j = r.compileJointPlan;
    jointId = j.id;
    expect(j).toMatchObject({
      kind: 'JOINT',
      status: 'DRAFT',
      version: 0,
      mode: 'COMPREHENSIVE',
      department: { code: 'SCJG' },
      windowStart: '2098-03-01',
      windowEnd: '2098-09-30',
      frequencyPerYear: 3,
      ratios: { A: 500, B: 400, C: 1200, D: 1600 },
      // both sources restrict industry: the union; region is left open by both; types open in one → open; keywords open in WJJ's → open
      scope: { industryCodes: ['F52', 'H62'], regionCodes: [], targetTypes: [], keywords: [] },
    });
    expect(j.compiledFrom.map((p: any) => p.department.code).sort()).toEqual(['SWJ', 'WJJ']);
    expect(j.participants.map((p: any) => `${p.role}:${p.department.code}`).sort()).toEqual(['LEAD:SCJG', 'PARTICIPANT:SWJ', 'PARTICIPANT:WJJ']);
    expect(codes(j)).toEqual(['SCJG-G1:300', 'SWJ-K1:null', 'WJJ-G1:500']);
    const linked = await prisma().plan.findMany({ where: { year: 2098, kind: 'DEPARTMENT' }, select: { name: true, jointPlanId: true }, orderBy: { name: 'asc' } });
    expect(linked).toEqual([
      { name: '交通 2098', jointPlanId: null },
      { name: '卫健 2098', jointPlanId: jointId },
      { name: '税务 2098', jointPlanId: jointId },
    ]);
  });

  it('recompiling refills the same draft; the office may edit it, a department may not', async () => {
    const again = await gqlOk(COMPILE, { year: 2098 }, s.actors.office.headers);
    expect(again.compileJointPlan.id).toBe(jointId);
    const dept = await gql(UPDATE, { id: jointId, input: { name: 'x' } }, s.actors.wjjAdmin.headers);
    expect(err(dept)).toMatchObject({ code: 'FORBIDDEN', reason: 'OFFICE_ONLY' });
    const submit = await gql(SUBMIT, { id: jointId }, s.actors.office.headers);
    expect(err(submit)).toMatchObject({ code: 'INVALID_TRANSITION', reason: 'JOINT_PLAN' });
    const ok = await gqlOk(UPDATE, { id: jointId, input: { name: '2098 年度部门联合抽查计划', windowStart: '2098-02-20' } }, s.actors.office.headers);
    expect(ok.updatePlan).toMatchObject({ name: '2098 年度部门联合抽查计划', windowStart: '2098-02-20' });
  });

  it('the office publishes it as version 1; compiling again is refused, adjusting works', async () => {
    const r = await gqlOk(PUBLISH, { id: jointId }, s.actors.office.headers);
    expect(r.publishPlan).toMatchObject({ status: 'PUBLISHED', version: 1 });
    expect(r.publishPlan.versions[0].snapshot.compiledFrom.map((c: any) => c.department).sort()).toEqual(['SWJ', 'WJJ']);
    const again = await gql(COMPILE, { year: 2098 }, s.actors.office.headers);
    expect(err(again)).toMatchObject({ code: 'CONFLICT', reason: 'JOINT_PLAN_PUBLISHED' });
    // The published joint plan does not reveal WJJ's submitted-but-unpublished plan to others.
    const q = `query($id: ID!) { plan(id: $id) { compiledFrom { department { code } status } } }`;
    const analyst = await gqlOk(q, { id: jointId }, s.actors.analyst.headers);
    expect(analyst.plan.compiledFrom).toEqual([{ department: { code: 'SWJ' }, status: 'PUBLISHED' }]);
    const wjj = await gqlOk(q, { id: jointId }, s.actors.wjjAdmin.headers);
    expect(wjj.plan.compiledFrom.map((p: any) => p.department.code).sort()).toEqual(['SWJ', 'WJJ']);
    const dept = await gql(ADJUST, { id: jointId, reason: '调整', changes: { name: 'x' } }, s.actors.wjjAdmin.headers);
    expect(err(dept)).toMatchObject({ code: 'FORBIDDEN', reason: 'OFFICE_ONLY' });
    const adj = await gqlOk(ADJUST, { id: jointId, reason: '交通局加入', changes: { participantDepartmentIds: [s.departments.wjj.id, s.departments.swj.id, s.departments.jtj.id] } }, s.actors.office.headers);
    expect(adj.adjustPlan.version).toBe(2);
    expect(adj.adjustPlan.participants).toHaveLength(4);
  });
});

describe('office queries', () => {
  const WITHOUT = `query($year: Int!) { departmentsWithoutJointTask(year: $year) { code } }`;
  const OPPS = `query($year: Int!, $min: Int) {
    jointOpportunities(year: $year, minTargets: $min) { windowStart windowEnd targetCount plans { name department { code } } sampleTargets { name riskClass } }
  }`;
  let o: Awaited<ReturnType<typeof opportunityScenario>>;

  beforeAll(async () => {
    await jointTaskYear(s.departments);
    o = await opportunityScenario(s.departments);
  });

  it('departments that have neither led nor joined a joint task in the year', async () => {
    const r = await gqlOk(WITHOUT, { year: 2023 }, s.actors.office.headers);
    expect(r.departmentsWithoutJointTask.map((d: any) => d.code)).toEqual(['SWJ', 'JTJ']);
    const noTasks = await gqlOk(WITHOUT, { year: 2021 }, s.actors.office.headers);
    expect(noTasks.departmentsWithoutJointTask.map((d: any) => d.code)).toEqual(['SCJG', 'YJGL', 'WJJ', 'SWJ', 'JTJ']);
    expect(err(await gql(WITHOUT, { year: 2023 }, s.actors.scjgAdmin.headers))).toMatchObject({ code: 'FORBIDDEN', reason: 'SCOPE' });
  });

  const shape = (x: any) => ({
    plans: x.plans.map((p: any) => p.name).sort().join('+'),
    window: `${x.windowStart}…${x.windowEnd}`,
    n: x.targetCount,
    sample: x.sampleTargets.map((t: any) => t.name.slice(0, 2)),
  });

  it('pairs published plans of different departments with overlapping windows and common targets', async () => {
    const r = await gqlOk(OPPS, { year: 2024 }, s.actors.office.headers);
    const got = r.jointOpportunities.map(shape);
    expect(got.slice(0, 2).sort((a: any, b: any) => a.plans.localeCompare(b.plans))).toEqual([
      { plans: '计划 A+计划 B', window: '2024-05-01…2024-06-30', n: 2, sample: ['T1', 'T2'] },
      { plans: '计划 B+计划 F', window: '2024-05-01…2024-05-31', n: 2, sample: ['T1', 'T2'] },
    ]);
    expect(got.slice(2).sort((a: any, b: any) => a.plans.localeCompare(b.plans))).toEqual([
      { plans: '计划 A+计划 C', window: '2024-06-15…2024-06-30', n: 1, sample: ['T2'] },
      { plans: '计划 B+计划 C', window: '2024-06-15…2024-07-31', n: 1, sample: ['T2'] },
    ]);
    const risk = r.jointOpportunities[0].sampleTargets.map((t: any) => t.riskClass);
    expect(risk).toEqual(['D', 'A']);
    const min2 = await gqlOk(OPPS, { year: 2024, min: 2 }, s.actors.office.headers);
    expect(min2.jointOpportunities).toHaveLength(2);
    const none = await gqlOk(OPPS, { year: 2023 }, s.actors.office.headers);
    expect(none.jointOpportunities).toEqual([]);
    expect(err(await gql(OPPS, { year: 2024 }, s.actors.analyst.headers))).toMatchObject({ code: 'FORBIDDEN', reason: 'SCOPE' });
    expect(o.plans.G.status).toBe('DRAFT');
  });

  it('costs a fixed number of statements, however many opportunities', async () => {
    const r = await gql(OPPS, { year: 2024 }, s.actors.office.headers);
    expect(r.errors).toBeUndefined();
    // the year's plans, the pairing statement, the plans with their departments (one statement, lateral joins),
    // the sample targets
    expect(r.statements).toBeLessThanOrEqual(4);
  });

  it('stays set-based on a larger population', async () => {
    const n = 6000;
    const { expected } = await bulkOpportunityScenario(s.departments, n, 2025);
    const t0 = Date.now();
    const r = await gqlOk(`{ jointOpportunities(year: 2025) { targetCount sampleTargets { id } } }`, undefined, s.actors.office.headers);
    const ms = Date.now() - t0;
    expect(r.jointOpportunities).toHaveLength(1);
    expect(r.jointOpportunities[0].targetCount).toBe(expected);
    expect(r.jointOpportunities[0].sampleTargets).toHaveLength(20);
    expect(ms).toBeLessThan(15_000);
  }, 120_000);
});
