// The worked target draw of docs/DRAW.md as drawEvidence returns it: shared by verify.test.ts and the draw screen's
// component tests.
import type { DrawEvidence } from './verify';

// ── docs/DRAW.md, "Worked example: a target draw" ──
export const TARGET_PARAMS =
    '{"algorithm":"sha256-rank-v1","kind":"TARGET","publicInputSource":"现场观察员读数（福彩3D 第2026085期开奖号）","strata":{"A":{"bp":3000,"k":2,"n":4},"B":{"bp":500,"k":0,"n":0},"C":{"bp":1000,"k":0,"n":0},"D":{"bp":5000,"k":3,"n":6}},"stratified":true,"task":"2026-SCJGJ-001","year":2026}';
export const TARGET_CANDIDATES = [
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
];
export const targetExample = (): DrawEvidence => ({
    format: 'ssj-draw-evidence/1',
    algorithm: 'sha256-rank-v1',
    draw: { id: 'example-target', kind: 'TARGET', status: 'REVEALED', task: '2026-SCJGJ-001' },
    params: TARGET_PARAMS,
    candidateCount: 10,
    candidateHash: 'fe00ee9c7467b8a07af92d094ad3223dfd28da1bc1d7e1757c703ad7ff49d0da',
    candidates: [...TARGET_CANDIDATES],
    commitment: '8667a66e37b4c9d8fd66c781043c66bb98d13a81376e651636a60d5501cf0937',
    publicInputSource: '现场观察员读数（福彩3D 第2026085期开奖号）',
    serverSeed: 'bf5acc0d8c87fb9faef6fdae338b2577d5dc0b5aa839dda0b42269c07ec67f07',
    publicInput: '福彩3D 2026085 471',
    seed: 'f0e6c0cc66d376f50e345d19f66e6c76eae25c41ba3ef79bc60b4371a7fd3b18',
    selected: [
        { uscc: '91370687MA3C0010XQ', stratum: 'A', rank: 1, ticket: '58caebd370cc1515d80aed1a30e5b643e9ebb8616710d7095301d0ad64ce4f73' },
        { uscc: '91370687MA3C0024XJ', stratum: 'A', rank: 2, ticket: '617717a0a0a9d019bc1bbf598e500d83552f1fb378cf4171c5d84ac93ca8aae6' },
        { uscc: '91370687MA3C0038XC', stratum: 'D', rank: 1, ticket: '28d66bdfc17b3e050baed2a54221e0582ccb2a8e276db27a31a1f5fed5cb6390' },
        { uscc: '91370687MA3C0031X5', stratum: 'D', rank: 2, ticket: '580676b808968db58317233335d2ad0128f555f84e7d9e563d3a0a515fe417fe' },
        { uscc: '91370687MA3C0073XX', stratum: 'D', rank: 3, ticket: '5b055ae645d2feadd596d6a08319f7dc8d963740f584c1dfc07e6d7542ae6c0e' },
    ],
    assignments: null,
    resultHash: '7db884644110d6498368e179316ef1cfb63a100a4ae8b0a92eec828f7dd262aa',
});

