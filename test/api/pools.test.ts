// The two pools through GraphQL: target pools and sub-pools, targets (USCC, industry and region codes), pool
// membership, inspector pools, inspectors, leave windows, recusals, the pool refresh confirmation (两库更新确认)
// with its configurable age, and the department boundary on every change.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../server/src/db/database.ts';
import { poolConfirmationStatus } from '../../server/src/modules/pool/pool.service.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { gql } from '../helpers/graphql.ts';
import { badChecksum, importUscc, poolsScenario } from '../fixtures/pools.ts';

useTestDatabase();
let s: Awaited<ReturnType<typeof poolsScenario>>;

beforeAll(async () => {
  s = await poolsScenario();
});

const code = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions?.code;
const ext = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions ?? {};

const CREATE_POOL = `mutation($input: CreateTargetPoolInput!) { createTargetPool(input: $input) { id name domain parent { id } department { id } } }`;
const CREATE_TARGET = `mutation($input: CreateTargetInput!) { createTarget(input: $input) { id uscc name industryCode regionCode riskClass type pools { id } } }`;

describe('target pools', () => {
  it('a department admin creates pools and sub-pools for its own department only', async () => {
    const own = await gql(CREATE_POOL, { input: { departmentId: s.departments.scjg.id, name: '食品经营主体库', domain: '食品' } }, s.actors.scjgAdmin.headers);
    expect(own.errors).toBeUndefined();
    expect(own.data.createTargetPool).toMatchObject({ name: '食品经营主体库', domain: '食品', parent: null });

    const sub = await gql(CREATE_POOL, { input: { departmentId: s.departments.scjg.id, name: '餐饮服务分库', domain: '餐饮', parentId: own.data.createTargetPool.id } }, s.actors.scjgAdmin.headers);
    expect(sub.data.createTargetPool.parent.id).toBe(own.data.createTargetPool.id);

    const foreign = await gql(CREATE_POOL, { input: { departmentId: s.departments.wjj.id, name: '越权库' } }, s.actors.scjgAdmin.headers);
    expect(code(foreign)).toBe('FORBIDDEN');
    expect(ext(foreign).reason).toBe('FOREIGN_DEPARTMENT');

    const crossParent = await gql(CREATE_POOL, { input: { departmentId: s.departments.wjj.id, name: '跨部门分库', parentId: own.data.createTargetPool.id } }, s.actors.office.headers);
    expect(ext(crossParent)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parentId', reason: 'PARENT_DEPARTMENT' });

    const dup = await gql(CREATE_POOL, { input: { departmentId: s.departments.scjg.id, name: '食品经营主体库' } }, s.actors.office.headers);
    expect(code(dup)).toBe('CONFLICT');

    const inspector = await gql(CREATE_POOL, { input: { departmentId: s.departments.scjg.id, name: '检查员建库' } }, s.actors.scjgInspector.headers);
    expect(code(inspector)).toBe('FORBIDDEN');
    expect(await prisma().targetPool.count({ where: { name: { in: ['越权库', '跨部门分库', '检查员建库'] } } })).toBe(0);
  });

  it('renames a pool; the name is unique within the department', async () => {
    const pool = await prisma().targetPool.create({ data: { departmentId: s.departments.wjj.id, name: '待改名库' } });
    const r = await gql(`mutation($id: ID!) { renameTargetPool(id: $id, name: "公共场所名录库", domain: "公共卫生") { name domain } }`, { id: pool.id }, s.actors.wjjAdmin.headers);
    expect(r.data.renameTargetPool).toEqual({ name: '公共场所名录库', domain: '公共卫生' });
    const taken = await gql(`mutation($id: ID!) { renameTargetPool(id: $id, name: "医疗机构名录库") { name } }`, { id: pool.id }, s.actors.wjjAdmin.headers);
    expect(code(taken)).toBe('CONFLICT');
    const foreign = await gql(`mutation($id: ID!) { renameTargetPool(id: $id, name: "越权改名") { name } }`, { id: pool.id }, s.actors.scjgAdmin.headers);
    expect(code(foreign)).toBe('FORBIDDEN');
  });
});

describe('targets', () => {
  it('creates a target with a normalised USCC, in the pool and its parent pools', async () => {
    const parent = await prisma().targetPool.create({ data: { departmentId: s.departments.scjg.id, name: '药品经营主体库' } });
    const sub = await prisma().targetPool.create({ data: { departmentId: s.departments.scjg.id, name: '药品零售分库', parentId: parent.id } });
    const uscc = importUscc(101);
    const messy = ` ${uscc.slice(0, 6).toLowerCase()} ${uscc.slice(6, 12)}-${uscc.slice(12)} `.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const r = await gql(
      CREATE_TARGET,
      { input: { poolId: sub.id, uscc: messy, name: '海阳市康宁大药房', regionCode: '370687', industryCode: 'f5251', riskClass: 'C', type: 'ENTERPRISE' } },
      s.actors.scjgAdmin.headers,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.createTarget).toMatchObject({ uscc, industryCode: 'F5251', riskClass: 'C' });
    expect(r.data.createTarget.pools.map((p: { id: string }) => p.id).sort()).toEqual([parent.id, sub.id].sort());
  });

  it('refuses bad codes, missing fields, duplicates and foreign pools', async () => {
    const base = { poolId: s.pools.scjgPool.id, uscc: importUscc(102), name: '海阳市测试商行', regionCode: '370687', industryCode: 'F5265' };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ uscc: badChecksum(102) }, 'input.uscc', 'USCC_CHECK_CHARACTER'],
      [{ uscc: '91370687MA3C' }, 'input.uscc', 'USCC_LENGTH'],
      [{ uscc: '91370687MA3CIIII1X' }, 'input.uscc', 'USCC_CHARACTER'],
      [{ industryCode: 'X1391' }, 'input.industryCode', 'INDUSTRY_CODE'],
      [{ industryCode: 'C13913' }, 'input.industryCode', 'INDUSTRY_CODE'],
      [{ industryCode: 'C1' }, 'input.industryCode', 'INDUSTRY_CODE'],
      [{ regionCode: '37068' }, 'input.regionCode', 'REGION_CODE'],
      [{ regionCode: '3706870001' }, 'input.regionCode', 'REGION_CODE'],
      [{ name: '   ' }, 'input.name', 'REQUIRED'],
    ];
    for (const [over, field, reason] of cases) {
      const r = await gql(CREATE_TARGET, { input: { ...base, ...over } }, s.actors.scjgAdmin.headers);
      expect(ext(r), JSON.stringify(over)).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    }
    const ok = await gql(CREATE_TARGET, { input: base }, s.actors.scjgAdmin.headers);
    expect(ok.errors).toBeUndefined();
    const again = await gql(CREATE_TARGET, { input: base }, s.actors.scjgAdmin.headers);
    expect(ext(again)).toMatchObject({ code: 'CONFLICT', field: 'input.uscc', targetId: ok.data.createTarget.id });
    const foreign = await gql(CREATE_TARGET, { input: { ...base, uscc: importUscc(103), poolId: s.pools.wjjPool.id } }, s.actors.scjgAdmin.headers);
    expect(ext(foreign)).toMatchObject({ code: 'FORBIDDEN', reason: 'FOREIGN_DEPARTMENT' });
    expect(await prisma().target.count({ where: { uscc: importUscc(103) } })).toBe(0);
  });

  it('updates only targets in the department\'s own pools (the office: any)', async () => {
    const t = await prisma().target.create({
      data: { uscc: importUscc(110), name: '海阳市旧名称商店', regionCode: '370687', industryCode: 'F5211', pools: { create: { poolId: s.pools.scjgPool.id } } },
    });
    const UPDATE = `mutation($id: ID!, $input: UpdateTargetInput!) { updateTarget(id: $id, input: $input) { name industryCode address riskClass } }`;
    const r = await gql(UPDATE, { id: t.id, input: { name: '海阳市新名称商店', industryCode: 'F5212', riskClass: 'D' } }, s.actors.scjgAdmin.headers);
    expect(r.data.updateTarget).toEqual({ name: '海阳市新名称商店', industryCode: 'F5212', address: null, riskClass: 'D' });
    const bad = await gql(UPDATE, { id: t.id, input: { industryCode: '5212' } }, s.actors.scjgAdmin.headers);
    expect(ext(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.industryCode', reason: 'INDUSTRY_CODE' });
    const foreign = await gql(UPDATE, { id: t.id, input: { name: '越权' } }, s.actors.wjjAdmin.headers);
    expect(ext(foreign)).toMatchObject({ code: 'FORBIDDEN', reason: 'FOREIGN_DEPARTMENT' });
    const office = await gql(UPDATE, { id: t.id, input: { address: '山东省海阳市凤城街道 1 号' } }, s.actors.office.headers);
    expect(office.data.updateTarget.address).toBe('山东省海阳市凤城街道 1 号');
    const audit = await prisma().auditEvent.findFirst({ where: { operation: 'updateTarget', entityId: t.id }, orderBy: { at: 'asc' } });
    expect(audit?.before).toMatchObject({ name: '海阳市旧名称商店', industryCode: 'F5211' });
  });

  it('adds targets to a pool and its parents, removes them from a pool and its sub-pools', async () => {
    const parent = await prisma().targetPool.create({ data: { departmentId: s.departments.wjj.id, name: '卫健综合库' } });
    const sub = await prisma().targetPool.create({ data: { departmentId: s.departments.wjj.id, name: '诊所分库', parentId: parent.id } });
    const targets = await Promise.all(
      [120, 121, 122].map((n) => prisma().target.create({ data: { uscc: importUscc(n), name: `海阳市第${n}诊所`, regionCode: '370687', industryCode: 'Q8423' } })),
    );
    const ADD = `mutation($poolId: ID!, $ids: [ID!]!) { addTargetsToPool(poolId: $poolId, targetIds: $ids) { added pool { targetCount } } }`;
    const r = await gql(ADD, { poolId: sub.id, ids: targets.map((t) => t.id) }, s.actors.wjjAdmin.headers);
    expect(r.data.addTargetsToPool).toEqual({ added: 3, pool: { targetCount: 3 } });
    expect(await prisma().targetPoolMember.count({ where: { poolId: parent.id } })).toBe(3);
    const again = await gql(ADD, { poolId: sub.id, ids: [targets[0]!.id] }, s.actors.wjjAdmin.headers);
    expect(again.data.addTargetsToPool.added).toBe(0);
    const unknown = await gql(ADD, { poolId: sub.id, ids: ['00000000-0000-4000-8000-000000000001'] }, s.actors.wjjAdmin.headers);
    expect(code(unknown)).toBe('NOT_FOUND');
    const foreign = await gql(ADD, { poolId: sub.id, ids: [targets[0]!.id] }, s.actors.scjgAdmin.headers);
    expect(code(foreign)).toBe('FORBIDDEN');

    const REMOVE = `mutation($poolId: ID!, $id: ID!) { removeTargetFromPool(poolId: $poolId, targetId: $id) { targetCount } }`;
    const removed = await gql(REMOVE, { poolId: parent.id, id: targets[1]!.id }, s.actors.wjjAdmin.headers);
    expect(removed.data.removeTargetFromPool.targetCount).toBe(2);
    expect(await prisma().targetPoolMember.count({ where: { poolId: sub.id } })).toBe(2); // gone from the sub-pool too
    const notMember = await gql(REMOVE, { poolId: parent.id, id: targets[1]!.id }, s.actors.wjjAdmin.headers);
    expect(code(notMember)).toBe('NOT_FOUND');
  });
});

