// Follow-up (后续处置 / 移送) through GraphQL, on PGlite and PostgreSQL: the lifecycle OPEN → IN_PROGRESS → CLOSED
// with a required closure note, the credit event ending on closure, creation rules per kind, transfer to another
// department (which then sees and works on it) or to the police, the overdue field and filter (SQL: totalCount
// agrees), and department isolation.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../server/src/db/database.ts';
import { linkCreditForPublished, chinaToday } from '../../server/src/modules/credit/credit.service.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { gql, gqlOk } from '../helpers/graphql.ts';
import { userActor, type TestActor } from '../helpers/auth.ts';
import { makeDepartment, type DrawDepartment } from '../fixtures/draws.ts';
import { creditWorld, inTx, makeClassedTargets, publishedResult, type CreditWorld } from '../fixtures/credit.ts';

useTestDatabase();

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const today = () => chinaToday();
const inDays = (n: number) => iso(new Date(today().getTime() + n * DAY));
const code = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;
const ext = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions ?? {};

const FU = `id kind status reference dueOn overdue closedAt closureNote description department { id } toDepartment { id } target { id }`;
const CREATE = `mutation($i: CreateFollowUpInput!) { createFollowUp(input: $i) { ${FU} } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateFollowUpInput!) { updateFollowUp(id: $id, input: $i) { ${FU} } }`;
const TRANSFER = `mutation($id: ID!, $kind: FollowUpKind!, $to: ID, $ref: String) { transferFollowUp(id: $id, kind: $kind, toDepartmentId: $to, reference: $ref) { ${FU} } }`;
const CLOSE = `mutation($id: ID!, $note: String!) { closeFollowUp(id: $id, closureNote: $note) { ${FU} } }`;
const ONE = `query($id: ID!) { followUp(id: $id) { ${FU} } }`;
const LIST = `query($f: FollowUpFilter) { followUps(filter: $f, perPage: 100) { totalCount nodes { id overdue } } }`;

let w: CreditWorld;
let receiver: DrawDepartment, outsider: DrawDepartment;
let office: TestActor, admin: TestActor, inspector: TestActor, otherAdmin: TestActor, receiverAdmin: TestActor, outsiderAdmin: TestActor, analyst: TestActor;

beforeAll(async () => {
  w = await creditWorld();
  receiver = await makeDepartment(1, { codePrefix: 'FUR' });
  outsider = await makeDepartment(1, { codePrefix: 'FUO' });
  office = await userActor('OFFICE_ADMIN');
  admin = await userActor('DEPARTMENT_ADMIN', w.dep.id);
  inspector = await userActor('INSPECTOR', w.dep.id);
  otherAdmin = await userActor('DEPARTMENT_ADMIN', w.other.id);
  receiverAdmin = await userActor('DEPARTMENT_ADMIN', receiver.id);
  outsiderAdmin = await userActor('DEPARTMENT_ADMIN', outsider.id);
  analyst = await userActor('ANALYST');
});

describe('lifecycle: a follow-up opened by a published code-8 result, to closure', () => {
  it('OPEN → IN_PROGRESS (reference, due date) → CLOSED with a note; the credit event ends and the class goes back', async () => {
    const [t] = await makeClassedTargets(w.dep.poolId, 1, 'A');
    const r = await publishedResult(w.taskId, w.dep.id, t!.id, 8);
    await inTx((tx, audit) => linkCreditForPublished(tx, audit, [r], new Date()));
    expect((await prisma().target.findUniqueOrThrow({ where: { id: t!.id } })).riskClass).toBe('C');
    const [fu] = await prisma().followUp.findMany({ where: { itemResultId: r.itemResultId } });
    expect(fu).toMatchObject({ status: 'OPEN', departmentId: w.dep.id });

    const up = await gqlOk(UPDATE, { id: fu!.id, i: { status: 'IN_PROGRESS', reference: '海市监责改〔2026〕12号', dueOn: inDays(30) } }, admin.headers);
    expect(up.updateFollowUp).toMatchObject({ status: 'IN_PROGRESS', reference: '海市监责改〔2026〕12号', dueOn: inDays(30), overdue: false });

    const back = await gql(UPDATE, { id: fu!.id, i: { status: 'OPEN' } }, admin.headers);
    expect(code(back)).toBe('INVALID_TRANSITION');
    const viaUpdate = await gql(UPDATE, { id: fu!.id, i: { status: 'CLOSED' } }, admin.headers);
    expect(ext(viaUpdate)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.status', reason: 'USE_CLOSE' });

    const noNote = await gql(CLOSE, { id: fu!.id, note: '  ' }, admin.headers);
    expect(ext(noNote)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'closureNote', reason: 'REQUIRED' });
    expect(ext(noNote).messageZh).toBeTruthy();

    const closed = await gqlOk(CLOSE, { id: fu!.id, note: '已复查，整改到位' }, admin.headers);
    expect(closed.closeFollowUp).toMatchObject({ status: 'CLOSED', closureNote: '已复查，整改到位', overdue: false });
    expect(closed.closeFollowUp.closedAt).toBeTruthy();

    const [ev] = await prisma().creditEvent.findMany({ where: { itemResultId: r.itemResultId } });
    expect(ev!.effectiveTo).toBeTruthy();
    expect((await prisma().target.findUniqueOrThrow({ where: { id: t!.id } })).riskClass).toBe('A');

    expect(code(await gql(CLOSE, { id: fu!.id, note: '再次办结' }, admin.headers))).toBe('INVALID_TRANSITION');
    expect(code(await gql(UPDATE, { id: fu!.id, i: { reference: 'X' } }, admin.headers))).toBe('INVALID_TRANSITION');
    const ops = await prisma().auditEvent.findMany({ where: { entity: 'FollowUp', entityId: fu!.id }, orderBy: { id: 'asc' } });
    expect(ops.map((o) => o.operation)).toEqual(['linkCreditForPublished', 'updateFollowUp', 'closeFollowUp']);
  });
});

