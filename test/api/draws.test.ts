// The draw through GraphQL (issue 5), on PGlite and PostgreSQL: commit → reveal → lock for target and inspector
// draws, every candidate and matching rule, sizes, the one-draw-in-progress rule, voiding, who may act, visibility,
// evidence that verifies (and fails when tampered), and the stratification rate.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../server/src/db/database.ts';
import { verifyEvidence, type DrawEvidence } from '../../server/src/modules/draw/draw.algorithm.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { gql, gqlOk } from '../helpers/graphql.ts';
import {
  COMMIT_INSPECTOR,
  COMMIT_TARGET,
  EVIDENCE,
  LOCK,
  REVEAL,
  VOID,
  drawActors,
  fakeLockedDraw,
  makeDepartment,
  makeTargets,
  makeTask,
  type DrawDepartment,
} from '../fixtures/draws.ts';

useTestDatabase();

const h = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const code = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;
const reason = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.reason;

type Headers = Record<string, string>;

async function commit(taskId: string, headers: Headers, extra: Record<string, unknown> = {}) {
  const r = await gqlOk<{ commitTargetDraw: { draw: any; warnings: { code: string }[] } }>(COMMIT_TARGET, { taskId, src: '现场观察员读数', ...extra }, headers);
  return r.commitTargetDraw;
}
async function reveal(id: string, headers: Headers, input = '福彩3D 2026085 471') {
  return (await gqlOk<{ revealDraw: any }>(REVEAL, { id, input }, headers)).revealDraw;
}
async function lock(id: string, headers: Headers) {
  return (await gqlOk<{ lockDraw: any }>(LOCK, { id }, headers)).lockDraw;
}
async function evidence(id: string, headers: Headers): Promise<DrawEvidence> {
  return (await gqlOk<{ drawEvidence: DrawEvidence }>(EVIDENCE, { id }, headers)).drawEvidence;
}
async function fullTargetDraw(taskId: string, headers: Headers, extra: Record<string, unknown> = {}) {
  const c = await commit(taskId, headers, extra);
  await reveal(c.draw.id, headers);
  return lock(c.draw.id, headers);
}
async function selectedTargets(drawId: string, headers: Headers) {
  const r = await gqlOk<{ draw: { targets: { uscc: string; stratum: string; rank: number; ticket: string; year: number }[] } }>(
    `query($id: ID!) { draw(id: $id) { targets(first: 100) { uscc stratum rank ticket year } } }`,
    { id: drawId },
    headers,
  );
  return r.draw.targets;
}
async function teams(drawId: string, headers: Headers) {
  const r = await gqlOk<{ inspectorAssignments: { nodes: { role: string; ticket: string; target: { uscc: string }; inspector: { certificateNo: string }; department: { code: string } }[] } }>(
    `query($id: ID!) { inspectorAssignments(filter: { drawId: $id }, perPage: 100) { nodes { role ticket target { uscc } inspector { certificateNo } department { code } } } }`,
    { id: drawId },
    headers,
  );
  return r.inspectorAssignments.nodes.map((n) => ({ uscc: n.target.uscc, department: n.department.code, cert: n.inspector.certificateNo, role: n.role, ticket: n.ticket }));
}

