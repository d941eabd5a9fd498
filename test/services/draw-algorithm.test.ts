// sha256-rank-v1 as pure functions: the worked examples of docs/DRAW.md (recomputed here with node:crypto alone,
// independently of the implementation), the fast hasher against node:crypto, sizes, canonical parameters, snapshot
// checks, and the verifier on good and tampered evidence (library and CLI).
import { createHash, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as A from '../../server/src/modules/draw/draw.algorithm.ts';
import { REPO_ROOT } from '../../server/src/db/database.ts';
import { makeUscc } from '../../server/src/shared/uscc.ts';
import { computeInspectorKeys, computeTicketDigests, drawWorkersActive } from '../../server/src/modules/draw/draw.parallel.ts';

const h = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

// ── docs/DRAW.md, "Worked example: a target draw" ──
const EXAMPLE = {
  serverSeed: 'bf5acc0d8c87fb9faef6fdae338b2577d5dc0b5aa839dda0b42269c07ec67f07',
  commitment: '8667a66e37b4c9d8fd66c781043c66bb98d13a81376e651636a60d5501cf0937',
  publicInput: '福彩3D 2026085 471',
  seed: 'f0e6c0cc66d376f50e345d19f66e6c76eae25c41ba3ef79bc60b4371a7fd3b18',
  candidates: [
    '91370687MA3C0010XQ,A',
    '91370687MA3C0017X0,D',
    '91370687MA3C0024XJ,A',
    '91370687MA3C0031X5,D',
    '91370687MA3C0038XC,D',
    '91370687MA3C0045XY,A',
    '91370687MA3C0052XH,D',
    '91370687MA3C0059XQ,D',
    '91370687MA3C0066XB,A',
    '91370687MA3C0073XX,D',
  ],
  candidateHash: 'fe00ee9c7467b8a07af92d094ad3223dfd28da1bc1d7e1757c703ad7ff49d0da',
  params:
    '{"algorithm":"sha256-rank-v1","kind":"TARGET","publicInputSource":"现场观察员读数（福彩3D 第2026085期开奖号）","strata":{"A":{"bp":3000,"k":2,"n":4},"B":{"bp":500,"k":0,"n":0},"C":{"bp":1000,"k":0,"n":0},"D":{"bp":5000,"k":3,"n":6}},"stratified":true,"task":"2026-SCJGJ-001","year":2026}',
  tickets: {
    '91370687MA3C0010XQ': '58caebd370cc1515d80aed1a30e5b643e9ebb8616710d7095301d0ad64ce4f73',
    '91370687MA3C0017X0': 'd9d1f2d00238b965746efc59d1676b7002637bdc9e0169403e72d6188009eefd',
    '91370687MA3C0024XJ': '617717a0a0a9d019bc1bbf598e500d83552f1fb378cf4171c5d84ac93ca8aae6',
    '91370687MA3C0031X5': '580676b808968db58317233335d2ad0128f555f84e7d9e563d3a0a515fe417fe',
    '91370687MA3C0038XC': '28d66bdfc17b3e050baed2a54221e0582ccb2a8e276db27a31a1f5fed5cb6390',
    '91370687MA3C0045XY': 'c7a96c509c87e810252bf2fdeb2b24097a2aae772ccd3b6678bfc7d869002fbb',
    '91370687MA3C0052XH': 'b907815cf0eac60e39af392a484bd6553aa9006e0b5e3679bec859e4dfeed737',
    '91370687MA3C0059XQ': 'd3e89d0fc51ce656f8267fb1a43c24e00bcb0f7ceb75b0c0129a856bdcc94ad2',
    '91370687MA3C0066XB': 'de3204fcd4cc32b35aa93c9d62235018da62f6e2fbb4a79e87f8d849e195cd0d',
    '91370687MA3C0073XX': '5b055ae645d2feadd596d6a08319f7dc8d963740f584c1dfc07e6d7542ae6c0e',
  } as Record<string, string>,
  selected: [
    ['A', 1, '91370687MA3C0010XQ'],
    ['A', 2, '91370687MA3C0024XJ'],
    ['D', 1, '91370687MA3C0038XC'],
    ['D', 2, '91370687MA3C0031X5'],
    ['D', 3, '91370687MA3C0073XX'],
  ] as const,
  resultHash: '7db884644110d6498368e179316ef1cfb63a100a4ae8b0a92eec828f7dd262aa',
};

// ── docs/DRAW.md, "Worked example: an inspector draw" ──
const TEAMS = {
  serverSeed: '1a5aacd1bbe0619d0cd9a99734cd436ed5edd658de08c54a8c7729d2fb5050ab',
  publicInput: '福彩3D 2026086 905',
  seed: '99b3d65a401a62f2fcd3a0443500c239048302462826370bc29376490786a918',
  snapshot: [
    'I,SCJGJ,37068713001',
    'I,SCJGJ,37068713002',
    'I,SCJGJ,37068713003',
    'I,YJGLJ,37068712001',
    'I,YJGLJ,37068712002',
    'T,91370687MA3C0010XQ,A,58caebd370cc1515d80aed1a30e5b643e9ebb8616710d7095301d0ad64ce4f73',
    'T,91370687MA3C0024XJ,A,617717a0a0a9d019bc1bbf598e500d83552f1fb378cf4171c5d84ac93ca8aae6',
    'T,91370687MA3C0038XC,D,28d66bdfc17b3e050baed2a54221e0582ccb2a8e276db27a31a1f5fed5cb6390',
    'X,91370687MA3C0038XC,37068712001',
  ],
  candidateHash: 'a886c0c81364dd00f669f0a27626c47f3d6a005f04d63997c946996f060823a6',
  teams: [
    ['91370687MA3C0038XC', 'SCJGJ', '37068713002', 'LEADER'],
    ['91370687MA3C0038XC', 'YJGLJ', '37068712002', 'MEMBER'],
    ['91370687MA3C0010XQ', 'SCJGJ', '37068713001', 'LEADER'],
    ['91370687MA3C0010XQ', 'YJGLJ', '37068712001', 'MEMBER'],
    ['91370687MA3C0024XJ', 'SCJGJ', '37068713003', 'LEADER'],
    ['91370687MA3C0024XJ', 'YJGLJ', '37068712002', 'MEMBER'],
  ],
  resultHash: '80e50eb35b05cadeb4309ebe5d95248316e88dd7d16869d38686bd1b9140506c',
};

describe('docs/DRAW.md worked example: target draw', () => {
  const text = EXAMPLE.candidates.map((l) => `${l}\n`).join('');

  it('recomputes with node:crypto alone, step by step', () => {
    expect(h(EXAMPLE.serverSeed)).toBe(EXAMPLE.commitment);
    expect(h(text)).toBe(EXAMPLE.candidateHash);
    expect(h(`${EXAMPLE.serverSeed}|${EXAMPLE.publicInput}`)).toBe(EXAMPLE.seed);
    for (const l of EXAMPLE.candidates) {
      const uscc = l.split(',')[0]!;
      expect(h(`${EXAMPLE.seed}:${uscc}`), uscc).toBe(EXAMPLE.tickets[uscc]);
    }
    // Independent selection: per stratum sort by ticket, take k (A: ceil(3000 × 4 / 10000) = 2, D: ceil(5000 × 6 / 10000) = 3).
    const rows = EXAMPLE.candidates.map((l) => ({ uscc: l.split(',')[0]!, stratum: l.split(',')[1]!, ticket: EXAMPLE.tickets[l.split(',')[0]!]! }));
    const pick = (s: string, k: number) => rows.filter((r) => r.stratum === s).sort((a, b) => (a.ticket < b.ticket ? -1 : 1)).slice(0, k);
    const selected = [...pick('A', 2), ...pick('D', 3)];
    expect(selected.map((r) => r.uscc)).toEqual(EXAMPLE.selected.map((s) => s[2]));
    expect(h(selected.map((r) => `${r.uscc},${r.stratum}\n`).join(''))).toBe(EXAMPLE.resultHash);
  });

  it('the implementation gives the same parameters, tickets and selection (fast and reference hashers)', () => {
    const { json } = A.targetDrawParams({
      task: '2026-SCJGJ-001',
      year: 2026,
      stratified: true,
      publicInputSource: '现场观察员读数（福彩3D 第2026085期开奖号）',
      rules: { A: { bp: 3000 }, B: { bp: 500 }, C: { bp: 1000 }, D: { bp: 5000 } },
      counts: { A: 4, D: 6 },
    });
    expect(json).toBe(EXAMPLE.params);
    expect(A.deriveSeed(EXAMPLE.serverSeed, EXAMPLE.publicInput)).toBe(EXAMPLE.seed);
    const set = A.parseCandidates(Buffer.from(text, 'utf8'));
    for (const hasher of [A.fastHasher, A.referenceHasher]) {
      const sel = A.selectTargets(set, EXAMPLE.seed, { A: 2, B: 0, C: 0, D: 3 }, { hasher });
      expect(sel.map((s) => [s.stratum, s.rank, s.uscc])).toEqual(EXAMPLE.selected.map((s) => [...s]));
      for (const s of sel) expect(s.ticket).toBe(EXAMPLE.tickets[s.uscc]);
      expect(A.targetResultHash(sel)).toBe(EXAMPLE.resultHash);
    }
  });
});

describe('docs/DRAW.md worked example: inspector draw', () => {
  it('snapshot, plans, teams and result hash', () => {
    const text = TEAMS.snapshot.map((l) => `${l}\n`).join('');
    expect(h(text)).toBe(TEAMS.candidateHash);
    const snapshot = A.parseInspectorSnapshot(text);
    expect(A.inspectorSnapshotText(snapshot)).toBe(text);
    const plans = A.departmentPlans(snapshot, [
      { code: 'SCJGJ', lead: true },
      { code: 'YJGLJ', lead: false },
    ]);
    expect(plans).toEqual({ SCJGJ: { lead: true, seats: 1, slots: 3, pool: 3, cap: 1 }, YJGLJ: { lead: false, seats: 1, slots: 3, pool: 2, cap: 2 } });
    expect(h(`${TEAMS.serverSeed}|${TEAMS.publicInput}`)).toBe(TEAMS.seed);
    for (const hasher of [A.fastHasher, A.referenceHasher]) {
      const teams = A.matchInspectors(snapshot, plans, TEAMS.seed, hasher);
      expect(teams.map((a) => [a.uscc, a.department, a.certificateNo, a.role])).toEqual(TEAMS.teams);
      for (const a of teams) expect(a.ticket).toBe(h(`${TEAMS.seed}:${a.uscc}:${a.certificateNo}`));
      expect(A.inspectorResultHash(teams)).toBe(TEAMS.resultHash);
    }
    // Explained in DRAW.md: 37068712001 ranks first for …0038XC but is excluded; SCJGJ's cap is 1, so the third target
    // gets 37068713003 although 37068713001 ranks higher.
    expect(h(`${TEAMS.seed}:91370687MA3C0038XC:37068712001`) < h(`${TEAMS.seed}:91370687MA3C0038XC:37068712002`)).toBe(true);
    expect(h(`${TEAMS.seed}:91370687MA3C0024XJ:37068713001`) < h(`${TEAMS.seed}:91370687MA3C0024XJ:37068713003`)).toBe(true);
  });
});

describe('hashing', () => {
  it('the midstate hasher equals node:crypto for tails of every length (and falls back beyond one block)', () => {
    for (let trial = 0; trial < 20; trial++) {
      const seed = randomBytes(32).toString('hex');
      const fast = A.fastHasher(seed);
      const out = new Int32Array(8);
      for (let len = 0; len <= 80; len++) {
        const tail = randomBytes(len);
        fast(tail, len, out, 0);
        expect(A.wordsToHex(out), `len ${len}`).toBe(createHash('sha256').update(seed).update(tail).digest('hex'));
      }
    }
  });

  it('non-hex seeds are hashed correctly too (reference path)', () => {
    const out = new Int32Array(8);
    A.fastHasher('短种子')(Buffer.from(':X'), 2, out, 0);
    expect(A.wordsToHex(out)).toBe(h('短种子:X'));
  });

  it('computeTickets with the fast path equals the reference for many candidates', () => {
    const n = 2000;
    const cands = Array.from({ length: n }, (_, i) => ({ uscc: makeUscc('9', '1', '370687', `MA${String(i).padStart(6, '0')}X`), stratum: 'B' as const }));
    const set = A.parseCandidates(Buffer.from(A.candidateText(cands)));
    const seed = randomBytes(32).toString('hex');
    const a = new Int32Array(n * 8);
    const b = new Int32Array(n * 8);
    A.computeTickets(seed, set.uscc, 0, n, a);
    A.computeTickets(seed, set.uscc, 0, n, b, A.referenceHasher);
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
    expect(A.wordsToHex(a, 8 * 17)).toBe(A.ticketOf(seed, A.usccAt(set, 17)));
  });
});

describe('worker threads', () => {
  it.skipIf(os.availableParallelism() < 2)('compute the same tickets and rank keys as the main thread, and really run', async () => {
    const n = 200_000; // above the threshold for threads
    const cands = Array.from({ length: n }, (_, i) => ({ uscc: makeUscc('9', '1', '370687', `W${String(i).padStart(7, '0')}X`), stratum: 'B' as const }));
    const set = A.parseCandidates(Buffer.from(A.candidateText(cands)));
    const seed = randomBytes(32).toString('hex');
    const parallel = await computeTicketDigests(seed, set);
    expect(drawWorkersActive()).toBe(true);
    const single = new Int32Array(n * 8);
    A.computeTickets(seed, set.uscc, 0, n, single);
    expect(Buffer.from(parallel.buffer).equals(Buffer.from(single.buffer))).toBe(true);
    const usccs = cands.slice(0, 2000).map((c) => c.uscc);
    const certs = Array.from({ length: 100 }, (_, i) => `CERT-${i}`);
    const keys = await computeInspectorKeys(seed, usccs, certs);
    const expected = new Int32Array(usccs.length * certs.length);
    A.inspectorRankKeys(seed, usccs, certs, 0, usccs.length, expected, A.referenceHasher);
    expect(Buffer.from(keys.buffer).equals(Buffer.from(expected.buffer))).toBe(true);
    expect(drawWorkersActive()).toBe(true);
  }, 60_000);
});

describe('sizes and parameters', () => {
  it('k = ceil(bp × N / 10000) in integers, bounded by N; counts bounded by N', () => {
    expect(A.sampleSize({ bp: 300 }, 7)).toBe(1); // 0.21 → 1
    expect(A.sampleSize({ bp: 300 }, 0)).toBe(0);
    expect(A.sampleSize({ bp: 500 }, 200)).toBe(10); // exact
    expect(A.sampleSize({ bp: 500 }, 201)).toBe(11); // 10.05 → 11
    expect(A.sampleSize({ bp: 10_000 }, 13)).toBe(13);
    expect(A.sampleSize({ bp: 1 }, 1_000_000_000)).toBe(100_000);
    expect(A.sampleSize({ bp: 3333 }, 3)).toBe(1); // 0.9999 → 1
    expect(A.sampleSize({ count: 5 }, 3)).toBe(3);
    expect(A.sampleSize({ count: 2 }, 3)).toBe(2);
  });

  it('canonical JSON: sorted keys, no spaces', () => {
    expect(A.canonicalJson({ b: 1, a: { d: [1, 'x'], c: null }, e: true })).toBe('{"a":{"c":null,"d":[1,"x"]},"b":1,"e":true}');
  });

  it('an unstratified draw has one stratum ALL', () => {
    const { params } = A.targetDrawParams({ task: 'T', year: 2026, stratified: false, publicInputSource: 's', rules: { ALL: { count: 3 } }, counts: { ALL: 10 } });
    expect(params.strata).toEqual({ ALL: { count: 3, n: 10, k: 3 } });
  });
});

describe('snapshots', () => {
  const u = (i: number) => makeUscc('9', '1', '370687', `MA${String(i).padStart(6, '0')}X`);

  it('refuses unsorted, duplicated or malformed candidate lines', () => {
    expect(() => A.parseCandidates(Buffer.from(`${u(2)},A\n${u(1)},A\n`))).toThrow(/ascending/);
    expect(() => A.parseCandidates(Buffer.from(`${u(1)},A\n${u(1)},B\n`))).toThrow(/ascending/);
    expect(() => A.parseCandidates(Buffer.from(`${u(1)},E\n`))).toThrow(/stratum/);
    expect(() => A.parseCandidates(Buffer.from(`${u(1).slice(0, 17)}I,A\n`))).toThrow(/USCC/);
    expect(() => A.parseCandidates(Buffer.from(`${u(1)},A`))).toThrow(/newline/);
    expect(A.parseCandidates(Buffer.from('')).n).toBe(0);
  });

  it('snapshotFromStrata sorts per-stratum USCC strings into snapshot lines exactly as a plain sort does', () => {
    const cands = Array.from({ length: 3000 }, (_, i) => ({
      uscc: makeUscc('9', String(1 + (i % 3)), ['370687', '370600', '110105'][i % 3]!, (i * 7919).toString(31).toUpperCase().replace(/[IOSVZ]/g, 'Y').padStart(9, '0').slice(-9)),
      stratum: (['A', 'B', 'C', 'D'] as const)[i % 4],
    }));
    const unique = [...new Map(cands.map((c) => [c.uscc, c])).values()];
    const shuffled = [...unique].sort(() => Math.random() - 0.5);
    const parts = (['A', 'B', 'C', 'D'] as const).map((st) => ({ stratum: st, usccs: shuffled.filter((c) => c.stratum === st).map((c) => c.uscc).join('') }));
    const { bytes, counts } = A.snapshotFromStrata(parts);
    expect(bytes.toString('latin1')).toBe(A.candidateText(unique));
    expect(Object.values(counts).reduce((a, b) => a + b!, 0)).toBe(unique.length);
    const all = A.snapshotFromStrata([{ stratum: 'ALL', usccs: shuffled.map((c) => c.uscc).join('') }]);
    expect(all.bytes.toString('latin1')).toBe(A.candidateText(unique.map((c) => ({ ...c, stratum: 'ALL' as const }))));
    expect(A.snapshotFromStrata([]).bytes.length).toBe(0);
    expect(() => A.snapshotFromStrata([{ stratum: 'A', usccs: u(1) + u(2) }, { stratum: 'B', usccs: u(1) }])).toThrow(/twice/);
    expect(() => A.snapshotFromStrata([{ stratum: 'A', usccs: 'I'.repeat(18) }])).toThrow(/not a USCC/);
    expect(() => A.snapshotFromStrata([{ stratum: 'A', usccs: 'YYYY' }])).toThrow(/18 characters/);
  });

  it('ties on the first 16 bits of a ticket are ordered exactly by the whole ticket', () => {
    // 70,000 candidates in one stratum: many tickets share their first 16 bits, so the selection must order within buckets.
    const n = 70_000;
    const cands = Array.from({ length: n }, (_, i) => ({ uscc: makeUscc('9', '1', '370687', `M${String(i).padStart(7, '0')}X`), stratum: 'C' as const }));
    const set = A.parseCandidates(Buffer.from(A.candidateText(cands)));
    const seed = randomBytes(32).toString('hex');
    const sel = A.selectTargets(set, seed, { C: 5000 });
    const expected = cands
      .map((c) => ({ uscc: c.uscc, t: A.ticketOf(seed, c.uscc) }))
      .sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : a.uscc < b.uscc ? -1 : 1))
      .slice(0, 5000);
    expect(sel.map((s) => s.uscc)).toEqual(expected.map((e) => e.uscc));
  });

  it('inspector snapshot lines are sorted, unique, and refuse commas in codes', () => {
    const text = A.inspectorSnapshotText({ inspectors: [{ department: 'B', certificateNo: '2' }, { department: 'A', certificateNo: '1' }, { department: 'A', certificateNo: '1' }], targets: [], exclusions: [] });
    expect(text).toBe('I,A,1\nI,B,2\n');
    expect(() => A.inspectorSnapshotText({ inspectors: [{ department: 'A', certificateNo: '1,2' }], targets: [], exclusions: [] })).toThrow(/contains/);
    expect(() => A.parseInspectorSnapshot('I,B,2\nI,A,1\n')).toThrow(/ascending/);
  });

  it('a single department fills two seats per target: leader and member from one ranking', () => {
    const snapshot: A.InspectorSnapshot = {
      inspectors: [1, 2, 3, 4].map((i) => ({ department: 'ONLY', certificateNo: `C${i}` })),
      targets: [1, 2, 3].map((i) => ({ uscc: u(i), stratum: 'B', ticket: A.ticketOf('s'.repeat(64), u(i)) })),
      exclusions: [],
    };
    const plans = A.departmentPlans(snapshot, [{ code: 'ONLY', lead: true }]);
    expect(plans.ONLY).toEqual({ lead: true, seats: 2, slots: 6, pool: 4, cap: 2 });
    const seed = randomBytes(32).toString('hex');
    const teams = A.matchInspectors(snapshot, plans, seed);
    expect(teams).toHaveLength(6);
    for (let t = 0; t < 3; t++) {
      const [a, b] = [teams[2 * t]!, teams[2 * t + 1]!];
      expect([a.role, b.role]).toEqual(['LEADER', 'MEMBER']);
      expect(a.uscc).toBe(b.uscc);
      expect(a.certificateNo).not.toBe(b.certificateNo);
    }
  });

  it('no eligible inspector stops the match, naming target and department', () => {
    const snapshot: A.InspectorSnapshot = {
      inspectors: [{ department: 'LEAD', certificateNo: 'L1' }, { department: 'OTHER', certificateNo: 'O1' }],
      targets: [{ uscc: u(1), stratum: 'A', ticket: 'a'.repeat(64) }],
      exclusions: [{ uscc: u(1), certificateNo: 'O1' }],
    };
    const plans = A.departmentPlans(snapshot, [{ code: 'LEAD', lead: true }, { code: 'OTHER', lead: false }]);
    try {
      A.matchInspectors(snapshot, plans, randomBytes(32).toString('hex'));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(A.DrawAlgorithmError);
      expect((e as A.DrawAlgorithmError).details).toEqual({ uscc: u(1), department: 'OTHER' });
    }
  });

  it('precomputed rank keys give the same teams as hashing on the fly', () => {
    const inspectors = ['AAA', 'BBB', 'CCC'].flatMap((d) => Array.from({ length: 12 }, (_, i) => ({ department: d, certificateNo: `${d}-${i}` })));
    const targets = Array.from({ length: 60 }, (_, i) => ({ uscc: u(i), stratum: 'B', ticket: A.ticketOf('t'.repeat(64), u(i)) }));
    const exclusions = targets.filter((_, i) => i % 5 === 0).map((t, i) => ({ uscc: t.uscc, certificateNo: inspectors[i % inspectors.length]!.certificateNo }));
    const snapshot = { inspectors, targets, exclusions };
    const plans = A.departmentPlans(snapshot, [{ code: 'AAA', lead: false }, { code: 'BBB', lead: true }, { code: 'CCC', lead: false }]);
    const seed = randomBytes(32).toString('hex');
    const usccs = A.targetsInTicketOrder(targets).map((t) => t.uscc);
    const keys = new Int32Array(usccs.length * inspectors.length);
    A.inspectorRankKeys(seed, usccs, inspectors.map((i) => i.certificateNo), 0, usccs.length, keys);
    const a = A.matchInspectors(snapshot, plans, seed, A.fastHasher, keys);
    const b = A.matchInspectors(snapshot, plans, seed, A.referenceHasher);
    expect(a).toEqual(b);
    expect(a.filter((x) => x.role === 'LEADER').every((x) => x.department === 'BBB')).toBe(true);
  });
});