describe('inspector pools and inspectors', () => {
  const CREATE = `mutation($input: CreateInspectorInput!) { createInspector(input: $input) { id name certificateNo qualifications expertiseTags isThirdPartyExpert active department { id } pool { id } } }`;

  it('registers inspectors and third-party experts with unique certificate numbers', async () => {
    const pool = await gql(`mutation($d: ID!) { createInspectorPool(input: { departmentId: $d, name: "食品安全专家库" }) { id name } }`, { d: s.departments.scjg.id }, s.actors.scjgAdmin.headers);
    expect(pool.data.createInspectorPool.name).toBe('食品安全专家库');
    const r = await gql(
      CREATE,
      { input: { poolId: pool.data.createInspectorPool.id, name: '王专家', certificateNo: ' ｓｄ-2024-001 ', qualifications: ['食品检验'], expertiseTags: ['食品安全', '食品安全', '乳制品'], isThirdPartyExpert: true } },
      s.actors.scjgAdmin.headers,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.createInspector).toMatchObject({ certificateNo: 'SD-2024-001', expertiseTags: ['食品安全', '乳制品'], isThirdPartyExpert: true, active: true, department: { id: s.departments.scjg.id } });
    const dup = await gql(CREATE, { input: { departmentId: s.departments.scjg.id, name: '重复', certificateNo: 'SD-2024-001' } }, s.actors.office.headers);
    expect(ext(dup)).toMatchObject({ code: 'CONFLICT', field: 'input.certificateNo' });
    const bad = await gql(CREATE, { input: { departmentId: s.departments.scjg.id, name: '坏证号', certificateNo: 'a b' } }, s.actors.office.headers);
    expect(ext(bad)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CERTIFICATE_NO' });
    const foreign = await gql(CREATE, { input: { poolId: s.pools.wjjInspectors.id, name: '越权', certificateNo: 'WJ-001' } }, s.actors.scjgAdmin.headers);
    expect(code(foreign)).toBe('FORBIDDEN');
    const wrongPool = await gql(CREATE, { input: { departmentId: s.departments.scjg.id, poolId: s.pools.wjjInspectors.id, name: '错库', certificateNo: 'WJ-002' } }, s.actors.office.headers);
    expect(ext(wrongPool)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'POOL_DEPARTMENT' });
  });

  it('updates inspectors (deactivation, tags) within the department', async () => {
    const i = await prisma().inspector.create({ data: { name: '李检查', departmentId: s.departments.wjj.id, poolId: s.pools.wjjInspectors.id, certificateNo: 'WJ-100' } });
    const UPDATE = `mutation($id: ID!, $input: UpdateInspectorInput!) { updateInspector(id: $id, input: $input) { active expertiseTags certificateNo } }`;
    const r = await gql(UPDATE, { id: i.id, input: { active: false, expertiseTags: ['公共卫生'] } }, s.actors.wjjAdmin.headers);
    expect(r.data.updateInspector).toEqual({ active: false, expertiseTags: ['公共卫生'], certificateNo: 'WJ-100' });
    const move = await gql(UPDATE, { id: i.id, input: { poolId: s.pools.scjgInspectors.id } }, s.actors.office.headers);
    expect(ext(move)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'POOL_DEPARTMENT' });
    const foreign = await gql(UPDATE, { id: i.id, input: { active: true } }, s.actors.scjgAdmin.headers);
    expect(code(foreign)).toBe('FORBIDDEN');
  });

  it('replaces leave windows; refuses reversed and overlapping windows', async () => {
    const i = await prisma().inspector.create({ data: { name: '赵请假', departmentId: s.departments.scjg.id, certificateNo: 'SJ-200' } });
    const SET = `mutation($id: ID!, $leaves: [InspectorLeaveInput!]!) { setInspectorLeave(inspectorId: $id, leaves: $leaves) { leaves { startsOn endsOn reason } } }`;
    const ok = await gql(SET, { id: i.id, leaves: [{ startsOn: '2024-05-06', endsOn: '2024-05-10', reason: '年休假' }, { startsOn: '2024-02-01', endsOn: '2024-02-02' }] }, s.actors.scjgAdmin.headers);
    expect(ok.data.setInspectorLeave.leaves).toEqual([
      { startsOn: '2024-05-06', endsOn: '2024-05-10', reason: '年休假' },
      { startsOn: '2024-02-01', endsOn: '2024-02-02', reason: null },
    ]);
    const reversed = await gql(SET, { id: i.id, leaves: [{ startsOn: '2024-05-10', endsOn: '2024-05-06' }] }, s.actors.scjgAdmin.headers);
    expect(ext(reversed)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'leaves.0.endsOn', reason: 'WINDOW_ORDER' });
    const overlap = await gql(SET, { id: i.id, leaves: [{ startsOn: '2024-05-01', endsOn: '2024-05-10' }, { startsOn: '2024-05-10', endsOn: '2024-05-12' }] }, s.actors.scjgAdmin.headers);
    expect(ext(overlap)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OVERLAP' });
    expect(await prisma().inspectorLeave.count({ where: { inspectorId: i.id } })).toBe(2);
    const cleared = await gql(SET, { id: i.id, leaves: [] }, s.actors.scjgAdmin.headers);
    expect(cleared.data.setInspectorLeave.leaves).toEqual([]);
  });

  it('records and removes recusals (inspector ↔ target with a reason)', async () => {
    const i = await prisma().inspector.create({ data: { name: '钱回避', departmentId: s.departments.scjg.id, certificateNo: 'SJ-300' } });
    const t = await prisma().target.create({ data: { uscc: importUscc(300), name: '海阳市亲属经营商行', regionCode: '370687', industryCode: 'F5211' } });
    const ADD = `mutation($input: AddRecusalInput!) { addRecusal(input: $input) { id reason target { uscc } inspector { name } } }`;
    const r = await gql(ADD, { input: { inspectorId: i.id, targetUscc: t.uscc.toLowerCase(), reason: '近亲属为该企业股东' } }, s.actors.scjgAdmin.headers);
    expect(r.data.addRecusal).toMatchObject({ reason: '近亲属为该企业股东', target: { uscc: t.uscc }, inspector: { name: '钱回避' } });
    const dup = await gql(ADD, { input: { inspectorId: i.id, targetId: t.id, reason: '重复' } }, s.actors.scjgAdmin.headers);
    expect(code(dup)).toBe('CONFLICT');
    const noReason = await gql(ADD, { input: { inspectorId: i.id, targetId: t.id, reason: ' ' } }, s.actors.scjgAdmin.headers);
    expect(ext(noReason)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REQUIRED' });
    const foreign = await gql(ADD, { input: { inspectorId: i.id, targetId: t.id, reason: '越权' } }, s.actors.wjjAdmin.headers);
    expect(code(foreign)).toBe('FORBIDDEN');
    const removeForeign = await gql(`mutation($id: ID!) { removeRecusal(id: $id) }`, { id: r.data.addRecusal.id }, s.actors.wjjAdmin.headers);
    expect(code(removeForeign)).toBe('FORBIDDEN');
    const removed = await gql(`mutation($id: ID!) { removeRecusal(id: $id) }`, { id: r.data.addRecusal.id }, s.actors.scjgAdmin.headers);
    expect(removed.data.removeRecusal).toBe(r.data.addRecusal.id);
    expect(await prisma().recusal.count({ where: { inspectorId: i.id } })).toBe(0);
  });
});

