// Statistics of sha256-rank-v1 (issue 5): 10,000 draws from a small pool, each with its own server seed and public
// input, are uniform within every stratum (chi-square, p > 0.01), and the "at most twice a year" and recusal rules
// never break — at the level of the pure functions (fast, many draws) and end to end through GraphQL (fewer draws).
//
// The seeds are fresh for every draw but derived deterministically (SHA-256 of a salt and the draw number), so the
// test is reproducible: it checks one fixed sample of 10,000 draws rather than failing 1 % of runs by chance.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as A from '../../server/src/modules/draw/draw.algorithm.ts';
import { makeUscc } from '../../server/src/shared/uscc.ts';
import { prisma } from '../../server/src/db/database.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { gql, gqlOk } from '../helpers/graphql.ts';
import { COMMIT_INSPECTOR, COMMIT_TARGET, LOCK, REVEAL, drawActors, makeDepartment, makeTargets, makeTask } from '../fixtures/draws.ts';

useTestDatabase();

const h = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const DRAWS = 10_000;

// ── chi-square p-value: Q(df/2, x/2), the regularized upper incomplete gamma function ──
function lnGamma(z: number): number {
  const g = 7;
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - lnGamma(1 - z);
  z -= 1;
  let x = c[0]!;
  for (let i = 1; i < g + 2; i++) x += c[i]! / (z + i);
  const t = z + g + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(x);
}
function upperGammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return 1 - sum * Math.exp(-x + a * Math.log(x) - lnGamma(a));
  }
  // Lentz's continued fraction
  let b = x + 1 - a;
  let c = 1e300;
  let d = 1 / b;
  let f = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const delta = d * c;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.exp(-x + a * Math.log(x) - lnGamma(a)) * f;
}
const chiSquareP = (statistic: number, df: number) => upperGammaQ(df / 2, statistic / 2);

/**
 * Pearson's statistic for "every candidate of the stratum is selected with probability k/N". Selecting k of N without
 * replacement makes the counts negatively correlated: Σ(O−E)²/E then follows (N−k)/(N−1) · χ²(N−1), so the statistic
 * is scaled by (N−1)/(N−k) before the χ²(N−1) tail is read. (k = 1 is the plain multinomial case.)
 */
function uniformity(counts: number[], draws: number, k: number) {
  const n = counts.length;
  const expected = (draws * k) / n;
  const pearson = counts.reduce((s, o) => s + (o - expected) ** 2 / expected, 0);
  const statistic = k === n ? 0 : (pearson * (n - 1)) / (n - k);
  return { statistic, df: n - 1, p: k === n ? 1 : chiSquareP(statistic, n - 1) };
}

describe('the chi-square helper', () => {
  it('matches tabulated critical values (p = 0.01 and 0.05)', () => {
    expect(chiSquareP(18.475, 7)).toBeCloseTo(0.01, 4);
    expect(chiSquareP(24.725, 11)).toBeCloseTo(0.01, 4);
    expect(chiSquareP(6.635, 1)).toBeCloseTo(0.01, 4);
    expect(chiSquareP(16.919, 9)).toBeCloseTo(0.05, 4);
    expect(chiSquareP(0.5, 9)).toBeGreaterThan(0.99);
  });
});

