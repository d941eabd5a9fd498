// The draw algorithm sha256-rank-v1 (docs/DRAW.md), as pure functions shared by the server and the standalone
// verifier (server/scripts/verify-draw.ts). This file imports nothing but node:crypto and must stay that way:
// a third party runs the verifier with this one file and no database.
//
// Everything a draw decides is a function of published data: the candidate lines (their SHA-256 is the
// candidateHash), the canonical parameters, the server seed (committed to by its SHA-256 before any public input
// exists) and the public input. Hashes are lowercase hex SHA-256 of UTF-8 text; seeds enter later steps as that
// hex text.
//
// Two interchangeable SHA-256 engines compute the per-candidate hashes (tickets, inspector ranks):
// - referenceHasher: node:crypto, one call per hash; obviously right, used by the verifier;
// - fastHasher: every message starts with the 64-character seed, which is exactly one SHA-256 block, so the state
//   after that block (the "midstate") is computed once and each hash costs one compression of the short tail.
//   In plain JS that is several times faster than a node:crypto call per hash (docs/DRAW.md, "Speed").
// Tests check the two agree; the server uses the fast one.
import { createHash } from 'node:crypto';

export const ALGORITHM = 'sha256-rank-v1';
export const EVIDENCE_FORMAT = 'ssj-draw-evidence/1';
export const RISK_STRATA = ['A', 'B', 'C', 'D'] as const;
export const UNSTRATIFIED = 'ALL';
export type Stratum = 'A' | 'B' | 'C' | 'D' | 'ALL';
export const STRATA: readonly Stratum[] = ['A', 'B', 'C', 'D', 'ALL'];
/** How far back "did not inspect this target" looks (step 6). */
export const LOOKBACK_DAYS = 365;

const USCC_LEN = 18;
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_RE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const HEX64_RE = /^[0-9a-f]{64}$/;
const IS_USCC_BYTE = new Uint8Array(256);
for (const c of USCC_CHARS) IS_USCC_BYTE[c.charCodeAt(0)] = 1;

/** A failure of the algorithm's own rules (bad snapshot, no eligible inspector); the server maps it to an AppError. */
export class DrawAlgorithmError extends Error {
  constructor(
    readonly reason: string,
    message: string,
    readonly details: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'DrawAlgorithmError';
  }
}

// ───────────────────────── hashing ─────────────────────────

export function sha256hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** commitment = SHA-256(serverSeed) */
export const commitmentOf = (serverSeed: string) => sha256hex(serverSeed);
/** seed = SHA-256(serverSeed + "|" + publicInput) */
export const deriveSeed = (serverSeed: string, publicInput: string) => sha256hex(`${serverSeed}|${publicInput}`);
/** A candidate's ticket = SHA-256(seed + ":" + USCC) */
export const ticketOf = (seed: string, uscc: string) => sha256hex(`${seed}:${uscc}`);
/** An inspector's rank hash for a target = SHA-256(seed + ":" + USCC + ":" + certificateNo) */
export const inspectorTicketOf = (seed: string, uscc: string, certificateNo: string) => sha256hex(`${seed}:${uscc}:${certificateNo}`);

/** JSON with keys sorted (by UTF-16 code unit, as JS compares strings) and no spaces: the form parameters are stored in. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Hashes seed + tail for many short tails: writes the 8 big-endian 32-bit words of the digest into out[outOff..].
 * The seed is fixed per hasher; tails are bytes (UTF-8).
 */
export type SeedHasher = (tail: Uint8Array, len: number, out: Int32Array, outOff: number) => void;
export type HasherFactory = (seed: string) => SeedHasher;

export const referenceHasher: HasherFactory = (seed) => (tail, len, out, outOff) => {
  const d = createHash('sha256').update(seed, 'utf8').update(tail.subarray(0, len)).digest();
  for (let i = 0; i < 8; i++) out[outOff + i] = d.readInt32BE(4 * i);
};

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const IV = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
const W = new Int32Array(64);