describe('createFollowUp', () => {
  it('for a result the department entered; not for another department’s result', async () => {
    const [t] = await makeClassedTargets(w.dep.poolId, 1, 'B');
    const mine = await publishedResult(w.taskId, w.dep.id, t!.id, 2);
    const theirs = await publishedResult(w.taskId, w.other.id, t!.id, 2);
    const ok = await gqlOk(CREATE, { i: { itemResultId: mine.itemResultId, kind: 'CASE_FILING', description: '涉嫌未按规定公示，立案调查' } }, admin.headers);
    expect(ok.createFollowUp).toMatchObject({ kind: 'CASE_FILING', status: 'OPEN', department: { id: w.dep.id }, target: { id: t!.id } });
    expect((await prisma().followUp.findUniqueOrThrow({ where: { id: ok.createFollowUp.id } })).createdBy).toBe(admin.userId);
    const foreign = await gql(CREATE, { i: { itemResultId: theirs.itemResultId, kind: 'CASE_FILING', description: 'x' } }, admin.headers);
    expect(ext(foreign)).toMatchObject({ code: 'FORBIDDEN', field: 'input.itemResultId', reason: 'FOREIGN_RESULT' });
  });

  it('kind rules: rectification needs a due date; a transfer to a department names it; due dates not in the past', async () => {
    const [t] = await makeClassedTargets(w.dep.poolId, 1, 'B');
    const noDue = await gql(CREATE, { i: { targetId: t!.id, kind: 'RECTIFICATION', description: '责令限期整改' } }, admin.headers);
    expect(ext(noDue)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.dueOn', reason: 'REQUIRED' });
    const past = await gql(CREATE, { i: { targetId: t!.id, kind: 'RECTIFICATION', description: '责令限期整改', dueOn: inDays(-1) } }, admin.headers);
    expect(ext(past)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.dueOn', reason: 'IN_PAST' });
    const noTo = await gql(CREATE, { i: { targetId: t!.id, kind: 'TRANSFER_DEPARTMENT', description: '移送' } }, admin.headers);
    expect(ext(noTo)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.toDepartmentId', reason: 'REQUIRED' });
    const noDesc = await gql(CREATE, { i: { targetId: t!.id, kind: 'CASE_FILING', description: '' } }, admin.headers);
    expect(ext(noDesc)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.description' });
    const ok = await gqlOk(CREATE, { i: { targetId: t!.id, kind: 'RECTIFICATION', description: '责令限期整改', dueOn: inDays(10), reference: '责改〔2026〕3号' } }, admin.headers);
    expect(ok.createFollowUp).toMatchObject({ kind: 'RECTIFICATION', dueOn: inDays(10), reference: '责改〔2026〕3号' });
  });

  it('not for a target outside the department’s pools and tasks; inspectors and analysts are refused', async () => {
    const [foreignTarget] = await makeClassedTargets(outsider.poolId, 1, 'B');
    const r = await gql(CREATE, { i: { targetId: foreignTarget!.id, kind: 'CASE_FILING', description: '立案' } }, admin.headers);
    expect(ext(r)).toMatchObject({ code: 'FORBIDDEN', field: 'input.targetId', reason: 'FOREIGN_TARGET' });
    const [t] = await makeClassedTargets(w.dep.poolId, 1, 'B');
    for (const who of [inspector, analyst]) expect(code(await gql(CREATE, { i: { targetId: t!.id, kind: 'CASE_FILING', description: '立案' } }, who.headers))).toBe('FORBIDDEN');
    const forOther = await gql(CREATE, { i: { targetId: t!.id, departmentId: w.other.id, kind: 'CASE_FILING', description: '立案' } }, admin.headers);
    expect(ext(forOther)).toMatchObject({ code: 'FORBIDDEN', field: 'input.departmentId' });
    // the office acts for a department it names
    const byOffice = await gqlOk(CREATE, { i: { targetId: t!.id, departmentId: w.dep.id, kind: 'CASE_FILING', description: '立案' } }, office.headers);
    expect(byOffice.createFollowUp.department.id).toBe(w.dep.id);
  });
});

describe('transfer (移送) and visibility', () => {
  let id: string;
  beforeAll(async () => {
    const [t] = await makeClassedTargets(w.dep.poolId, 1, 'B');
    id = (await gqlOk(CREATE, { i: { targetId: t!.id, kind: 'CASE_FILING', description: '发现无证经营线索' } }, admin.headers)).createFollowUp.id;
  });

  it('before the transfer only the owner (and office, analysts) see it', async () => {
    expect(code(await gql(ONE, { id }, receiverAdmin.headers))).toBe('FORBIDDEN');
    expect((await gqlOk(LIST, { f: { ids: [id] } }, receiverAdmin.headers)).followUps.totalCount).toBe(0);
    for (const who of [admin, office, analyst]) expect((await gqlOk(ONE, { id }, who.headers)).followUp.id).toBe(id);
  });

  it('only the owner transfers; a transfer to a department needs it and not the owner itself', async () => {
    expect(ext(await gql(TRANSFER, { id, kind: 'TRANSFER_DEPARTMENT', to: receiver.id }, outsiderAdmin.headers))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWNER' });
    expect(ext(await gql(TRANSFER, { id, kind: 'TRANSFER_DEPARTMENT' }, admin.headers))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toDepartmentId' });
    expect(ext(await gql(TRANSFER, { id, kind: 'TRANSFER_DEPARTMENT', to: w.dep.id }, admin.headers))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SAME_DEPARTMENT' });
    expect(ext(await gql(TRANSFER, { id, kind: 'CASE_FILING' }, admin.headers))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
  });

  it('after the transfer the receiving department sees it and works on it; it cannot re-transfer; others still see nothing', async () => {
    const tr = await gqlOk(TRANSFER, { id, kind: 'TRANSFER_DEPARTMENT', to: receiver.id, ref: '移送函〔2026〕7号' }, admin.headers);
    expect(tr.transferFollowUp).toMatchObject({ kind: 'TRANSFER_DEPARTMENT', status: 'IN_PROGRESS', toDepartment: { id: receiver.id }, reference: '移送函〔2026〕7号' });
    expect((await gqlOk(ONE, { id }, receiverAdmin.headers)).followUp.id).toBe(id);
    expect((await gqlOk(LIST, { f: { ids: [id] } }, receiverAdmin.headers)).followUps.totalCount).toBe(1);
    const progress = await gqlOk(UPDATE, { id, i: { reference: '立案号 2026-118', dueOn: inDays(20) } }, receiverAdmin.headers);
    expect(progress.updateFollowUp.reference).toBe('立案号 2026-118');
    expect(ext(await gql(TRANSFER, { id, kind: 'TRANSFER_POLICE' }, receiverAdmin.headers))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWNER' });
    expect(code(await gql(ONE, { id }, outsiderAdmin.headers))).toBe('FORBIDDEN');
    expect(ext(await gql(UPDATE, { id, i: { reference: 'x' } }, outsiderAdmin.headers))).toMatchObject({ code: 'FORBIDDEN', reason: 'FOREIGN_DEPARTMENT' });
    expect(ext(await gql(CLOSE, { id, note: 'x' }, otherAdmin.headers))).toMatchObject({ code: 'FORBIDDEN' });
    const closed = await gqlOk(CLOSE, { id, note: '接收部门已立案查处并结案' }, receiverAdmin.headers);
    expect(closed.closeFollowUp.status).toBe('CLOSED');
  });

  it('transfer to the judicial organs (移送司法机关): no receiving department', async () => {
    const [t] = await makeClassedTargets(w.dep.poolId, 1, 'B');
    const fid = (await gqlOk(CREATE, { i: { targetId: t!.id, kind: 'CASE_FILING', description: '涉嫌犯罪' } }, admin.headers)).createFollowUp.id;
    expect(ext(await gql(TRANSFER, { id: fid, kind: 'TRANSFER_POLICE', to: receiver.id }, admin.headers))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_A_TRANSFER' });
    const tr = await gqlOk(TRANSFER, { id: fid, kind: 'TRANSFER_POLICE', ref: '移送公安〔2026〕1号' }, admin.headers);
    expect(tr.transferFollowUp).toMatchObject({ kind: 'TRANSFER_POLICE', status: 'IN_PROGRESS', toDepartment: null, reference: '移送公安〔2026〕1号' });
  });
});

describe('overdue: field and filter', () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const [t] = await makeClassedTargets(w.dep.poolId, 1, 'B');
    const mk = (status: 'OPEN' | 'IN_PROGRESS' | 'CLOSED', due: string | null) =>
      prisma().followUp.create({
        data: { targetId: t!.id, departmentId: w.dep.id, kind: 'RECTIFICATION', status, description: '逾期测试', dueOn: due ? new Date(`${due}T00:00:00Z`) : null, closedAt: status === 'CLOSED' ? new Date() : null },
      });
    ids.pastOpen = (await mk('OPEN', inDays(-1))).id;
    ids.pastInProgress = (await mk('IN_PROGRESS', inDays(-40))).id;
    ids.pastClosed = (await mk('CLOSED', inDays(-1))).id;
    ids.today = (await mk('OPEN', inDays(0))).id;
    ids.future = (await mk('OPEN', inDays(5))).id;
    ids.noDue = (await mk('OPEN', null)).id;
  });

  it('overdue = due before today (China time) and not closed', async () => {
    const r = await gqlOk(LIST, { f: { ids: Object.values(ids) } }, admin.headers);
    const byId = Object.fromEntries(r.followUps.nodes.map((n: { id: string; overdue: boolean }) => [n.id, n.overdue]));
    expect(byId).toEqual({
      [ids.pastOpen!]: true,
      [ids.pastInProgress!]: true,
      [ids.pastClosed!]: false,
      [ids.today!]: false,
      [ids.future!]: false,
      [ids.noDue!]: false,
    });
  });

  it('filter overdue: true / false is applied in SQL (totalCount agrees with the nodes)', async () => {
    const yes = await gqlOk(LIST, { f: { ids: Object.values(ids), overdue: true } }, admin.headers);
    expect(yes.followUps.totalCount).toBe(2);
    expect(yes.followUps.nodes.map((n: { id: string }) => n.id).sort()).toEqual([ids.pastOpen, ids.pastInProgress].sort());
    const no = await gqlOk(LIST, { f: { ids: Object.values(ids), overdue: false } }, admin.headers);
    expect(no.followUps.totalCount).toBe(4);
    expect(no.followUps.nodes.every((n: { overdue: boolean }) => !n.overdue)).toBe(true);
  });
});

describe('department isolation', () => {
  it('a department lists only follow-ups it owns or received; analysts and the office see all', async () => {
    const all = await prisma().followUp.findMany({ select: { id: true, departmentId: true, toDepartmentId: true } });
    const seen = async (who: TestActor) => {
      const out: string[] = [];
      for (let page = 1; ; page++) {
        const r = await gqlOk(`query($p: Int) { followUps(page: $p, perPage: 100) { nodes { id } pageInfo { hasNextPage } } }`, { p: page }, who.headers);
        out.push(...r.followUps.nodes.map((n: { id: string }) => n.id));
        if (!r.followUps.pageInfo.hasNextPage) return out.sort();
      }
    };
    const mine = (dep: string) => all.filter((f) => f.departmentId === dep || f.toDepartmentId === dep).map((f) => f.id).sort();
    expect(await seen(admin)).toEqual(mine(w.dep.id));
    expect(await seen(receiverAdmin)).toEqual(mine(receiver.id));
    expect(await seen(outsiderAdmin)).toEqual([]);
    expect((await seen(analyst)).length).toBe(all.length);
    expect((await seen(office)).length).toBe(all.length);
    expect(mine(receiver.id).length).toBeGreaterThan(0);
  });
});
