// Concurrent draw requests (issue 5, "two concurrent draws on one task cannot both succeed, and an inspector cannot be
// double-booked"). On PostgreSQL the requests really run in parallel (one pooled connection each) and the row locks
// and the per-year advisory lock decide; on PGlite (one connection) they serialise, and the outcome must be the same.
import { describe, expect, it } from 'vitest';
import { prisma } from '../../server/src/db/database.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { gql, gqlOk, type GqlResult } from '../helpers/graphql.ts';
import { COMMIT_INSPECTOR, COMMIT_TARGET, LOCK, REVEAL, VOID, drawActors, fakeLockedDraw, makeDepartment, makeTargets, makeTask } from '../fixtures/draws.ts';

useTestDatabase();

const N = 5;
const outcome = (rs: GqlResult[]) => {
  const ok = rs.filter((r) => !r.errors?.length);
  const failed = rs.filter((r) => r.errors?.length).map((r) => `${r.errors![0]!.extensions?.code}:${r.errors![0]!.extensions?.reason ?? ''}`);
  return { ok: ok.length, failed, winner: ok[0] };
};

async function setup(targets = 12) {
  const lead = await makeDepartment(3);
  await makeTargets(lead.poolId, targets);
  const task = await makeTask({ lead });
  const a = await drawActors(lead);
  return { lead, task, a };
}

describe('one task, parallel requests', () => {
  it(`${N} parallel commits: one draw`, async () => {
    const { task, a } = await setup();
    const rs = await Promise.all(Array.from({ length: N }, (_, i) => gql(COMMIT_TARGET, { taskId: task.id, src: `来源 ${i}` }, i % 2 ? a.office.headers : a.lead.headers)));
    const o = outcome(rs);
    expect(o.ok).toBe(1);
    expect(o.failed).toEqual(Array(N - 1).fill('CONFLICT:DRAW_IN_PROGRESS'));
    expect(await prisma().draw.count({ where: { taskId: task.id } })).toBe(1);
  });

  it(`${N} parallel reveals with different public inputs: one result`, async () => {
    const { task, a } = await setup();
    const id = (await gqlOk(COMMIT_TARGET, { taskId: task.id, src: 'x' }, a.lead.headers)).commitTargetDraw.draw.id;
    const rs = await Promise.all(Array.from({ length: N }, (_, i) => gql(REVEAL, { id, input: `输入 ${i}` }, a.lead.headers)));
    const o = outcome(rs);
    expect(o.ok).toBe(1);
    expect(o.failed).toEqual(Array(N - 1).fill('INVALID_TRANSITION:'));
    const d = await prisma().draw.findUniqueOrThrow({ where: { id } });
    expect(d.publicInput).toBe(o.winner!.data.revealDraw.publicInput);
    expect(await prisma().drawTarget.count({ where: { drawId: id } })).toBe(d.selectedCount);
  });

  it(`${N} parallel locks (and a void): one lock, one task transition`, async () => {
    const { task, a } = await setup();
    const id = (await gqlOk(COMMIT_TARGET, { taskId: task.id, src: 'x' }, a.lead.headers)).commitTargetDraw.draw.id;
    await gqlOk(REVEAL, { id, input: 'x' }, a.lead.headers);
    const rs = await Promise.all([
      ...Array.from({ length: N }, () => gql(LOCK, { id }, a.lead.headers)),
      gql(VOID, { id, reason: '并发作废' }, a.office.headers),
    ]);
    const o = outcome(rs);
    expect(o.ok).toBe(1);
    expect(o.failed.every((f) => f === 'INVALID_TRANSITION:')).toBe(true);
    const d = await prisma().draw.findUniqueOrThrow({ where: { id } });
    const t = await prisma().task.findUniqueOrThrow({ where: { id: task.id } });
    expect(t.status).toBe(d.status === 'LOCKED' ? 'DRAWN' : 'READY');
    expect(await prisma().auditEvent.count({ where: { entityId: task.id, operation: 'task:READY->DRAWN' } })).toBe(d.status === 'LOCKED' ? 1 : 0);
  });
});

describe('across tasks', () => {
  it('"at most twice a year" holds when two tasks lock draws of the same target at the same time', async () => {
    const dep = await makeDepartment(2);
    const [target] = await makeTargets(dep.poolId, 1, { riskClass: 'C' });
    const history = await makeTask({ lead: dep, status: 'CLOSED' });
    await fakeLockedDraw(history.id, [target!], 2026); // drawn once already this year
    const a = await drawActors(dep);
    const draws: string[] = [];
    for (let i = 0; i < 3; i++) {
      const task = await makeTask({ lead: dep, ratios: { A: 10_000, B: 10_000, C: 10_000, D: 10_000 } });
      const id = (await gqlOk(COMMIT_TARGET, { taskId: task.id, src: 'x' }, a.lead.headers)).commitTargetDraw.draw.id;
      await gqlOk(REVEAL, { id, input: `i${i}` }, a.lead.headers);
      draws.push(id);
    }
    const o = outcome(await Promise.all(draws.map((id) => gql(LOCK, { id }, a.lead.headers))));
    expect(o.ok).toBe(1);
    expect(o.failed).toEqual(['CONFLICT:DRAWN_TWICE_THIS_YEAR', 'CONFLICT:DRAWN_TWICE_THIS_YEAR']);
    const locked = await prisma().drawTarget.count({ where: { targetId: target!.id, year: 2026, draw: { status: 'LOCKED', kind: 'TARGET' } } });
    expect(locked).toBe(2);
    // and the next draw no longer sees the target at all
    const next = await makeTask({ lead: dep });
    const r = await gql(COMMIT_TARGET, { taskId: next.id, src: 'x' }, a.lead.headers);
    expect(r.errors?.[0]?.extensions?.reason).toBe('NO_CANDIDATES');
  });

  it('an inspector is not booked twice for one target by two inspector draws locked at the same time', async () => {
    const dep = await makeDepartment(2); // one department, two inspectors: both on every team (two seats)
    const [target] = await makeTargets(dep.poolId, 1);
    const a = await drawActors(dep);
    const inspectorDraws: string[] = [];
    for (let i = 0; i < 2; i++) {
      const task = await makeTask({ lead: dep, ratios: { A: 10_000, B: 10_000, C: 10_000, D: 10_000 } });
      const t = (await gqlOk(COMMIT_TARGET, { taskId: task.id, src: 'x' }, a.lead.headers)).commitTargetDraw.draw.id;
      await gqlOk(REVEAL, { id: t, input: `t${i}` }, a.lead.headers);
      await gqlOk(LOCK, { id: t }, a.lead.headers);
      const id = (await gqlOk(COMMIT_INSPECTOR, { taskId: task.id, src: 'x' }, a.lead.headers)).commitInspectorDraw.draw.id;
      await gqlOk(REVEAL, { id, input: `p${i}` }, a.lead.headers);
      inspectorDraws.push(id);
    }
    const o = outcome(await Promise.all(inspectorDraws.map((id) => gql(LOCK, { id }, a.lead.headers))));
    expect(o.ok).toBe(1);
    expect(o.failed).toEqual(['CONFLICT:INSPECTOR_DOUBLE_BOOKED']);
    const booked = await prisma().inspectorAssignment.groupBy({ by: ['inspectorId'], where: { targetId: target!.id, draw: { status: 'LOCKED' } }, _count: true });
    expect(booked.map((b) => b._count)).toEqual([1, 1]);
  });
});