describe('evidence verification', () => {
  function exampleEvidence(): A.DrawEvidence {
    return {
      format: A.EVIDENCE_FORMAT,
      algorithm: A.ALGORITHM,
      draw: { id: 'example', kind: 'TARGET', status: 'LOCKED', task: '2026-SCJGJ-001', committedAt: '2026-04-01T01:00:00.000Z', revealedAt: '2026-04-01T02:00:00.000Z', lockedAt: '2026-04-01T02:05:00.000Z', voidedAt: null, voidReason: null },
      params: EXAMPLE.params,
      candidateCount: 10,
      candidateHash: EXAMPLE.candidateHash,
      candidates: [...EXAMPLE.candidates],
      commitment: EXAMPLE.commitment,
      publicInputSource: '现场观察员读数（福彩3D 第2026085期开奖号）',
      serverSeed: EXAMPLE.serverSeed,
      publicInput: EXAMPLE.publicInput,
      seed: EXAMPLE.seed,
      selected: EXAMPLE.selected.map(([stratum, rank, uscc]) => ({ uscc, stratum, rank, ticket: EXAMPLE.tickets[uscc]! })),
      assignments: null,
      resultHash: EXAMPLE.resultHash,
    };
  }

  it('accepts the worked example and refuses every single-field tampering', () => {
    expect(A.verifyEvidence(exampleEvidence())).toMatchObject({ ok: true });
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === '0' ? '1' : '0') + s.slice(i + 1);
    const cases: [string, (e: A.DrawEvidence) => void, RegExp][] = [
      ['one USCC character of a candidate', (e) => (e.candidates[3] = `${flip(e.candidates[3]!, 12)}`), /candidateHash/],
      ['one character of the server seed', (e) => (e.serverSeed = flip(e.serverSeed!, 5)), /commitment/],
      ['the public input', (e) => (e.publicInput = `${e.publicInput} `), /seed/],
      ['the seed', (e) => (e.seed = flip(e.seed!, 0)), /seed/],
      ['a selected USCC', (e) => (e.selected![1]!.uscc = '91370687MA3C0045XY'), /selected\[1\]/],
      ['a rank', (e) => (e.selected![4]!.rank = 4), /selected\[4\]/],
      ['a stratum size', (e) => (e.params = e.params.replace('"k":3', '"k":4')), /strata\.D\.k/],
      ['the result hash', (e) => (e.resultHash = flip(e.resultHash!, 63)), /resultHash/],
      ['params not canonical', (e) => (e.params = e.params.replace('{"algorithm"', '{ "algorithm"')), /canonical/],
    ];
    for (const [what, change, message] of cases) {
      const e = exampleEvidence();
      change(e);
      const v = A.verifyEvidence(e);
      expect(v.ok, what).toBe(false);
      if (!v.ok) expect(v.mismatch, what).toMatch(message);
    }
  });

  it('the CLI prints OK / the first mismatch with exit codes 0 / 1', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-draw-'));
    const good = path.join(dir, 'good.json');
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(good, JSON.stringify({ data: { drawEvidence: exampleEvidence() } }));
    const tampered = exampleEvidence();
    tampered.candidates[0] = tampered.candidates[0]!.replace('0010XQ', '0010XR');
    fs.writeFileSync(bad, JSON.stringify(tampered));
    const cli = path.join(REPO_ROOT, 'server/scripts/verify-draw.ts');
    const tsx = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
    expect(execFileSync(tsx, [cli, good], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()).toBe('OK');
    let status = 0;
    let stdout = '';
    try {
      execFileSync(tsx, [cli, bad], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch (e) {
      status = (e as { status: number }).status;
      stdout = (e as { stdout: string }).stdout;
    }
    expect(status).toBe(1);
    expect(stdout).toMatch(/^MISMATCH candidateHash/);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('the verifier imports nothing but node built-ins and the pure algorithm file', () => {
    const src = (f: string) => fs.readFileSync(path.join(REPO_ROOT, f), 'utf8');
    const imports = (s: string) => [...s.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(imports(src('server/scripts/verify-draw.ts'))).toEqual(['node:fs', '../src/modules/draw/draw.algorithm.ts']);
    expect(imports(src('server/src/modules/draw/draw.algorithm.ts'))).toEqual(['node:crypto']);
  });
});
