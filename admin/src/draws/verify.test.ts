// The console's own recomputation of a draw (verify.ts, WebCrypto) against the worked examples of docs/DRAW.md, a
// tampered copy of each (the first difference is named), and the server's implementation on random draws.
// @vitest-environment node
import { describe, expect, it } from 'vitest';

import * as server from '../../../server/src/modules/draw/draw.algorithm.ts';
import { TARGET_PARAMS, targetExample } from './verify.fixtures';
import { canonicalJson, compareBytes, sha256Hex, strataOf, verifyEvidence, type DrawEvidence, type EvidenceAssignment } from './verify';

// ── docs/DRAW.md, "Worked example: an inspector draw" ──
const INSPECTOR_LINES = [
    'I,SCJGJ,37068713001',
    'I,SCJGJ,37068713002',
    'I,SCJGJ,37068713003',
    'I,YJGLJ,37068712001',
    'I,YJGLJ,37068712002',
    'T,91370687MA3C0010XQ,A,58caebd370cc1515d80aed1a30e5b643e9ebb8616710d7095301d0ad64ce4f73',
    'T,91370687MA3C0024XJ,A,617717a0a0a9d019bc1bbf598e500d83552f1fb378cf4171c5d84ac93ca8aae6',
    'T,91370687MA3C0038XC,D,28d66bdfc17b3e050baed2a54221e0582ccb2a8e276db27a31a1f5fed5cb6390',
    'X,91370687MA3C0038XC,37068712001',
];

async function inspectorExample(): Promise<DrawEvidence> {
    const targetResultHash = await sha256Hex('91370687MA3C0010XQ,A\n91370687MA3C0024XJ,A\n91370687MA3C0038XC,D\n');
    const params = canonicalJson({
        algorithm: 'sha256-rank-v1',
        kind: 'INSPECTOR',
        task: '2026-SCJGJ-001',
        publicInputSource: '现场观察员读数（福彩3D 第2026086期开奖号）',
        targetDraw: 'example-target',
        targetResultHash,
        window: { start: '2026-04-01', end: '2026-06-30' },
        lookbackDays: 365,
        departments: {
            SCJGJ: { lead: true, seats: 1, slots: 3, pool: 3, cap: 1 },
            YJGLJ: { lead: false, seats: 1, slots: 3, pool: 2, cap: 2 },
        },
    });
    const seed = '99b3d65a401a62f2fcd3a0443500c239048302462826370bc29376490786a918';
    const team = async (uscc: string, department: string, certificateNo: string, role: 'LEADER' | 'MEMBER'): Promise<EvidenceAssignment> => ({
        uscc,
        department,
        certificateNo,
        role,
        ticket: await sha256Hex(`${seed}:${uscc}:${certificateNo}`),
    });
    // The teams of the table in DRAW.md, targets in ticket order.
    const assignments = await Promise.all([
        team('91370687MA3C0038XC', 'SCJGJ', '37068713002', 'LEADER'),
        team('91370687MA3C0038XC', 'YJGLJ', '37068712002', 'MEMBER'),
        team('91370687MA3C0010XQ', 'SCJGJ', '37068713001', 'LEADER'),
        team('91370687MA3C0010XQ', 'YJGLJ', '37068712001', 'MEMBER'),
        team('91370687MA3C0024XJ', 'SCJGJ', '37068713003', 'LEADER'),
        team('91370687MA3C0024XJ', 'YJGLJ', '37068712002', 'MEMBER'),
    ]);
    return {
        format: 'ssj-draw-evidence/1',
        algorithm: 'sha256-rank-v1',
        draw: { id: 'example-inspector', kind: 'INSPECTOR', status: 'REVEALED', task: '2026-SCJGJ-001' },
        params,
        candidateCount: 5,
        candidateHash: 'a886c0c81364dd00f669f0a27626c47f3d6a005f04d63997c946996f060823a6',
        candidates: [...INSPECTOR_LINES],
        commitment: await sha256Hex('1a5aacd1bbe0619d0cd9a99734cd436ed5edd658de08c54a8c7729d2fb5050ab'),
        publicInputSource: '现场观察员读数（福彩3D 第2026086期开奖号）',
        serverSeed: '1a5aacd1bbe0619d0cd9a99734cd436ed5edd658de08c54a8c7729d2fb5050ab',
        publicInput: '福彩3D 2026086 905',
        seed,
        selected: null,
        assignments,
        resultHash: '80e50eb35b05cadeb4309ebe5d95248316e88dd7d16869d38686bd1b9140506c',
    };
}