describe('target draw, step by step', () => {
  let lead: DrawDepartment, other: DrawDepartment, outsider: DrawDepartment;
  let a: Awaited<ReturnType<typeof drawActors>>;
  let taskId: string;
  let drawId: string;
  let outsiderAdmin: Headers;

  beforeAll(async () => {
    lead = await makeDepartment(3);
    other = await makeDepartment(3);
    outsider = await makeDepartment(1);
    await makeTargets(lead.poolId, 40); // 10 per class
    taskId = (await makeTask({ lead, participants: [other], ratios: { A: 300, B: 2000, C: 3500, D: 10_000 } })).id;
    a = await drawActors(lead, [other]);
    outsiderAdmin = (await drawActors(outsider)).lead.headers;
  });

  it('commit fixes candidates, parameters and commitment; the server seed stays secret', async () => {
    const c = await commit(taskId, a.lead.headers);
    const d = c.draw;
    drawId = d.id;
    expect(d).toMatchObject({ kind: 'TARGET', status: 'COMMITTED', stratified: true, candidateCount: 40, serverSeed: null, seed: null, publicInput: null, resultHash: null, targetCount: 0 });
    expect(d.commitment).toMatch(/^[0-9a-f]{64}$/);
    // k_s = ceil(bp × 10 / 10000): A 300 → 1, B 2000 → 2, C 3500 → 4, D 10000 → 10
    expect(JSON.parse(d.params).strata).toEqual({ A: { bp: 300, n: 10, k: 1 }, B: { bp: 2000, n: 10, k: 2 }, C: { bp: 3500, n: 10, k: 4 }, D: { bp: 10_000, n: 10, k: 10 } });
    expect(c.warnings.map((w) => w.code)).toContain('POOLS_NOT_CONFIRMED');
    const row = await prisma().draw.findUniqueOrThrow({ where: { id: drawId } });
    expect(h(row.serverSeed)).toBe(d.commitment);
    // The audit event of the commit does not carry the secret.
    const ev = await prisma().auditEvent.findFirstOrThrow({ where: { entityId: drawId, operation: 'commitTargetDraw' } });
    expect(JSON.stringify(ev.after)).not.toContain(row.serverSeed);
  });

  it('before reveal: participants see the draw, analysts and outsiders do not; evidence verifies as committed', async () => {
    expect((await gql(`query($id: ID!) { draw(id: $id) { id } }`, { id: drawId }, a.participants[0]!.headers)).data?.draw.id).toBe(drawId);
    expect(code(await gql(`query($id: ID!) { draw(id: $id) { id } }`, { id: drawId }, a.analyst.headers))).toBe('FORBIDDEN');
    expect(code(await gql(`query($id: ID!) { draw(id: $id) { id } }`, { id: drawId }, outsiderAdmin))).toBe('FORBIDDEN');
    const e = await evidence(drawId, a.participants[0]!.headers);
    expect(e.serverSeed).toBeNull();
    expect(e.candidates).toHaveLength(40);
    expect(verifyEvidence(e)).toMatchObject({ ok: true });
  });

  it('only the office or the lead department runs the draw', async () => {
    const r = await gql(REVEAL, { id: drawId, input: 'x' }, a.participants[0]!.headers);
    expect([code(r), reason(r)]).toEqual(['FORBIDDEN', 'NOT_LEAD_DEPARTMENT']);
    expect(code(await gql(REVEAL, { id: drawId, input: 'x' }, a.inspector.headers))).toBe('FORBIDDEN');
    expect(code(await gql(REVEAL, { id: drawId, input: 'x' }, a.analyst.headers))).toBe('FORBIDDEN');
    expect(code(await gql(LOCK, { id: drawId }, a.lead.headers))).toBe('INVALID_TRANSITION'); // not revealed yet
    expect(code(await gql(REVEAL, { id: drawId, input: '   ' }, a.lead.headers))).toBe('BAD_USER_INPUT');
  });

  it('reveal: seed = SHA-256(serverSeed|publicInput), tickets and selection recomputable from the evidence alone', async () => {
    const d = await reveal(drawId, a.lead.headers, '福彩3D 2026085 471');
    expect(d.status).toBe('REVEALED');
    expect(h(d.serverSeed)).toBe(d.commitment);
    expect(d.seed).toBe(h(`${d.serverSeed}|福彩3D 2026085 471`));
    expect(d.selectedCount).toBe(17);
    const e = await evidence(drawId, a.analyst.headers); // revealed draws are public
    expect(h(e.candidates.map((l) => `${l}\n`).join(''))).toBe(d.candidateHash);
    // Independent recomputation: per stratum, sort by ticket, take k.
    const k: Record<string, number> = { A: 1, B: 2, C: 4, D: 10 };
    const rows = e.candidates.map((l) => ({ uscc: l.slice(0, 18), stratum: l.slice(19), ticket: h(`${d.seed}:${l.slice(0, 18)}`) }));
    const expected = ['A', 'B', 'C', 'D'].flatMap((s) =>
      rows
        .filter((r) => r.stratum === s)
        .sort((x, y) => (x.ticket < y.ticket ? -1 : 1))
        .slice(0, k[s])
        .map((r, i) => ({ uscc: r.uscc, stratum: s, rank: i + 1, ticket: r.ticket, year: 2026 })),
    );
    expect(await selectedTargets(drawId, a.lead.headers)).toEqual(expected);
    expect(d.resultHash).toBe(h(expected.map((x) => `${x.uscc},${x.stratum}\n`).join('')));
    expect(code(await gql(REVEAL, { id: drawId, input: 'again' }, a.lead.headers))).toBe('INVALID_TRANSITION');
  });

  it('lock: immutable, task READY → DRAWN, list dispatched to every participant', async () => {
    const d = await lock(drawId, a.lead.headers);
    expect(d.status).toBe('LOCKED');
    expect(d.task.status).toBe('DRAWN');
    expect(await selectedTargets(drawId, a.participants[0]!.headers)).toHaveLength(17);
    const dispatch = await prisma().auditEvent.findFirstOrThrow({ where: { entityId: taskId, operation: 'dispatchTargetList' } });
    expect((dispatch.after as { departments: string[] }).departments).toEqual([lead.code, other.code].sort());
    expect(code(await gql(VOID, { id: drawId, reason: '太晚了' }, a.lead.headers))).toBe('INVALID_TRANSITION');
    expect(code(await gql(LOCK, { id: drawId }, a.lead.headers))).toBe('INVALID_TRANSITION');
    expect(code(await gql(COMMIT_TARGET, { taskId, src: 'again' }, a.lead.headers))).toBe('INVALID_TRANSITION'); // task is DRAWN
  });

  it('evidence verifies; one changed USCC or seed character does not', async () => {
    const e = await evidence(drawId, a.lead.headers);
    expect(e.draw.status).toBe('LOCKED');
    expect(verifyEvidence(e)).toMatchObject({ ok: true });
    const t1 = structuredClone(e);
    t1.candidates[5] = t1.candidates[5]!.slice(0, 10) + (t1.candidates[5]![10] === '0' ? '1' : '0') + t1.candidates[5]!.slice(11);
    expect(verifyEvidence(t1)).toMatchObject({ ok: false, mismatch: expect.stringMatching(/candidateHash/) });
    const t2 = structuredClone(e);
    t2.serverSeed = (t2.serverSeed![0] === 'a' ? 'b' : 'a') + t2.serverSeed!.slice(1);
    expect(verifyEvidence(t2)).toMatchObject({ ok: false, mismatch: expect.stringMatching(/commitment/) });
    const t3 = structuredClone(e);
    t3.selected![0]!.uscc = t3.candidates.find((l) => !t3.selected!.some((s) => s.uscc === l.slice(0, 18)))!.slice(0, 18);
    expect(verifyEvidence(t3)).toMatchObject({ ok: false, mismatch: expect.stringMatching(/selected\[0\]/) });
  });
});