describe('pool confirmation (两库更新确认)', () => {
  const STATUS = `query($ids: [ID!]) { poolConfirmationStatus(departmentIds: $ids) { department { code } current reason maxAgeDays targetPoolCount inspectorPoolCount validUntil stalePools { kind name confirmedAt } } }`;

  it('is current only when every pool of the department was confirmed within the configured age', async () => {
    const dep = await prisma().department.create({ data: { code: 'P-YJ', name: '海阳市应急管理局', shortName: '应急' } });
    const admin = (await import('../helpers/auth.ts')).userActor;
    const yjAdmin = await admin('DEPARTMENT_ADMIN', dep.id);
    const none = await gql(STATUS, {}, yjAdmin.headers);
    expect(none.data.poolConfirmationStatus).toEqual([
      { department: { code: 'P-YJ' }, current: false, reason: 'NO_POOLS', maxAgeDays: 30, targetPoolCount: 0, inspectorPoolCount: 0, validUntil: null, stalePools: [] },
    ]);
    const tp = await prisma().targetPool.create({ data: { departmentId: dep.id, name: '危化企业库' } });
    const sub = await prisma().targetPool.create({ data: { departmentId: dep.id, name: '加油站分库', parentId: tp.id } });
    const ip = await prisma().inspectorPool.create({ data: { departmentId: dep.id, name: '应急执法人员库' } });
    const never = await gql(STATUS, {}, yjAdmin.headers);
    expect(never.data.poolConfirmationStatus[0]).toMatchObject({ current: false, reason: 'NOT_CONFIRMED', targetPoolCount: 2, inspectorPoolCount: 1 });
    expect(never.data.poolConfirmationStatus[0].stalePools).toHaveLength(3);

    const CONFIRM = `mutation($id: ID!) { confirmPool(id: $id) { kind confirmedAt confirmedPoolCount targetPool { name confirmedBy } inspectorPool { name } } }`;
    const c1 = await gql(CONFIRM, { id: tp.id }, yjAdmin.headers);
    expect(c1.data.confirmPool).toMatchObject({ kind: 'TARGET', confirmedPoolCount: 2, targetPool: { name: '危化企业库', confirmedBy: yjAdmin.userId }, inspectorPool: null });
    expect((await prisma().targetPool.findUniqueOrThrow({ where: { id: sub.id } })).confirmedAt).not.toBeNull();
    const half = await gql(STATUS, {}, yjAdmin.headers);
    expect(half.data.poolConfirmationStatus[0]).toMatchObject({ current: false, reason: 'NOT_CONFIRMED', stalePools: [{ kind: 'INSPECTOR', name: '应急执法人员库', confirmedAt: null }] });
    const c2 = await gql(CONFIRM, { id: ip.id }, yjAdmin.headers);
    expect(c2.data.confirmPool).toMatchObject({ kind: 'INSPECTOR', inspectorPool: { name: '应急执法人员库' }, targetPool: null });
    const done = await gql(STATUS, {}, yjAdmin.headers);
    expect(done.data.poolConfirmationStatus[0]).toMatchObject({ current: true, reason: 'CURRENT', stalePools: [] });
    expect(new Date(done.data.poolConfirmationStatus[0].validUntil).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);

    // the draw engine's view: 31 days later the confirmation has lapsed; a department without pools has none
    const later = new Date(Date.now() + 31 * 86_400_000);
    const [lapsed, other] = await poolConfirmationStatus([dep.id, s.departments.wjj.id, dep.id], later);
    expect(lapsed).toMatchObject({ departmentId: dep.id, current: false, reason: 'EXPIRED', maxAgeDays: 30 });
    expect(lapsed!.stalePools.map((p) => p.kind).sort()).toEqual(['INSPECTOR', 'TARGET', 'TARGET']);
    expect(other).toMatchObject({ departmentId: s.departments.wjj.id, current: false, reason: 'NOT_CONFIRMED' });

    // the office lengthens the age: the same moment is current again
    const SET = `mutation($v: JSON!) { updateSetting(key: POOL_CONFIRMATION_MAX_AGE_DAYS, value: $v) { key value defaultValue } }`;
    const set = await gql(SET, { v: 60 }, s.actors.office.headers);
    expect(set.data.updateSetting).toEqual({ key: 'POOL_CONFIRMATION_MAX_AGE_DAYS', value: 60, defaultValue: 30 });
    const [again] = await poolConfirmationStatus([dep.id], later);
    expect(again).toMatchObject({ current: true, maxAgeDays: 60 });
    const bad = await gql(SET, { v: 0 }, s.actors.office.headers);
    expect(ext(bad)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SETTING_VALUE' });
    const notOffice = await gql(SET, { v: 10 }, yjAdmin.headers);
    expect(code(notOffice)).toBe('FORBIDDEN');
    const read = await gql(`{ settings { key value } }`, undefined, s.actors.analyst.headers);
    expect(read.data.settings).toContainEqual({ key: 'POOL_CONFIRMATION_MAX_AGE_DAYS', value: 60 });
    await gql(SET, { v: 30 }, s.actors.office.headers);
  });

  it('a department confirms and reads only its own pools; the office reads any', async () => {
    const foreign = await gql(`mutation($id: ID!) { confirmPool(id: $id) { kind } }`, { id: s.pools.wjjPool.id }, s.actors.scjgAdmin.headers);
    expect(ext(foreign)).toMatchObject({ code: 'FORBIDDEN', reason: 'FOREIGN_DEPARTMENT' });
    const other = await gql(STATUS, { ids: [s.departments.wjj.id] }, s.actors.scjgAdmin.headers);
    expect(code(other)).toBe('FORBIDDEN');
    const office = await gql(STATUS, { ids: [s.departments.wjj.id, s.departments.scjg.id] }, s.actors.office.headers);
    expect(office.data.poolConfirmationStatus.map((x: { department: { code: string } }) => x.department.code)).toEqual(['P-WJJ', 'P-SCJG']);
    const analyst = await gql(STATUS, {}, s.actors.analyst.headers);
    expect(code(analyst)).toBe('FORBIDDEN');
  });
});