describe(`${DRAWS.toLocaleString('en')} draws from a small pool (pure functions)`, () => {
  const usccOf = (i: number) => makeUscc('9', '1', '370687', `MA5T${String(i).padStart(4, '0')}X`);
  // Stratum A: 8 candidates, k = ceil(2500 × 8 / 10000) = 2; stratum D: 12 candidates, k = ceil(2500 × 12 / 10000) = 3;
  // stratum C: 5 candidates, k = ceil(1.25) = 2.
  const candidates: A.Candidate[] = [
    ...Array.from({ length: 8 }, (_, i) => ({ uscc: usccOf(i), stratum: 'A' as const })),
    ...Array.from({ length: 5 }, (_, i) => ({ uscc: usccOf(100 + i), stratum: 'C' as const })),
    ...Array.from({ length: 12 }, (_, i) => ({ uscc: usccOf(200 + i), stratum: 'D' as const })),
  ];
  const set = A.parseCandidates(Buffer.from(A.candidateText(candidates)));
  const { params } = A.targetDrawParams({
    task: 'STAT',
    year: 2026,
    stratified: true,
    publicInputSource: 'test',
    rules: { A: { bp: 2500 }, B: { bp: 2500 }, C: { bp: 2500 }, D: { bp: 2500 } },
    counts: A.stratumCounts(set),
  });
  const sizes = Object.fromEntries(Object.entries(params.strata).map(([s, p]) => [s, p!.k])) as Record<A.Stratum, number>;

  it('selects every candidate of a stratum equally often, and every candidate equally often first', () => {
    expect(sizes).toEqual({ A: 2, B: 0, C: 2, D: 3 });
    const selected = new Map<string, number>(candidates.map((c) => [c.uscc, 0]));
    const first = new Map<string, number>(candidates.map((c) => [c.uscc, 0]));
    const digests = new Int32Array(set.n * 8);
    for (let d = 0; d < DRAWS; d++) {
      const serverSeed = h(`statistics salt|${d}`);
      const seed = A.deriveSeed(serverSeed, `public input ${d}`);
      A.computeTickets(seed, set.uscc, 0, set.n, digests);
      const sel = A.selectTargetIndices(set, sizes, digests);
      expect(sel.length).toBe(7);
      for (let p = 0; p < sel.length; p++) {
        const u = A.usccAt(set, sel.index[p]!);
        selected.set(u, selected.get(u)! + 1);
        if (sel.rank[p] === 1) first.set(u, first.get(u)! + 1);
      }
    }
    for (const [s, k] of [['A', 2], ['C', 2], ['D', 3]] as const) {
      const members = candidates.filter((c) => c.stratum === s).map((c) => c.uscc);
      const all = uniformity(members.map((u) => selected.get(u)!), DRAWS, k);
      const firsts = uniformity(members.map((u) => first.get(u)!), DRAWS, 1);
      expect(all.p, `stratum ${s}: χ² = ${all.statistic.toFixed(2)}, df ${all.df}`).toBeGreaterThan(0.01);
      expect(firsts.p, `stratum ${s} first picks: χ² = ${firsts.statistic.toFixed(2)}`).toBeGreaterThan(0.01);
      expect(members.reduce((n, u) => n + selected.get(u)!, 0)).toBe(DRAWS * k);
    }
  });

  it('a biased selection would be caught (the test has power)', () => {
    // Same draws, but the lowest USCC of stratum D gets a 10 % extra chance: the test must reject it.
    const members = candidates.filter((c) => c.stratum === 'D').map((c) => c.uscc);
    const counts = members.map(() => 0);
    for (let d = 0; d < DRAWS; d++) {
      const seed = h(`bias|${d}`);
      const order = members.map((u, i) => ({ i, t: A.ticketOf(seed, u) })).sort((x, y) => (x.t < y.t ? -1 : 1));
      let picks = order.slice(0, 3).map((o) => o.i);
      if (!picks.includes(0) && parseInt(seed.slice(0, 2), 16) < 26) picks = [0, ...picks.slice(0, 2)];
      for (const i of picks) counts[i]!++;
    }
    expect(uniformity(counts, DRAWS, 3).p).toBeLessThan(0.01);
  });

  it('"at most twice a year": a year of draws never selects a target a third time (model of the candidate rule)', () => {
    // 30 targets, 40 tasks a year, each drawing 30 % of the candidates left after the rule removes targets already
    // in two locked draws. The rule is the SQL of commitTargetDraw; this checks that drawing only from such candidate
    // lists can never break it, whatever the seeds (the end-to-end test below runs the real SQL).
    const pool = Array.from({ length: 30 }, (_, i) => ({ uscc: usccOf(500 + i), stratum: 'ALL' as const }));
    const times = new Map(pool.map((c) => [c.uscc, 0]));
    let draws = 0;
    for (let t = 0; t < 40; t++) {
      const eligible = pool.filter((c) => times.get(c.uscc)! < 2);
      if (!eligible.length) break;
      const s = A.parseCandidates(Buffer.from(A.candidateText(eligible)));
      const k = A.sampleSize({ bp: 3000 }, s.n);
      for (const x of A.selectTargets(s, h(`year|${t}`), { ALL: k })) times.set(x.uscc, times.get(x.uscc)! + 1);
      draws++;
    }
    expect(Math.max(...times.values())).toBe(2);
    expect(draws).toBeGreaterThan(5);
  });

  it('recusals, caps and teams: 2,000 inspector matches never break them', () => {
    const inspectors = ['D01', 'D02', 'D03'].flatMap((d, j) => Array.from({ length: 4 + j }, (_, i) => ({ department: d, certificateNo: `${d}-${i}` })));
    let served = 0;
    let infeasible = 0;
    for (let m = 0; m < 2000; m++) {
      const seed = h(`match|${m}`);
      const targets = Array.from({ length: 10 }, (_, i) => ({ uscc: usccOf(1000 + ((m * 7 + i) % 60)), stratum: 'B', ticket: h(`${seed}:t${i}`) }));
      // every target: two random recusals
      const exclusions = targets.flatMap((t, i) => [0, 1].map((r) => ({ uscc: t.uscc, certificateNo: inspectors[parseInt(h(`${seed}:${i}:${r}`).slice(0, 6), 16) % inspectors.length]!.certificateNo })));
      const snapshot = A.parseInspectorSnapshot(A.inspectorSnapshotText({ inspectors, targets, exclusions }));
      const plans = A.departmentPlans(snapshot, [{ code: 'D01', lead: false }, { code: 'D02', lead: true }, { code: 'D03', lead: false }]);
      let teams: A.Assignment[];
      try {
        teams = A.matchInspectors(snapshot, plans, A.deriveSeed(seed, String(m)));
      } catch (e) {
        expect((e as A.DrawAlgorithmError).reason).toBe('NO_ELIGIBLE_INSPECTOR');
        infeasible++;
        continue;
      }
      served++;
      const excluded = new Set(snapshot.exclusions.map((x) => `${x.uscc},${x.certificateNo}`));
      const load = new Map<string, number>();
      const byTarget = new Map<string, A.Assignment[]>();
      for (const a of teams) {
        expect(excluded.has(`${a.uscc},${a.certificateNo}`)).toBe(false);
        load.set(a.certificateNo, (load.get(a.certificateNo) ?? 0) + 1);
        byTarget.set(a.uscc, [...(byTarget.get(a.uscc) ?? []), a]);
      }
      for (const [cert, n] of load) expect(n).toBeLessThanOrEqual(plans[cert.slice(0, 3)]!.cap);
      for (const team of byTarget.values()) {
        expect(team.map((a) => a.department)).toEqual(['D01', 'D02', 'D03']);
        expect(team.filter((a) => a.role === 'LEADER').map((a) => a.department)).toEqual(['D02']);
      }
    }
    expect(served).toBeGreaterThan(1500);
    expect(served + infeasible).toBe(2000);
  });
});