describe('candidates: pools, scope and exclusions', () => {
  it('task pools (with sub-pools) or all pools of the participants, minus deregistered, twice-drawn this year and outside scope', async () => {
    const lead = await makeDepartment(2);
    const other = await makeDepartment(2);
    const outsider = await makeDepartment(2);
    const sub = await prisma().targetPool.create({ data: { departmentId: lead.id, name: `分库${lead.code}`, parentId: lead.poolId } });
    const inLead = await makeTargets(lead.poolId, 6, { riskClass: 'B' });
    const inSub = await makeTargets(sub.id, 2, { riskClass: 'B' });
    const inOther = await makeTargets(other.poolId, 3, (i) => ({ riskClass: 'C', industryCode: 'H6210', regionCode: '370602', businessScope: i ? '餐饮服务' : '住宿服务；餐饮服务', type: i ? 'INDIVIDUAL_BUSINESS' : 'ENTERPRISE' }));
    const inOutsider = await makeTargets(outsider.poolId, 3);
    const gone = await makeTargets(lead.poolId, 1, { status: 'DEREGISTERED' });
    const suspended = await makeTargets(lead.poolId, 1, { status: 'SUSPENDED' });
    // History: inLead[0] twice this year (out), inLead[1] once (in), inLead[2] twice but last year (in),
    // inLead[3] twice this year but one of them only REVEALED and one VOIDED (in).
    const hist = async () => (await makeTask({ lead: outsider, status: 'CLOSED' })).id; // one locked target draw per task
    await fakeLockedDraw(await hist(), [inLead[0]!, inLead[1]!], 2026);
    await fakeLockedDraw(await hist(), [inLead[0]!], 2026);
    await fakeLockedDraw(await hist(), [inLead[2]!], 2025);
    await fakeLockedDraw(await hist(), [inLead[2]!], 2025);
    await fakeLockedDraw(await hist(), [inLead[3]!], 2026, 'REVEALED');
    await fakeLockedDraw(await hist(), [inLead[3]!], 2026, 'VOIDED');
    const a = await drawActors(lead);
    const candidatesOf = async (taskId: string) => {
      const c = await commit(taskId, a.lead.headers);
      const e = await evidence(c.draw.id, a.lead.headers);
      await gqlOk(VOID, { id: c.draw.id, reason: '只看候选清单' }, a.lead.headers);
      return e.candidates.map((l) => l.slice(0, 18)).sort();
    };
    const usccs = (ts: { uscc: string }[]) => ts.map((t) => t.uscc);
    const expectedAll = [...usccs(inLead.slice(1)), ...usccs(inSub), ...usccs(inOther), ...usccs(suspended)].sort();
    const all = await makeTask({ lead, participants: [other] });
    expect(await candidatesOf(all.id)).toEqual(expectedAll);
    // named pool → that pool and its sub-pools only
    const named = await makeTask({ lead, participants: [other], poolIds: [lead.poolId] });
    expect(await candidatesOf(named.id)).toEqual([...usccs(inLead.slice(1)), ...usccs(inSub), ...usccs(suspended)].sort());
    // scope: industry code prefix
    const scoped = await makeTask({ lead, participants: [other], scopeIndustryCodes: ['H62'] });
    expect(await candidatesOf(scoped.id)).toEqual(usccs(inOther).sort());
    // region prefix, target type and business-scope keyword
    expect(await candidatesOf((await makeTask({ lead, participants: [other], scopeRegionCodes: ['3706'] })).id)).toEqual(expectedAll);
    expect(await candidatesOf((await makeTask({ lead, participants: [other], scopeRegionCodes: ['370602'] })).id)).toEqual(usccs(inOther).sort());
    expect(await candidatesOf((await makeTask({ lead, participants: [other], scopeTargetTypes: ['INDIVIDUAL_BUSINESS'] })).id)).toEqual(usccs(inOther.slice(1)).sort());
    expect(await candidatesOf((await makeTask({ lead, participants: [other], scopeKeywords: ['住宿', '不存在的词'] })).id)).toEqual([inOther[0]!.uscc]);
    expect(usccs(inOutsider).some((u) => expectedAll.includes(u))).toBe(false);
    expect(usccs(gone).some((u) => expectedAll.includes(u))).toBe(false);
  });

  it('a task with nothing to draw is refused, nothing written', async () => {
    const lead = await makeDepartment(1);
    const task = await makeTask({ lead });
    const a = await drawActors(lead);
    const r = await gql(COMMIT_TARGET, { taskId: task.id, src: 'x' }, a.lead.headers);
    expect([code(r), reason(r)]).toEqual(['BAD_USER_INPUT', 'NO_CANDIDATES']);
    expect(await prisma().draw.count({ where: { taskId: task.id } })).toBe(0);
  });
});