describe('verify.ts: the target draw of DRAW.md', () => {
    it('recomputes every published value and agrees', async () => {
        const verdict = await verifyEvidence(targetExample());
        expect(verdict).toMatchObject({ ok: true, revealed: true, counts: { A: 4, D: 6 } });
    });

    it('reads n and k per stratum from the parameters', () => {
        expect(strataOf(TARGET_PARAMS).map(s => [s.stratum, s.n, s.k])).toEqual([
            ['A', 4, 2],
            ['B', 0, 0],
            ['C', 0, 0],
            ['D', 6, 3],
        ]);
    });

    it('before reveal: candidates and parameters only', async () => {
        const e = { ...targetExample(), serverSeed: null, publicInput: null, seed: null, selected: null, resultHash: null };
        e.draw = { ...e.draw, status: 'COMMITTED' };
        expect(await verifyEvidence(e)).toMatchObject({ ok: true, revealed: false });
    });

    it.each([
        ['one changed USCC fails at candidateHash', (e: DrawEvidence) => (e.candidates[3] = '91370687MA3C0031X6,D'), 'candidateHash'],
        ['one changed character of the server seed fails at the commitment', (e: DrawEvidence) => (e.serverSeed = `c${e.serverSeed!.slice(1)}`), 'commitment'],
        ['another public input fails at the seed', (e: DrawEvidence) => (e.publicInput = '福彩3D 2026085 472'), 'seed'],
        ['a wrong k fails at the parameters', (e: DrawEvidence) => (e.params = e.params.replace('"k":2', '"k":1')), 'params'],
        ['two swapped picks fail at the selection', (e: DrawEvidence) => e.selected!.reverse(), 'selection'],
        ['a changed result hash fails at the result hash', (e: DrawEvidence) => (e.resultHash = '0'.repeat(64)), 'resultHash'],
        ['a REVEALED draw without its seed fails', (e: DrawEvidence) => (e.serverSeed = null), 'commitment'],
    ])('%s', async (_name, tamper, step) => {
        const e = targetExample();
        tamper(e);
        const verdict = await verifyEvidence(e);
        expect(verdict.ok).toBe(false);
        if (!verdict.ok) {
            expect(verdict.step).toBe(step);
            expect(verdict.detail).toMatch(/evidence says|must|without|missing|serverSeed/);
        }
    });
});

describe('verify.ts: the inspector draw of DRAW.md', () => {
    it('recomputes the teams and the result hash of the example', async () => {
        expect(await verifyEvidence(await inspectorExample())).toMatchObject({ ok: true, revealed: true, counts: { SCJGJ: 3, YJGLJ: 2 } });
    });

    it('a team that ignores the exclusion fails at the teams', async () => {
        const e = await inspectorExample();
        e.assignments![1] = { ...e.assignments![1]!, certificateNo: '37068712001' };
        const verdict = await verifyEvidence(e);
        expect(verdict).toMatchObject({ ok: false, step: 'teams' });
    });

    it('a wrong cap fails at the parameters', async () => {
        const e = await inspectorExample();
        e.params = e.params.replace('"cap":2', '"cap":3');
        expect(await verifyEvidence(e)).toMatchObject({ ok: false, step: 'params' });
    });
});

describe('verify.ts agrees with the server implementation', () => {
    it('on a random stratified draw of 500 candidates, and finds a tampered ticket', async () => {
        const letters = '0123456789ABCDEFGHJKLMNPQRTUWXY';
        const set = new Map<string, server.Stratum>();
        while (set.size < 500) {
            let uscc = '91370687';
            for (let i = 0; i < 10; i++) uscc += letters[Math.floor(Math.random() * letters.length)];
            set.set(uscc, (['A', 'B', 'C', 'D'] as const)[Math.floor(Math.random() * 4)]!);
        }
        const text = server.candidateText([...set].map(([uscc, stratum]) => ({ uscc, stratum })));
        const parsed = server.parseCandidates(new TextEncoder().encode(text));
        const { params, json } = server.targetDrawParams({
            task: 'T-1',
            year: 2026,
            stratified: true,
            publicInputSource: 'test',
            rules: { A: { bp: 300 }, B: { bp: 500 }, C: { count: 7 }, D: { bp: 2000 } },
            counts: server.stratumCounts(parsed),
        });
        const serverSeed = server.sha256hex(String(Math.random()));
        const publicInput = '福彩3D 2026100 123';
        const seed = server.deriveSeed(serverSeed, publicInput);
        const sizes = Object.fromEntries(Object.entries(params.strata).map(([s, p]) => [s, p!.k]));
        const selected = server.selectTargets(parsed, seed, sizes).map(({ uscc, stratum, rank, ticket }) => ({ uscc, stratum, rank, ticket }));
        const evidence: DrawEvidence = {
            format: server.EVIDENCE_FORMAT,
            algorithm: server.ALGORITHM,
            draw: { id: 'x', kind: 'TARGET', status: 'LOCKED', task: 'T-1' },
            params: json,
            candidateCount: parsed.n,
            candidateHash: server.sha256hex(text),
            candidates: text.slice(0, -1).split('\n'),
            commitment: server.commitmentOf(serverSeed),
            publicInputSource: 'test',
            serverSeed,
            publicInput,
            seed,
            selected,
            assignments: null,
            resultHash: server.targetResultHash(selected),
        };
        expect(server.verifyEvidence(evidence as server.DrawEvidence).ok).toBe(true);
        expect(await verifyEvidence(evidence)).toMatchObject({ ok: true });
        evidence.selected![0] = { ...evidence.selected![0]!, ticket: evidence.selected![1]!.ticket };
        expect(server.verifyEvidence(evidence as server.DrawEvidence).ok).toBe(false);
        expect(await verifyEvidence(evidence)).toMatchObject({ ok: false, step: 'selection' });
    });

    it('sorts like UTF-8 bytes, not UTF-16 units', () => {
        // U+FF21 (fullwidth A) is one UTF-16 unit above the surrogates of U+1F600, but its bytes come first.
        expect(compareBytes('\uff21', '\u{1f600}')).toBeLessThan(0);
        expect('\uff21' < '\u{1f600}').toBe(false);
    });
});