describe('end to end: a year of draws on one pool (GraphQL)', () => {
  it('no target is locked in more than two draws a year, no recused or repeated inspector lands on a target', async () => {
    const dep = await makeDepartment(6);
    const targets = await makeTargets(dep.poolId, 10, { riskClass: 'B' });
    // every inspector recused for two targets
    for (const [i, ins] of dep.inspectors.entries())
      for (const t of [targets[i]!, targets[(i + 5) % 10]!]) await prisma().recusal.create({ data: { inspectorId: ins.id, targetId: t.id, reason: '利害关系' } });
    const a = await drawActors(dep);
    const year = 2032;
    let lockedInspectorDraws = 0;
    for (let n = 0; n < 7; n++) {
      const task = await makeTask({ lead: dep, year, ratios: { A: 4000, B: 4000, C: 4000, D: 4000 } });
      const c = await gql(COMMIT_TARGET, { taskId: task.id, src: `第${n}次` }, a.lead.headers);
      if (c.errors) {
        expect(c.errors[0]!.extensions?.reason).toBe('NO_CANDIDATES'); // the pool is used up for the year
        break;
      }
      const id = c.data.commitTargetDraw.draw.id;
      await gqlOk(REVEAL, { id, input: `t${n}` }, a.lead.headers);
      await gqlOk(LOCK, { id }, a.lead.headers);
      const over = await prisma().$queryRaw<{ n: number }[]>`
        select count(*)::int as n from draw_target dt join draw d on d.id = dt.draw_id
         where d.status = 'LOCKED' and d.kind = 'TARGET' and dt.year = ${year}::int group by dt.target_id having count(*) > 2`;
      expect(over).toEqual([]);
      for (let attempt = 0; attempt < 6; attempt++) {
        const ci = await gql(COMMIT_INSPECTOR, { taskId: task.id, src: `人员第${n}次` }, a.lead.headers);
        if (ci.errors) {
          expect(ci.errors[0]!.extensions?.reason).toBe('NO_ELIGIBLE_INSPECTOR');
          break;
        }
        const r = await gql(REVEAL, { id: ci.data.commitInspectorDraw.draw.id, input: `p${n}-${attempt}` }, a.lead.headers);
        if (r.errors) continue; // caps ran out under this seed: voided, draw again
        await gqlOk(LOCK, { id: ci.data.commitInspectorDraw.draw.id }, a.lead.headers);
        lockedInspectorDraws++;
        break;
      }
    }
    expect(lockedInspectorDraws).toBeGreaterThan(0);
    const locked = await prisma().inspectorAssignment.findMany({ where: { draw: { status: 'LOCKED' } }, select: { targetId: true, inspectorId: true } });
    const recused = new Set((await prisma().recusal.findMany()).map((r) => `${r.targetId},${r.inspectorId}`));
    const pairs = locked.map((x) => `${x.targetId},${x.inspectorId}`);
    expect(pairs.filter((p) => recused.has(p))).toEqual([]);
    expect(new Set(pairs).size).toBe(pairs.length); // nobody inspects the same target twice within 365 days
    const perTarget = await prisma().drawTarget.groupBy({ by: ['targetId'], where: { year, draw: { status: 'LOCKED' } }, _count: true });
    expect(Math.max(...perTarget.map((p) => p._count))).toBeLessThanOrEqual(2);
  }, 180_000);
});