describe('sizes', () => {
  let lead: DrawDepartment;
  let a: Awaited<ReturnType<typeof drawActors>>;
  beforeAll(async () => {
    lead = await makeDepartment(2);
    await makeTargets(lead.poolId, 21, (i) => ({ riskClass: i < 7 ? 'A' : 'D' })); // A 7, D 14
    a = await drawActors(lead);
  });
  const strata = async (extra: Record<string, unknown>, ratios?: { A: number; B: number; C: number; D: number }) => {
    const task = await makeTask({ lead, ratios });
    const c = await commit(task.id, a.lead.headers, extra);
    const d = await reveal(c.draw.id, a.lead.headers);
    await gqlOk(VOID, { id: d.id, reason: '只测数量' }, a.lead.headers);
    return { params: JSON.parse(d.params).strata, selected: d.selectedCount, stratified: d.stratified };
  };

  it('ratios in basis points, rounded up, per class', async () => {
    const r = await strata({}, { A: 100, B: 500, C: 1000, D: 1500 });
    expect(r.params).toEqual({ A: { bp: 100, n: 7, k: 1 }, B: { bp: 500, n: 0, k: 0 }, C: { bp: 1000, n: 0, k: 0 }, D: { bp: 1500, n: 14, k: 3 } });
    expect(r.selected).toBe(4);
  });

  it('explicit counts replace ratios and are bounded by the stratum', async () => {
    const r = await strata({ counts: [{ stratum: 'A', count: 2 }, { stratum: 'D', count: 99 }] });
    expect(r.params.A).toEqual({ count: 2, n: 7, k: 2 });
    expect(r.params.D).toEqual({ count: 99, n: 14, k: 14 });
    expect(r.selected).toBe(16);
  });

  it('unstratified: one stratum ALL (Draw.stratified = false), ratioBp or the class-B ratio', async () => {
    const r = await strata({ stratified: false, ratioBp: 2500 });
    expect(r.stratified).toBe(false);
    expect(r.params).toEqual({ ALL: { bp: 2500, n: 21, k: 6 } });
  });

  it('invalid sizes are refused with the field at fault', async () => {
    const task = await makeTask({ lead });
    const bad = async (extra: Record<string, unknown>) => {
      const r = await gql(COMMIT_TARGET, { taskId: task.id, src: 'x', ...extra }, a.lead.headers);
      return [code(r), r.errors?.[0]?.extensions?.field];
    };
    expect(await bad({ counts: [{ stratum: 'ALL', count: 3 }] })).toEqual(['BAD_USER_INPUT', 'counts']);
    expect(await bad({ counts: [{ stratum: 'A', count: -1 }] })).toEqual(['BAD_USER_INPUT', 'counts']);
    expect(await bad({ counts: [{ stratum: 'A', count: 1 }, { stratum: 'A', count: 2 }] })).toEqual(['BAD_USER_INPUT', 'counts']);
    expect(await bad({ ratioBp: 100 })).toEqual(['BAD_USER_INPUT', 'ratioBp']);
    expect(await bad({ stratified: false, ratioBp: 10_001 })).toEqual(['BAD_USER_INPUT', 'ratioBp']);
    expect(await bad({ counts: [{ stratum: 'A', count: 0 }, { stratum: 'D', count: 0 }] })).toEqual(['BAD_USER_INPUT', 'counts']); // selects nothing
    expect(await bad({ src: '  ' })).toEqual(['BAD_USER_INPUT', 'publicInputSource']);
  });
});