/** One SHA-256 compression of the block in W[0..15], starting from state st; result into out[outOff..]. */
function compress(st: Int32Array, out: Int32Array, outOff: number): void {
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15]!;
    const w2 = W[i - 2]!;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
  }
  let a = st[0]!, b = st[1]!, c = st[2]!, d = st[3]!, e = st[4]!, f = st[5]!, g = st[6]!, h = st[7]!;
  for (let i = 0; i < 64; i++) {
    const t1 = (h + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0;
    const t2 = ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  out[outOff] = (st[0]! + a) | 0;
  out[outOff + 1] = (st[1]! + b) | 0;
  out[outOff + 2] = (st[2]! + c) | 0;
  out[outOff + 3] = (st[3]! + d) | 0;
  out[outOff + 4] = (st[4]! + e) | 0;
  out[outOff + 5] = (st[5]! + f) | 0;
  out[outOff + 6] = (st[6]! + g) | 0;
  out[outOff + 7] = (st[7]! + h) | 0;
}

/** The SHA-256 state after the seed's 64 bytes (one block), or null when the seed is not 64 ASCII characters. */
function midstateOf(seed: string): Int32Array | null {
  if (seed.length !== 64 || !/^[\x20-\x7e]{64}$/.test(seed)) return null;
  const mid = new Int32Array(8);
  for (let i = 0; i < 16; i++)
    W[i] = (seed.charCodeAt(4 * i) << 24) | (seed.charCodeAt(4 * i + 1) << 16) | (seed.charCodeAt(4 * i + 2) << 8) | seed.charCodeAt(4 * i + 3);
  compress(IV, mid, 0);
  return mid;
}

/**
 * SHA-256 with the seed's block precomputed. Valid for a 64-byte (ASCII hex) seed and tails of at most 55 bytes
 * (one more block with its padding); anything else falls back to node:crypto.
 */
export const fastHasher: HasherFactory = (seed) => {
  const mid = midstateOf(seed);
  const fallback = referenceHasher(seed);
  if (!mid) return fallback;
  return (tail, len, out, outOff) => {
    if (len > 55) return fallback(tail, len, out, outOff);
    for (let w = 0; w < 16; w++) W[w] = 0;
    for (let j = 0; j < len; j++) W[j >> 2]! |= tail[j]! << (24 - 8 * (j & 3));
    W[len >> 2]! |= 0x80 << (24 - 8 * (len & 3));
    W[15] = (64 + len) * 8;
    compress(mid, out, outOff);
  };
};

const HEX2 = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

export function wordsToHex(words: Int32Array, off = 0): string {
  let s = '';
  for (let i = 0; i < 8; i++) {
    const w = words[off + i]!;
    s += HEX2[w >>> 24]! + HEX2[(w >>> 16) & 255]! + HEX2[(w >>> 8) & 255]! + HEX2[w & 255]!;
  }
  return s;
}

/** Unsigned lexicographic comparison of two 8-word digests (= comparison of their hex text). */
function compareDigests(a: Int32Array, ao: number, b: Int32Array, bo: number): number {
  for (let i = 0; i < 8; i++) {
    const x = a[ao + i]! >>> 0;
    const y = b[bo + i]! >>> 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

// ───────────────────────── target candidates ─────────────────────────

/** Candidates in columnar form: USCC bytes (18 per candidate, ascending) and a stratum index into `strata`. */
export interface CandidateSet {
  n: number;
  uscc: Uint8Array;
  stratum: Uint8Array;
  strata: readonly Stratum[];
}

export interface Candidate {
  uscc: string;
  stratum: Stratum;
}

/** The snapshot text: one line "USCC,STRATUM\n" per candidate, sorted by USCC ascending. */
export function candidateText(candidates: Candidate[]): string {
  return [...candidates]
    .sort((a, b) => (a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0))
    .map((c) => `${c.uscc},${c.stratum}\n`)
    .join('');
}

/**
 * Parses and checks snapshot bytes: every line "USCC,STRATUM\n" well formed and, unless `unsorted` is set (rows
 * straight from the database, before sortCandidates), USCCs strictly ascending (sorted, no duplicates).
 */
export function parseCandidates(bytes: Uint8Array, opts: { unsorted?: boolean } = {}): CandidateSet {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let lines = 0;
  for (let at = buf.indexOf(10); at >= 0; at = buf.indexOf(10, at + 1)) lines++;
  if (buf.length && buf[buf.length - 1] !== 10) throw new DrawAlgorithmError('SNAPSHOT_FORMAT', 'candidate lines must each end with a newline');
  const uscc = new Uint8Array(lines * USCC_LEN);
  const stratum = new Uint8Array(lines);
  const all = STRATA.indexOf('ALL');
  let p = 0;
  for (let n = 0; n < lines; n++) {
    const o = n * USCC_LEN;
    for (let j = 0; j < USCC_LEN; j++) {
      const c = buf[p + j]!;
      if (!IS_USCC_BYTE[c]) throw new DrawAlgorithmError('SNAPSHOT_FORMAT', `candidate line ${n + 1}: not a USCC`, { line: n + 1 });
      uscc[o + j] = c;
    }
    p += USCC_LEN;
    if (buf[p] !== 44) throw new DrawAlgorithmError('SNAPSHOT_FORMAT', `candidate line ${n + 1}: expected "USCC,STRATUM"`, { line: n + 1 });
    const c = buf[p + 1]!;
    if (c >= 65 && c <= 68 && buf[p + 2] === 10) {
      stratum[n] = c - 65; // A–D
      p += 3;
    } else if (c === 65 && buf[p + 2] === 76 && buf[p + 3] === 76 && buf[p + 4] === 10) {
      stratum[n] = all;
      p += 5;
    } else throw new DrawAlgorithmError('SNAPSHOT_FORMAT', `candidate line ${n + 1}: unknown stratum`, { line: n + 1 });
    if (n > 0 && !opts.unsorted) {
      let cmp = 0;
      for (let j = 0; j < USCC_LEN && cmp === 0; j++) cmp = uscc[o + j]! - uscc[o - USCC_LEN + j]!;
      if (cmp <= 0) throw new DrawAlgorithmError('SNAPSHOT_ORDER', `candidate line ${n + 1}: USCCs must be strictly ascending`, { line: n + 1 });
    }
  }
  return { n: lines, uscc, stratum, strata: STRATA };
}

/**
 * The snapshot bytes (sorted candidate lines) straight from per-stratum strings of concatenated USCCs, in any order,
 * as the database aggregates them. Sorting 1,000,000 USCCs by bytes must be cheap, and their characters are '0'–'Y'
 * (42 values from '0'), so each half of a USCC (9 characters) is a base-42 number below 2^49, exact in a double:
 * candidates are grouped by their first half (few distinct values: registration type and region) and each group's
 * second halves — times 8 plus the stratum — are sorted as a Float64Array, natively. Duplicates are refused.
 */
export function snapshotFromStrata(parts: { stratum: Stratum; usccs: string }[]): { bytes: Buffer; counts: Partial<Record<Stratum, number>> } {
  const n = parts.reduce((sum, p) => sum + p.usccs.length / USCC_LEN, 0);
  if (!Number.isInteger(n)) throw new DrawAlgorithmError('SNAPSHOT_FORMAT', 'USCC strings must hold 18 characters each');
  const his = new Float64Array(n);
  const keys = new Float64Array(n);
  const counts: Partial<Record<Stratum, number>> = {};
  let at = 0;
  for (const p of parts) {
    const code = STRATA.indexOf(p.stratum);
    const str = p.usccs;
    for (let o = 0; o < str.length; o += USCC_LEN, at++) {
      let hi = 0;
      let lo = 0;
      for (let j = 0; j < 9; j++) {
        const a = str.charCodeAt(o + j);
        const b = str.charCodeAt(o + 9 + j);
        if (a > 255 || b > 255 || !IS_USCC_BYTE[a] || !IS_USCC_BYTE[b])
          throw new DrawAlgorithmError('SNAPSHOT_FORMAT', `not a USCC: ${str.slice(o, o + USCC_LEN)}`);
        hi = hi * 42 + (a - 48);
        lo = lo * 42 + (b - 48);
      }
      his[at] = hi;
      keys[at] = lo * 8 + code;
    }
    if (str.length) counts[p.stratum] = (counts[p.stratum] ?? 0) + str.length / USCC_LEN;
  }
  // group by the first half: ids in order of first appearance (consecutive repeats skip the map), then renumbered
  // in ascending order of the half, then a counting pass
  const firstSeen = new Map<number, number>();
  const seen: number[] = [];
  const gOf = new Uint32Array(n);
  let lastHi = -1;
  let lastG = 0;
  for (let i = 0; i < n; i++) {
    const hi = his[i]!;
    if (hi !== lastHi) {
      let g = firstSeen.get(hi);
      if (g === undefined) {
        g = seen.length;
        firstSeen.set(hi, g);
        seen.push(hi);
      }
      lastHi = hi;
      lastG = g;
    }
    gOf[i] = lastG;
  }
  const order = seen.map((_, g) => g).sort((a, b) => seen[a]! - seen[b]!);
  const rank = new Uint32Array(seen.length);
  order.forEach((g, r) => (rank[g] = r));
  const distinct = Float64Array.from(order, (g) => seen[g]!);
  const start = new Uint32Array(distinct.length + 1);
  for (let i = 0; i < n; i++) start[(gOf[i] = rank[gOf[i]!]!) + 1]!++;
  for (let g = 0; g < distinct.length; g++) start[g + 1]! += start[g]!;
  const fill = start.slice(0, distinct.length);
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) sorted[fill[gOf[i]!]!++] = keys[i]!;
  const names = STRATA.map((st) => Buffer.from(`,${st}\n`, 'latin1'));
  let size = 0;
  for (const p of parts) size += (p.usccs.length / USCC_LEN) * (USCC_LEN + names[STRATA.indexOf(p.stratum)]!.length);
  const out = Buffer.allocUnsafe(size);
  const head = new Uint8Array(9);
  let q = 0;
  for (let g = 0; g < distinct.length; g++) {
    let hi = distinct[g]!;
    for (let j = 8; j >= 0; j--) {
      const d = hi % 42;
      head[j] = d + 48;
      hi = (hi - d) / 42;
    }
    const seg = sorted.subarray(start[g]!, start[g + 1]!).sort();
    for (let k = 0; k < seg.length; k++) {
      const key = seg[k]!;
      const lo = Math.floor(key / 8);
      const code = key - lo * 8;
      if (k > 0 && Math.floor(seg[k - 1]! / 8) === lo) {
        const dup = Buffer.alloc(9);
        for (let j = 8, x = lo; j >= 0; j--) (dup[j] = (x % 42) + 48), (x = Math.floor(x / 42));
        throw new DrawAlgorithmError('SNAPSHOT_DUPLICATE', `USCC ${Buffer.from(head).toString('latin1')}${dup.toString('latin1')} appears twice`);
      }
      for (let j = 0; j < 9; j++) out[q + j] = head[j]!;
      // lo < 42^9 is split into two int32s (4 and 5 digits) so the digits come from integer arithmetic
      let top = Math.floor(lo / 130_691_232) | 0; // 42^5
      let low = (lo - top * 130_691_232) | 0;
      for (let j = 17; j >= 13; j--) {
        const d = low - ((low / 42) | 0) * 42;
        out[q + j] = d + 48;
        low = (low / 42) | 0;
      }
      for (let j = 12; j >= 9; j--) {
        const d = top - ((top / 42) | 0) * 42;
        out[q + j] = d + 48;
        top = (top / 42) | 0;
      }
      q += USCC_LEN;
      const tail = names[code]!;
      for (let j = 0; j < tail.length; j++) out[q++] = tail[j]!;
    }
  }
  return { bytes: out, counts };
}

const usccText = new WeakMap<Uint8Array, string>();
/** The USCC of candidate i (one latin1 decode of all USCC bytes, then cheap slices). */
export function usccAt(set: CandidateSet, i: number): string {
  let text = usccText.get(set.uscc);
  if (text === undefined) usccText.set(set.uscc, (text = Buffer.from(set.uscc.buffer, set.uscc.byteOffset, set.uscc.length).toString('latin1')));
  return text.slice(i * USCC_LEN, (i + 1) * USCC_LEN);
}

/** Candidate count per stratum. */
export function stratumCounts(set: CandidateSet): Partial<Record<Stratum, number>> {
  const counts = new Array<number>(set.strata.length).fill(0);
  for (let i = 0; i < set.n; i++) counts[set.stratum[i]!]!++;
  const out: Partial<Record<Stratum, number>> = {};
  set.strata.forEach((s, k) => {
    if (counts[k]) out[s] = counts[k];
  });
  return out;
}

// ───────────────────────── sizes and parameters ─────────────────────────

/** A stratum's rule: a ratio in basis points, or an explicit count. */
export type SizeRule = { bp: number } | { count: number };

/** k_s = ceil(bp × N / 10000) in integer arithmetic (or the explicit count), never more than N. */
export function sampleSize(rule: SizeRule, n: number): number {
  if ('bp' in rule) {
    const k = (BigInt(rule.bp) * BigInt(n) + 9999n) / 10000n;
    return Number(k > BigInt(n) ? BigInt(n) : k);
  }
  return Math.min(rule.count, n);
}

export interface StratumParams {
  n: number;
  k: number;
  bp?: number;
  count?: number;
}

export interface TargetDrawParams {
  algorithm: string;
  kind: 'TARGET';
  task: string;
  year: number;
  stratified: boolean;
  publicInputSource: string;
  strata: Partial<Record<Stratum, StratumParams>>;
}

/** The canonical parameters of a target draw: per stratum its rule, its candidate count n and its size k. */
export function targetDrawParams(input: {
  task: string;
  year: number;
  stratified: boolean;
  publicInputSource: string;
  rules: Partial<Record<Stratum, SizeRule>>;
  counts: Partial<Record<Stratum, number>>;
}): { params: TargetDrawParams; json: string } {
  const strata: Partial<Record<Stratum, StratumParams>> = {};
  const names: Stratum[] = input.stratified ? [...RISK_STRATA] : [UNSTRATIFIED];
  for (const s of names) {
    const rule = input.rules[s];
    if (!rule) throw new DrawAlgorithmError('PARAMS', `no ratio or count for stratum ${s}`, { stratum: s });
    const n = input.counts[s] ?? 0;
    strata[s] = { ...rule, n, k: sampleSize(rule, n) };
  }
  const params: TargetDrawParams = {
    algorithm: ALGORITHM,
    kind: 'TARGET',
    task: input.task,
    year: input.year,
    stratified: input.stratified,
    publicInputSource: input.publicInputSource,
    strata,
  };
  return { params, json: canonicalJson(params) };
}

// ───────────────────────── target selection ─────────────────────────

export interface SelectedTarget {
  /** index into the candidate set */
  index: number;
  uscc: string;
  stratum: Stratum;
  /** 1-based position within its stratum */
  rank: number;
  ticket: string;
}

/** Tickets of candidates [from, to) into digests (8 words per candidate, at 8 × index). */
export function computeTickets(seed: string, uscc: Uint8Array, from: number, to: number, digests: Int32Array, hasher: HasherFactory = fastHasher): void {
  const mid = hasher === fastHasher ? midstateOf(seed) : null;
  if (mid) {
    // The tail ":" + USCC is 19 bytes: the message words are built straight from the USCC bytes.
    for (let i = from; i < to; i++) {
      const p = i * USCC_LEN;
      W[0] = (58 << 24) | (uscc[p]! << 16) | (uscc[p + 1]! << 8) | uscc[p + 2]!;
      W[1] = (uscc[p + 3]! << 24) | (uscc[p + 4]! << 16) | (uscc[p + 5]! << 8) | uscc[p + 6]!;
      W[2] = (uscc[p + 7]! << 24) | (uscc[p + 8]! << 16) | (uscc[p + 9]! << 8) | uscc[p + 10]!;
      W[3] = (uscc[p + 11]! << 24) | (uscc[p + 12]! << 16) | (uscc[p + 13]! << 8) | uscc[p + 14]!;
      W[4] = (uscc[p + 15]! << 24) | (uscc[p + 16]! << 16) | (uscc[p + 17]! << 8) | 0x80;
      for (let w = 5; w < 15; w++) W[w] = 0;
      W[15] = (64 + 1 + USCC_LEN) * 8;
      compress(mid, digests, i * 8);
    }
    return;
  }
  const hash = hasher(seed);
  const tail = new Uint8Array(1 + USCC_LEN);
  tail[0] = 58; // ':'
  for (let i = from; i < to; i++) {
    for (let j = 0; j < USCC_LEN; j++) tail[1 + j] = uscc[i * USCC_LEN + j]!;
    hash(tail, tail.length, digests, i * 8);
  }
}

/** Orders two candidates by ticket (all 8 words, unsigned), then USCC bytes. */
function compareCandidates(digests: Int32Array, uscc: Uint8Array, a: number, b: number): number {
  const c = compareDigests(digests, a * 8, digests, b * 8);
  if (c) return c;
  for (let j = 0; j < USCC_LEN; j++) {
    const d = uscc[a * USCC_LEN + j]! - uscc[b * USCC_LEN + j]!;
    if (d) return d;
  }
  return 0;
}

/** The selection in result order, columnar: candidate index, 1-based rank within the stratum, stratum index. */
export interface Selection {
  length: number;
  index: Uint32Array;
  rank: Uint32Array;
  stratum: Uint8Array;
}

/**
 * The first k candidates of `members` by (ticket, USCC), in order. Instead of sorting the whole stratum: a histogram
 * of the tickets' top 16 bits finds the bucket holding the k-th ticket; only candidates up to that bucket (≈ k) are
 * sorted exactly.
 */
function firstByTicket(members: Uint32Array, k: number, digests: Int32Array, uscc: Uint8Array): Uint32Array {
  const n = members.length;
  if (k <= 0 || n === 0) return new Uint32Array(0);
  const hist = new Uint32Array(65536);
  for (let i = 0; i < n; i++) hist[digests[members[i]! * 8]! >>> 16]!++;
  let bucket = 0;
  for (let acc = 0; bucket < 65536; bucket++) {
    acc += hist[bucket]!;
    if (acc >= k) break;
  }
  let m = 0;
  const kept = new Uint32Array(n); // filled up to m
  for (let i = 0; i < n; i++) {
    const v = members[i]!;
    if (digests[v * 8]! >>> 16 <= bucket) kept[m++] = v;
  }
  const sorted = kept.subarray(0, m).sort((a, b) => compareCandidates(digests, uscc, a, b));
  return sorted.subarray(0, Math.min(k, m));
}

/**
 * Step 4 on columnar data: within each stratum the first k_s candidates by ticket (ties by USCC), strata ascending.
 * `digests` holds each candidate's ticket (computeTickets).
 */
export function selectTargetIndices(set: CandidateSet, sizes: Partial<Record<Stratum, number>>, digests: Int32Array): Selection {
  const counts = new Uint32Array(set.strata.length);
  for (let i = 0; i < set.n; i++) counts[set.stratum[i]!]!++;
  const start = new Uint32Array(set.strata.length + 1);
  for (let s = 0; s < set.strata.length; s++) start[s + 1] = start[s]! + counts[s]!;
  const members = new Uint32Array(set.n);
  const fill = start.slice(0, set.strata.length);
  for (let i = 0; i < set.n; i++) members[fill[set.stratum[i]!]!++] = i;
  const order = set.strata.map((_, s) => s).sort((a, b) => (set.strata[a]! < set.strata[b]! ? -1 : 1));
  const parts: { s: number; idx: Uint32Array }[] = [];
  let total = 0;
  for (const s of order) {
    const k = sizes[set.strata[s]!] ?? 0;
    if (!counts[s] || k <= 0) continue;
    const idx = firstByTicket(members.subarray(start[s]!, start[s + 1]!), k, digests, set.uscc);
    parts.push({ s, idx });
    total += idx.length;
  }
  const out: Selection = { length: total, index: new Uint32Array(total), rank: new Uint32Array(total), stratum: new Uint8Array(total) };
  let p = 0;
  for (const { s, idx } of parts)
    for (let r = 0; r < idx.length; r++, p++) {
      out.index[p] = idx[r]!;
      out.rank[p] = r + 1;
      out.stratum[p] = s;
    }
  return out;
}

/**
 * Step 4: within each stratum sort candidates by ticket (ties by USCC) and take the first k_s. Returns the selection
 * in result order: strata ascending, each in ticket order. `digests` may be passed in when computed elsewhere
 * (worker threads); otherwise they are computed here with `hasher`.
 */
export function selectTargets(
  set: CandidateSet,
  seed: string,
  sizes: Partial<Record<Stratum, number>>,
  opts: { digests?: Int32Array; hasher?: HasherFactory } = {},
): SelectedTarget[] {
  const digests = opts.digests ?? new Int32Array(set.n * 8);
  if (!opts.digests) computeTickets(seed, set.uscc, 0, set.n, digests, opts.hasher);
  const sel = selectTargetIndices(set, sizes, digests);
  const out: SelectedTarget[] = new Array(sel.length);
  for (let p = 0; p < sel.length; p++) {
    const i = sel.index[p]!;
    out[p] = { index: i, uscc: usccAt(set, i), stratum: set.strata[sel.stratum[p]!]!, rank: sel.rank[p]!, ticket: wordsToHex(digests, i * 8) };
  }
  return out;
}

/** resultHash of a target draw: SHA-256 of the selected "USCC,STRATUM\n" lines in result order. */
export const targetResultHash = (selected: { uscc: string; stratum: string }[]) => sha256hex(selected.map((s) => `${s.uscc},${s.stratum}\n`).join(''));

// ───────────────────────── inspector draws ─────────────────────────

export interface SnapshotInspector {
  department: string;
  certificateNo: string;
}
export interface SnapshotTarget {
  uscc: string;
  stratum: string;
  ticket: string;
}
export interface SnapshotExclusion {
  uscc: string;
  certificateNo: string;
}
/** What an inspector draw is computed from (committed before the seed exists). */
export interface InspectorSnapshot {
  inspectors: SnapshotInspector[];
  targets: SnapshotTarget[];
  exclusions: SnapshotExclusion[];
}

const FIELD_RE = /^[^,\r\n]+$/;

/**
 * The snapshot text of an inspector draw, lines sorted ascending (byte order), no duplicates:
 *   I,<department code>,<certificate no>    an available inspector (active, not on leave in the task window)
 *   T,<USCC>,<stratum>,<ticket>             a target selected by the locked target draw
 *   X,<USCC>,<certificate no>               an excluded pair (recused, or inspected this target in the past 365 days)
 */
export function inspectorSnapshotText(s: InspectorSnapshot): string {
  const field = (v: string) => {
    if (!FIELD_RE.test(v)) throw new DrawAlgorithmError('SNAPSHOT_FORMAT', `a code or certificate number is empty or contains "," or a line break: ${JSON.stringify(v)}`);
    return v;
  };
  const lines = [
    ...s.inspectors.map((i) => `I,${field(i.department)},${field(i.certificateNo)}`),
    ...s.targets.map((t) => `T,${field(t.uscc)},${field(t.stratum)},${field(t.ticket)}`),
    ...s.exclusions.map((x) => `X,${field(x.uscc)},${field(x.certificateNo)}`),
  ];
  const bytes = lines.map((l) => Buffer.from(l, 'utf8'));
  const order = bytes.map((_, i) => i).sort((a, b) => Buffer.compare(bytes[a]!, bytes[b]!));
  const out: string[] = [];
  let prev: Buffer | null = null;
  for (const i of order) {
    if (prev && Buffer.compare(prev, bytes[i]!) === 0) continue;
    out.push(`${lines[i]}\n`);
    prev = bytes[i]!;
  }
  return out.join('');
}

export function parseInspectorSnapshot(text: string): InspectorSnapshot {
  const s: InspectorSnapshot = { inspectors: [], targets: [], exclusions: [] };
  if (text && !text.endsWith('\n')) throw new DrawAlgorithmError('SNAPSHOT_FORMAT', 'snapshot lines must each end with a newline');
  const lines = text ? text.slice(0, -1).split('\n') : [];
  let prev: Buffer | null = null;
  lines.forEach((line, n) => {
    const b = Buffer.from(line, 'utf8');
    if (prev && Buffer.compare(prev, b) >= 0) throw new DrawAlgorithmError('SNAPSHOT_ORDER', `snapshot line ${n + 1}: lines must be strictly ascending`, { line: n + 1 });
    prev = b;
    const f = line.split(',');
    const bad = () => new DrawAlgorithmError('SNAPSHOT_FORMAT', `snapshot line ${n + 1}: malformed`, { line: n + 1 });
    if (f.some((x, i) => i > 0 && !FIELD_RE.test(x))) throw bad();
    if (f[0] === 'I' && f.length === 3) s.inspectors.push({ department: f[1]!, certificateNo: f[2]! });
    else if (f[0] === 'T' && f.length === 4 && USCC_RE.test(f[1]!) && STRATA.includes(f[2] as Stratum) && HEX64_RE.test(f[3]!))
      s.targets.push({ uscc: f[1]!, stratum: f[2]!, ticket: f[3]! });
    else if (f[0] === 'X' && f.length === 3 && USCC_RE.test(f[1]!)) s.exclusions.push({ uscc: f[1]!, certificateNo: f[2]! });
    else throw bad();
  });
  return s;
}

export interface DepartmentPlan {
  /** this department leads the task (its pick is team leader) */
  lead: boolean;
  /** seats it fills per target: 2 when it is the only department, else 1 */
  seats: number;
  /** slots_d = targets × seats */
  slots: number;
  /** poolSize_d = its available inspectors */
  pool: number;
  /** cap_d = ceil(slots_d / poolSize_d): most targets one inspector takes in this draw */
  cap: number;
}

export interface InspectorDrawParams {
  algorithm: string;
  kind: 'INSPECTOR';
  task: string;
  publicInputSource: string;
  targetDraw: string;
  targetResultHash: string;
  window: { start: string; end: string };
  lookbackDays: number;
  departments: Record<string, DepartmentPlan>;
}

/** Seats, slots, pool sizes and caps per participating department, from the snapshot. */
export function departmentPlans(snapshot: InspectorSnapshot, departments: { code: string; lead: boolean }[]): Record<string, DepartmentPlan> {
  const out: Record<string, DepartmentPlan> = {};
  const seats = departments.length === 1 ? 2 : 1;
  for (const d of departments) {
    const pool = snapshot.inspectors.filter((i) => i.department === d.code).length;
    const slots = snapshot.targets.length * seats;
    out[d.code] = { lead: d.lead, seats, slots, pool, cap: pool ? Math.ceil(slots / pool) : 0 };
  }
  return out;
}

export function inspectorDrawParams(input: Omit<InspectorDrawParams, 'algorithm' | 'kind' | 'lookbackDays'>): { params: InspectorDrawParams; json: string } {
  const params: InspectorDrawParams = { algorithm: ALGORITHM, kind: 'INSPECTOR', lookbackDays: LOOKBACK_DAYS, ...input };
  return { params, json: canonicalJson(params) };
}

/** The target draw's resultHash recomputed from the T lines (strata ascending, ticket order within). */
export function targetResultHashOfSnapshot(targets: SnapshotTarget[]): string {
  const sorted = [...targets].sort((a, b) => (a.stratum !== b.stratum ? (a.stratum < b.stratum ? -1 : 1) : a.ticket !== b.ticket ? (a.ticket < b.ticket ? -1 : 1) : a.uscc < b.uscc ? -1 : 1));
  return targetResultHash(sorted);
}

export interface Assignment {
  uscc: string;
  department: string;
  certificateNo: string;
  role: 'LEADER' | 'MEMBER';
  ticket: string;
}

/** Targets in processing order: ascending ticket, ties by USCC. */
export function targetsInTicketOrder(targets: SnapshotTarget[]): SnapshotTarget[] {
  return [...targets].sort((a, b) => (a.ticket !== b.ticket ? (a.ticket < b.ticket ? -1 : 1) : a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0));
}

/**
 * First words of the rank hashes SHA-256(seed + ":" + USCC + ":" + certificateNo) for targets [from, to) of
 * `usccs` × every certificate, into keys[t × certs.length + i]. Lets worker threads precompute the ranking.
 */
export function inspectorRankKeys(seed: string, usccs: string[], certs: string[], from: number, to: number, keys: Int32Array, hasher: HasherFactory = fastHasher): void {
  const certBytes = certs.map((c) => Buffer.from(c, 'utf8'));
  const mid = hasher === fastHasher ? midstateOf(seed) : null;
  if (mid && certBytes.every((c) => c.length <= 35) && usccs.every((u) => USCC_RE.test(u))) {
    // ":" + USCC + ":" is exactly 20 bytes, five message words; each certificate's words (with padding and length)
    // are the same for every target, so they are built once.
    const certWords = certBytes.map((cb) => {
      const w = new Int32Array(11);
      for (let j = 0; j < cb.length; j++) w[j >> 2]! |= cb[j]! << (24 - 8 * (j & 3));
      w[cb.length >> 2]! |= 0x80 << (24 - 8 * (cb.length & 3));
      w[10] = (64 + 20 + cb.length) * 8;
      return w;
    });
    const out = new Int32Array(8);
    const prefix = new Int32Array(5);
    for (let t = from; t < to; t++) {
      const u = usccs[t]!;
      const c = (i: number) => u.charCodeAt(i);
      prefix[0] = (58 << 24) | (c(0) << 16) | (c(1) << 8) | c(2);
      prefix[1] = (c(3) << 24) | (c(4) << 16) | (c(5) << 8) | c(6);
      prefix[2] = (c(7) << 24) | (c(8) << 16) | (c(9) << 8) | c(10);
      prefix[3] = (c(11) << 24) | (c(12) << 16) | (c(13) << 8) | c(14);
      prefix[4] = (c(15) << 24) | (c(16) << 16) | (c(17) << 8) | 58;
      for (let i = 0; i < certWords.length; i++) {
        const w = certWords[i]!;
        W[0] = prefix[0]!;
        W[1] = prefix[1]!;
        W[2] = prefix[2]!;
        W[3] = prefix[3]!;
        W[4] = prefix[4]!;
        for (let k = 0; k < 11; k++) W[5 + k] = w[k]!;
        compress(mid, out, 0);
        keys[t * certs.length + i] = out[0]!;
      }
    }
    return;
  }
  const hash = hasher(seed);
  const longest = certBytes.reduce((m, c) => Math.max(m, c.length), 0);
  const digest = new Int32Array(8);
  const tail = new Uint8Array(2 + USCC_LEN * 4 + longest + 8);
  for (let t = from; t < to; t++) {
    const prefix = Buffer.from(`:${usccs[t]}:`, 'utf8');
    tail.set(prefix, 0);
    for (let i = 0; i < certs.length; i++) {
      const cb = certBytes[i]!;
      for (let j = 0; j < cb.length; j++) tail[prefix.length + j] = cb[j]!;
      hash(tail, prefix.length + cb.length, digest, 0);
      keys[t * certs.length + i] = digest[0]!;
    }
  }
}

/**
 * Step 6. Targets in ascending ticket order (ties by USCC); for each, departments in ascending code; eligible =
 * available inspectors of that department not excluded for the target, not already on the team, with fewer than
 * cap_d assignments so far; the first by SHA-256(seed + ":" + USCC + ":" + certificateNo) (ties by certificate no)
 * is picked. A department that fills two seats takes the first two eligible of the same ranking. The lead
 * department's (first) pick is LEADER. No eligible inspector → DrawAlgorithmError NO_ELIGIBLE_INSPECTOR.
 *
 * `keys` (inspectorRankKeys over targetsInTicketOrder × snapshot.inspectors) may carry precomputed first words of
 * the rank hashes; full hashes are then computed only for ties and for the picks.
 */
export function matchInspectors(
  snapshot: InspectorSnapshot,
  plans: Record<string, DepartmentPlan>,
  seed: string,
  hasher: HasherFactory = fastHasher,
  keys?: Int32Array,
): Assignment[] {
  const hash = hasher(seed);
  const codes = Object.keys(plans).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const certs = snapshot.inspectors.map((i) => i.certificateNo);
  const certBytes = certs.map((c) => Buffer.from(c, 'utf8'));
  const indexOfCert = new Map(certs.map((c, i) => [c, i]));
  const pools = new Map(codes.map((c) => [c, [] as number[]]));
  snapshot.inspectors.forEach((ins, i) => pools.get(ins.department)?.push(i));
  const excluded = new Map<string, Set<number>>();
  for (const x of snapshot.exclusions) {
    const i = indexOfCert.get(x.certificateNo);
    if (i === undefined) continue;
    let set = excluded.get(x.uscc);
    if (!set) excluded.set(x.uscc, (set = new Set()));
    set.add(i);
  }
  const targets = targetsInTicketOrder(snapshot.targets);
  const assigned = new Int32Array(certs.length);
  const onTeam = new Uint8Array(certs.length);
  const da = new Int32Array(8);
  const db = new Int32Array(8);
  let tail = new Uint8Array(256);
  let prefix: Buffer = Buffer.alloc(0);
  const digestOf = (i: number, out: Int32Array) => {
    const cb = certBytes[i]!;
    const len = prefix.length + cb.length;
    if (len > tail.length) tail = new Uint8Array(len * 2);
    tail.set(prefix, 0);
    tail.set(cb, prefix.length);
    hash(tail, len, out, 0);
  };
  const out: Assignment[] = [];
  for (let t = 0; t < targets.length; t++) {
    const target = targets[t]!;
    prefix = Buffer.from(`:${target.uscc}:`, 'utf8');
    const row = t * certs.length;
    const key = (i: number) => {
      if (keys) return keys[row + i]! >>> 0;
      digestOf(i, da);
      return da[0]! >>> 0;
    };
    /** does inspector a (with first word ka) rank before b (kb)? */
    const before = (a: number, ka: number, b: number, kb: number) => {
      if (ka !== kb) return ka < kb;
      digestOf(a, da);
      digestOf(b, db);
      const c = compareDigests(da, 0, db, 0);
      return c < 0 || (c === 0 && certs[a]! < certs[b]!);
    };
    const excl = excluded.get(target.uscc);
    const team: number[] = [];
    for (const code of codes) {
      const plan = plans[code]!;
      // The best `seats` eligible inspectors. Picking the first does not change who else is eligible (only the
      // picked inspector's count moves, and it is then on the team), so the second seat is the runner-up of the
      // same ranking.
      let best = -1;
      let kBest = 0;
      let second = -1;
      let kSecond = 0;
      for (const i of pools.get(code)!) {
        if (onTeam[i] || assigned[i]! >= plan.cap || excl?.has(i)) continue;
        const k = key(i);
        if (best < 0 || before(i, k, best, kBest)) {
          if (plan.seats > 1 && best >= 0) {
            second = best;
            kSecond = kBest;
          }
          best = i;
          kBest = k;
        } else if (plan.seats > 1 && (second < 0 || before(i, k, second, kSecond))) {
          second = i;
          kSecond = k;
        }
      }
      const picks = plan.seats > 1 ? [best, second] : [best];
      picks.forEach((i, seat) => {
        if (i < 0)
          throw new DrawAlgorithmError('NO_ELIGIBLE_INSPECTOR', `no eligible inspector of department ${code} for target ${target.uscc}`, { uscc: target.uscc, department: code });
        team.push(i);
        onTeam[i] = 1;
        assigned[i]!++;
        digestOf(i, da);
        out.push({ uscc: target.uscc, department: code, certificateNo: certs[i]!, role: plan.lead && seat === 0 ? 'LEADER' : 'MEMBER', ticket: wordsToHex(da, 0) });
      });
    }
    for (const i of team) onTeam[i] = 0;
  }
  return out;
}

/** resultHash of an inspector draw: SHA-256 of "USCC,DEPARTMENT,CERTIFICATE,ROLE\n" lines in assignment order. */
export const inspectorResultHash = (assignments: Assignment[]) =>
  sha256hex(assignments.map((a) => `${a.uscc},${a.department},${a.certificateNo},${a.role}\n`).join(''));

// ───────────────────────── evidence ─────────────────────────

export interface DrawEvidence {
  format: string;
  algorithm: string;
  draw: {
    id: string;
    kind: 'TARGET' | 'INSPECTOR';
    status: 'COMMITTED' | 'REVEALED' | 'LOCKED' | 'VOIDED';
    task: string;
    committedAt: string;
    revealedAt: string | null;
    lockedAt: string | null;
    voidedAt: string | null;
    voidReason: string | null;
  };
  /** canonical JSON text, exactly as committed */
  params: string;
  candidateCount: number;
  candidateHash: string;
  /** the snapshot lines without their newlines */
  candidates: string[];
  commitment: string;
  publicInputSource: string;
  serverSeed: string | null;
  publicInput: string | null;
  seed: string | null;
  /** target draws: the selection in result order */
  selected: { uscc: string; stratum: string; rank: number; ticket: string }[] | null;
  /** inspector draws: the teams in assignment order */
  assignments: Assignment[] | null;
  resultHash: string | null;
}

export type Verdict = { ok: true; summary: string } | { ok: false; mismatch: string };

const fail = (mismatch: string): Verdict => ({ ok: false, mismatch });
const differ = (what: string, stated: unknown, computed: unknown) => `${what}: evidence says ${JSON.stringify(stated)}, recomputed ${JSON.stringify(computed)}`;

/**
 * Recomputes a draw from its evidence with the reference hasher (node:crypto) and reports the first mismatch.
 * Uses nothing but the evidence: no database, no server code.
 */
export function verifyEvidence(e: DrawEvidence): Verdict {
  if (!e || typeof e !== 'object') return fail('not an evidence object');
  if (e.format !== EVIDENCE_FORMAT) return fail(differ('format', e.format, EVIDENCE_FORMAT));
  if (e.algorithm !== ALGORITHM) return fail(differ('algorithm', e.algorithm, ALGORITHM));
  if (!Array.isArray(e.candidates)) return fail('candidates: missing');
  const text = e.candidates.map((l) => `${l}\n`).join('');
  const candidateHash = sha256hex(text);
  if (candidateHash !== e.candidateHash) return fail(differ('candidateHash', e.candidateHash, candidateHash));
  let params: Record<string, unknown>;
  try {
    params = JSON.parse(e.params);
  } catch {
    return fail('params: not JSON');
  }
  if (canonicalJson(params) !== e.params) return fail('params: not in canonical form (sorted keys, no spaces)');
  if (params.algorithm !== ALGORITHM) return fail(differ('params.algorithm', params.algorithm, ALGORITHM));
  if (params.kind !== e.draw?.kind) return fail(differ('params.kind', params.kind, e.draw?.kind));
  if (params.publicInputSource !== e.publicInputSource) return fail(differ('publicInputSource', e.publicInputSource, params.publicInputSource));
  const revealed = e.serverSeed !== null && e.serverSeed !== undefined;
  if (revealed) {
    const commitment = commitmentOf(e.serverSeed!);
    if (commitment !== e.commitment) return fail(differ('commitment = SHA-256(serverSeed)', e.commitment, commitment));
    if (typeof e.publicInput !== 'string') return fail('publicInput: missing although serverSeed is revealed');
    const seed = deriveSeed(e.serverSeed!, e.publicInput);
    if (seed !== e.seed) return fail(differ('seed = SHA-256(serverSeed + "|" + publicInput)', e.seed, seed));
  } else if (e.draw.status === 'REVEALED' || e.draw.status === 'LOCKED') return fail(`draw is ${e.draw.status} but the evidence has no serverSeed`);

  try {
    return params.kind === 'TARGET' ? verifyTarget(e, text, params as unknown as TargetDrawParams, revealed) : verifyInspector(e, text, params as unknown as InspectorDrawParams, revealed);
  } catch (err) {
    if (err instanceof DrawAlgorithmError) return fail(err.message);
    throw err;
  }
}

function verifyTarget(e: DrawEvidence, text: string, params: TargetDrawParams, revealed: boolean): Verdict {
  const set = parseCandidates(Buffer.from(text, 'utf8'));
  if (set.n !== e.candidateCount) return fail(differ('candidateCount', e.candidateCount, set.n));
  const counts = stratumCounts(set);
  const names: Stratum[] = params.stratified ? [...RISK_STRATA] : [UNSTRATIFIED];
  for (const s of Object.keys(counts)) if (!names.includes(s as Stratum)) return fail(`candidates: stratum ${s} does not belong to a ${params.stratified ? 'stratified' : 'unstratified'} draw`);
  const keys = Object.keys(params.strata ?? {}).sort().join(',');
  if (keys !== [...names].sort().join(',')) return fail(differ('params.strata (strata)', keys, names.join(',')));
  const sizes: Partial<Record<Stratum, number>> = {};
  for (const s of names) {
    const p = params.strata?.[s];
    if (!p) return fail(`params.strata.${s}: missing`);
    if ((p.n ?? -1) !== (counts[s] ?? 0)) return fail(differ(`params.strata.${s}.n`, p.n, counts[s] ?? 0));
    const rule: SizeRule | null = typeof p.bp === 'number' ? { bp: p.bp } : typeof p.count === 'number' ? { count: p.count } : null;
    if (!rule) return fail(`params.strata.${s}: neither bp nor count`);
    const k = sampleSize(rule, p.n);
    if (k !== p.k) return fail(differ(`params.strata.${s}.k`, p.k, k));
    sizes[s] = k;
  }
  if (!revealed) return { ok: true, summary: `committed, not yet revealed: ${set.n} candidates, parameters consistent` };
  const selected = selectTargets(set, e.seed!, sizes, { hasher: referenceHasher });
  const stated = e.selected ?? [];
  for (let i = 0; i < Math.max(selected.length, stated.length); i++) {
    const a = stated[i];
    const b = selected[i];
    if (!a || !b || a.uscc !== b.uscc || a.stratum !== b.stratum || a.rank !== b.rank || a.ticket !== b.ticket)
      return fail(differ(`selected[${i}]`, a ?? null, b ? { uscc: b.uscc, stratum: b.stratum, rank: b.rank, ticket: b.ticket } : null));
  }
  const resultHash = targetResultHash(selected);
  if (resultHash !== e.resultHash) return fail(differ('resultHash', e.resultHash, resultHash));
  return { ok: true, summary: `${set.n} candidates, ${selected.length} selected` };
}

function verifyInspector(e: DrawEvidence, text: string, params: InspectorDrawParams, revealed: boolean): Verdict {
  const snapshot = parseInspectorSnapshot(text);
  if (snapshot.inspectors.length !== e.candidateCount) return fail(differ('candidateCount (inspector lines)', e.candidateCount, snapshot.inspectors.length));
  const th = targetResultHashOfSnapshot(snapshot.targets);
  if (th !== params.targetResultHash) return fail(differ('params.targetResultHash (from the T lines)', params.targetResultHash, th));
  const departments = Object.entries(params.departments ?? {}).map(([code, p]) => ({ code, lead: !!p.lead }));
  if (departments.filter((d) => d.lead).length !== 1) return fail('params.departments: exactly one lead department expected');
  const plans = departmentPlans(snapshot, departments);
  for (const d of departments) {
    const stated = params.departments[d.code]!;
    const computed = plans[d.code]!;
    if (canonicalJson(stated) !== canonicalJson(computed)) return fail(differ(`params.departments.${d.code}`, stated, computed));
  }
  if (!revealed) return { ok: true, summary: `committed, not yet revealed: ${snapshot.targets.length} targets, ${snapshot.inspectors.length} inspectors` };
  let assignments: Assignment[];
  try {
    assignments = matchInspectors(snapshot, plans, e.seed!, referenceHasher);
  } catch (err) {
    // A seed under which some target cannot be served: the server voids the draw at reveal and writes no team.
    if (!(err instanceof DrawAlgorithmError) || err.reason !== 'NO_ELIGIBLE_INSPECTOR') throw err;
    if (e.draw.status === 'VOIDED' && !(e.assignments ?? []).length && !e.resultHash) return { ok: true, summary: `voided at reveal: ${err.message}` };
    return fail(`the teams cannot be formed (${err.message}) but the evidence shows a ${e.draw.status} draw with teams`);
  }
  const stated = e.assignments ?? [];
  for (let i = 0; i < Math.max(assignments.length, stated.length); i++) {
    const a = stated[i];
    const b = assignments[i];
    if (!a || !b || canonicalJson(a) !== canonicalJson(b)) return fail(differ(`assignments[${i}]`, a ?? null, b ?? null));
  }
  const resultHash = inspectorResultHash(assignments);
  if (resultHash !== e.resultHash) return fail(differ('resultHash', e.resultHash, resultHash));
  return { ok: true, summary: `${snapshot.targets.length} targets, ${assignments.length} seats` };
}