describe('rules around a draw', () => {
  it('one draw in progress per task; void (with a reason) frees the task and stays visible', async () => {
    const lead = await makeDepartment(1);
    await makeTargets(lead.poolId, 8);
    const task = await makeTask({ lead });
    const a = await drawActors(lead);
    const first = await commit(task.id, a.lead.headers);
    const r = await gql(COMMIT_TARGET, { taskId: task.id, src: 'second' }, a.office.headers);
    expect([code(r), reason(r)]).toEqual(['CONFLICT', 'DRAW_IN_PROGRESS']);
    await reveal(first.draw.id, a.lead.headers);
    expect(reason(await gql(COMMIT_TARGET, { taskId: task.id, src: 'second' }, a.lead.headers))).toBe('DRAW_IN_PROGRESS');
    expect(code(await gql(VOID, { id: first.draw.id, reason: ' ' }, a.lead.headers))).toBe('BAD_USER_INPUT');
    const voided = (await gqlOk(VOID, { id: first.draw.id, reason: '观察员未到场' }, a.lead.headers)).voidDraw;
    expect(voided).toMatchObject({ status: 'VOIDED', voidReason: '观察员未到场' });
    // still visible, to analysts too, with what it published
    const seen = await gqlOk<{ draw: any }>(`query($id: ID!) { draw(id: $id) { status voidReason serverSeed targetCount } }`, { id: first.draw.id }, a.analyst.headers);
    expect(seen.draw.status).toBe('VOIDED');
    expect(seen.draw.serverSeed).toMatch(/^[0-9a-f]{64}$/);
    expect(seen.draw.targetCount).toBeGreaterThan(0);
    expect(verifyEvidence(await evidence(first.draw.id, a.analyst.headers))).toMatchObject({ ok: true });
    // a new draw is a new event
    const second = await commit(task.id, a.office.headers);
    expect(second.draw.id).not.toBe(first.draw.id);
    expect(code(await gql(REVEAL, { id: first.draw.id, input: 'x' }, a.lead.headers))).toBe('INVALID_TRANSITION');
    // a draw voided before reveal keeps its server seed secret
    const v2 = (await gqlOk(VOID, { id: second.draw.id, reason: '重新安排' }, a.lead.headers)).voidDraw;
    expect(v2.serverSeed).toBeNull();
  });

  it('the task must be READY', async () => {
    const lead = await makeDepartment(1);
    await makeTargets(lead.poolId, 4);
    const task = await makeTask({ lead, status: 'INVITING' });
    const a = await drawActors(lead);
    const r = await gql(COMMIT_TARGET, { taskId: task.id, src: 'x' }, a.lead.headers);
    expect(code(r)).toBe('INVALID_TRANSITION');
    expect(code(await gql(COMMIT_TARGET, { taskId: '00000000-0000-4000-8000-000000000000', src: 'x' }, a.lead.headers))).toBe('NOT_FOUND');
    expect(code(await gql(COMMIT_TARGET, { taskId: 'nope', src: 'x' }, a.lead.headers))).toBe('BAD_USER_INPUT');
  });

  it('drawStratificationRate: share of locked target draws that were stratified', async () => {
    const lead = await makeDepartment(1);
    await makeTargets(lead.poolId, 8);
    const a = await drawActors(lead);
    const year = 2031;
    for (const stratified of [true, true, true, false]) await fullTargetDraw((await makeTask({ lead, year })).id, a.lead.headers, { stratified });
    const voided = await commit((await makeTask({ lead, year })).id, a.lead.headers, { stratified: false });
    await gqlOk(VOID, { id: voided.draw.id, reason: '不计入' }, a.lead.headers);
    const q = `query($y: Int!) { drawStratificationRate(year: $y) { year lockedTargetDraws stratifiedDraws rateBp } }`;
    expect((await gqlOk(q, { y: year }, a.office.headers)).drawStratificationRate).toEqual({ year, lockedTargetDraws: 4, stratifiedDraws: 3, rateBp: 7500 });
    expect((await gqlOk(q, { y: year }, a.analyst.headers)).drawStratificationRate.rateBp).toBe(7500);
    const outsider = (await drawActors(await makeDepartment(1))).lead;
    expect((await gqlOk(q, { y: year }, outsider.headers)).drawStratificationRate).toMatchObject({ lockedTargetDraws: 0, rateBp: null });
    const list = await gqlOk(`query { draws(filter: { stratified: false, kind: TARGET }, perPage: 100) { nodes { id stratified } } }`, {}, a.office.headers);
    expect(list.draws.nodes.length).toBeGreaterThanOrEqual(2);
  });
});

describe('inspector draw', () => {
  /** Three departments, 12 targets all drawn, inspector pools of 4, 3 and 3. */
  async function drawnTask(opts: { inspectors?: [number, number, number]; targets?: number; participants?: number } = {}) {
    const [n0, n1, n2] = opts.inspectors ?? [4, 3, 3];
    const lead = await makeDepartment(n0);
    const others = [await makeDepartment(n1), await makeDepartment(n2)].slice(0, opts.participants ?? 2);
    const targets = await makeTargets(lead.poolId, opts.targets ?? 12);
    const task = await makeTask({ lead, participants: others, ratios: { A: 10_000, B: 10_000, C: 10_000, D: 10_000 } });
    const a = await drawActors(lead, others);
    const targetDraw = await fullTargetDraw(task.id, a.lead.headers);
    return { lead, others, targets, task, a, targetDraw };
  }

  it('comes after the locked target draw', async () => {
    const lead = await makeDepartment(2);
    await makeTargets(lead.poolId, 4);
    const task = await makeTask({ lead });
    const a = await drawActors(lead);
    expect(code(await gql(COMMIT_INSPECTOR, { taskId: task.id, src: 'x' }, a.lead.headers))).toBe('INVALID_TRANSITION');
  });

  it('one inspector per department per target, leader from the lead department, caps, evidence; lock → DISPATCHED', async () => {
    const { lead, others, task, a } = await drawnTask();
    const c = (await gqlOk(COMMIT_INSPECTOR, { taskId: task.id, src: '观察员读数（二）' }, a.lead.headers)).commitInspectorDraw;
    expect(c.draw).toMatchObject({ kind: 'INSPECTOR', status: 'COMMITTED', serverSeed: null, candidateCount: 10, stratified: false });
    const params = JSON.parse(c.draw.params);
    expect(params.departments[lead.code]).toEqual({ lead: true, seats: 1, slots: 12, pool: 4, cap: 3 });
    expect(params.departments[others[0]!.code]).toEqual({ lead: false, seats: 1, slots: 12, pool: 3, cap: 4 });
    const d = await reveal(c.draw.id, a.lead.headers, '654321');
    expect(d.selectedCount).toBe(36);
    const t = await teams(d.id, a.office.headers);
    expect(t).toHaveLength(36);
    const byTarget = new Map<string, typeof t>();
    for (const x of t) byTarget.set(x.uscc, [...(byTarget.get(x.uscc) ?? []), x]);
    expect(byTarget.size).toBe(12);
    for (const team of byTarget.values()) {
      expect(team.map((x) => x.department).sort()).toEqual([lead.code, ...others.map((o) => o.code)].sort());
      expect(team.filter((x) => x.role === 'LEADER').map((x) => x.department)).toEqual([lead.code]);
      for (const x of team) expect(x.ticket).toBe(h(`${d.seed}:${x.uscc}:${x.cert}`));
    }
    const load = new Map<string, number>();
    for (const x of t) load.set(x.cert, (load.get(x.cert) ?? 0) + 1);
    for (const [cert, n] of load) expect(n, cert).toBeLessThanOrEqual(cert.includes(lead.code) ? 3 : 4);
    const e = await evidence(d.id, a.participants[0]!.headers);
    expect(verifyEvidence(e)).toMatchObject({ ok: true });
    expect(e.assignments).toHaveLength(36);
    const tampered = structuredClone(e);
    tampered.candidates = tampered.candidates.filter((l) => !l.startsWith('X,'));
    tampered.candidates[0] = tampered.candidates[0]!.replace(/.$/, (ch) => (ch === '1' ? '2' : '1'));
    expect(verifyEvidence(tampered).ok).toBe(false);
    // certificate numbers: staff only
    const r = await gql(EVIDENCE, { id: d.id }, a.analyst.headers);
    expect([code(r), reason(r)]).toEqual(['FORBIDDEN', 'STAFF_ONLY']);
    const locked = await lock(d.id, a.lead.headers);
    expect(locked.task.status).toBe('DISPATCHED');
  });

  it('a single department fills two seats per target', async () => {
    // 3 targets × 2 seats over 6 inspectors: cap 1, so every reveal can be served.
    const { lead, task, a } = await drawnTask({ participants: 0, inspectors: [6, 0, 0], targets: 3 });
    const c = (await gqlOk(COMMIT_INSPECTOR, { taskId: task.id, src: 'x' }, a.lead.headers)).commitInspectorDraw;
    expect(JSON.parse(c.draw.params).departments[lead.code]).toEqual({ lead: true, seats: 2, slots: 6, pool: 6, cap: 1 });
    await reveal(c.draw.id, a.lead.headers);
    const t = await teams(c.draw.id, a.office.headers);
    expect(t).toHaveLength(6);
    expect(new Set(t.map((x) => x.cert)).size).toBe(6);
    const byTarget = new Map<string, string[]>();
    for (const x of t) byTarget.set(x.uscc, [...(byTarget.get(x.uscc) ?? []), `${x.role}:${x.cert}`]);
    for (const team of byTarget.values()) {
      expect(team.map((x) => x.split(':')[0]).sort()).toEqual(['LEADER', 'MEMBER']);
      expect(new Set(team.map((x) => x.split(':')[1])).size).toBe(2);
    }
  });

  it('recused, on leave, inactive and recently-inspected inspectors are never matched', async () => {
    // Enough slack that the exclusions can never exhaust a department (caps: lead ceil(6/5) = 2, others[0] ceil(6/4) = 2).
    const { lead, others, targets, task, a } = await drawnTask({ inspectors: [7, 4, 3], targets: 6 });
    const [l0, l1, l2] = lead.inspectors;
    // l0 recused for targets[0]; l1 on leave during the window; l2 inactive
    await prisma().recusal.create({ data: { inspectorId: l0!.id, targetId: targets[0]!.id, reason: '亲属关系' } });
    await prisma().inspectorLeave.create({ data: { inspectorId: l1!.id, startsOn: new Date('2026-06-01'), endsOn: new Date('2026-07-15') } });
    await prisma().inspector.update({ where: { id: l2!.id }, data: { active: false } });
    // others[0]'s first inspector inspected targets[1] two months ago (a record), and targets[2] in a locked inspector
    // draw of an earlier task.
    const o0 = others[0]!.inspectors[0]!;
    const prior = await makeTask({ lead, status: 'CLOSED' });
    const rec = await prisma().inspectionRecord.create({ data: { taskId: prior.id, targetId: targets[1]!.id, inspectedOn: new Date(Date.now() - 60 * 86_400_000) } });
    await prisma().recordInspector.create({ data: { recordId: rec.id, inspectorId: o0.id } });
    const priorDraw = await fakeLockedDraw(prior.id, [targets[2]!], 2026);
    await prisma().draw.update({ where: { id: priorDraw.id }, data: { kind: 'INSPECTOR', status: 'LOCKED', lockedAt: new Date(Date.now() - 100 * 86_400_000) } });
    await prisma().inspectorAssignment.create({
      data: { drawId: priorDraw.id, taskId: prior.id, targetId: targets[2]!.id, inspectorId: o0.id, departmentId: others[0]!.id, role: 'MEMBER', ticket: '0'.repeat(64) },
    });
    // and one that inspected targets[3] more than 365 days ago: not excluded
    const old = await prisma().inspectionRecord.create({ data: { taskId: prior.id, targetId: targets[3]!.id, inspectedOn: new Date(Date.now() - 400 * 86_400_000) } });
    await prisma().recordInspector.create({ data: { recordId: old.id, inspectorId: o0.id } });

    const c = (await gqlOk(COMMIT_INSPECTOR, { taskId: task.id, src: 'x' }, a.lead.headers)).commitInspectorDraw;
    expect(JSON.parse(c.draw.params).departments[lead.code].pool).toBe(5); // 7 minus on leave minus inactive
    const e0 = await evidence(c.draw.id, a.lead.headers);
    const xLines = e0.candidates.filter((l) => l.startsWith('X,')).sort();
    expect(xLines).toEqual(
      [`X,${targets[0]!.uscc},${l0!.certificateNo}`, `X,${targets[1]!.uscc},${o0.certificateNo}`, `X,${targets[2]!.uscc},${o0.certificateNo}`].sort(),
    );
    await reveal(c.draw.id, a.lead.headers);
    const t = await teams(c.draw.id, a.office.headers);
    expect(t.some((x) => x.cert === l1!.certificateNo || x.cert === l2!.certificateNo)).toBe(false);
    expect(t.some((x) => x.uscc === targets[0]!.uscc && x.cert === l0!.certificateNo)).toBe(false);
    expect(t.some((x) => x.uscc === targets[1]!.uscc && x.cert === o0.certificateNo)).toBe(false);
    expect(t.some((x) => x.uscc === targets[2]!.uscc && x.cert === o0.certificateNo)).toBe(false);
    expect(verifyEvidence(await evidence(c.draw.id, a.lead.headers))).toMatchObject({ ok: true });
  });

  it('caps that run out under a seed: the reveal fails with the typed error, writes no team, and voids the draw publicly', async () => {
    // One department, 3 inspectors, 3 targets × 2 seats: cap 2. If the first two teams use the same two inspectors
    // (probability 1/3 per seed), the third target has one inspector left for two seats.
    const { lead, task, a } = await drawnTask({ participants: 0, inspectors: [3, 0, 0], targets: 3 });
    let failed: { drawId: string; extensions: Record<string, unknown> } | null = null;
    for (let attempt = 0; attempt < 40 && !failed; attempt++) {
      const c = (await gqlOk(COMMIT_INSPECTOR, { taskId: task.id, src: `第 ${attempt} 次` }, a.lead.headers)).commitInspectorDraw;
      const r = await gql(REVEAL, { id: c.draw.id, input: `input-${attempt}` }, a.lead.headers);
      if (r.errors) failed = { drawId: c.draw.id, extensions: r.errors[0]!.extensions! };
      else await gqlOk(VOID, { id: c.draw.id, reason: '再试' }, a.lead.headers);
    }
    expect(failed, 'no seed ran out of inspectors in 40 attempts').not.toBeNull();
    expect(failed!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_ELIGIBLE_INSPECTOR', department: lead.code });
    expect(await prisma().inspectorAssignment.count({ where: { drawId: failed!.drawId } })).toBe(0);
    const d = await prisma().draw.findUniqueOrThrow({ where: { id: failed!.drawId } });
    expect(d.status).toBe('VOIDED');
    expect(d.voidReason).toMatch(/^NO_ELIGIBLE_INSPECTOR/);
    expect(code(await gql(REVEAL, { id: failed!.drawId, input: 'another try' }, a.lead.headers))).toBe('INVALID_TRANSITION');
    const e = await evidence(failed!.drawId, a.lead.headers);
    expect(verifyEvidence(e)).toMatchObject({ ok: true, summary: expect.stringMatching(/voided at reveal/) });
  });

  it('no eligible inspector: a typed error naming the target and the department, nothing written', async () => {
    const { others, targets, task, a } = await drawnTask({ inspectors: [2, 1, 2], targets: 3 });
    const only = others[0]!.inspectors[0]!;
    await prisma().recusal.create({ data: { inspectorId: only.id, targetId: targets[1]!.id, reason: '曾任该企业顾问' } });
    const before = await prisma().draw.count({ where: { taskId: task.id } });
    const r = await gql(COMMIT_INSPECTOR, { taskId: task.id, src: 'x' }, a.lead.headers);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_ELIGIBLE_INSPECTOR', uscc: targets[1]!.uscc, department: others[0]!.code });
    expect(await prisma().draw.count({ where: { taskId: task.id } })).toBe(before);
    expect(await prisma().inspectorAssignment.count({ where: { taskId: task.id } })).toBe(0);
  });
});
