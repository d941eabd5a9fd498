// Recomputes a draw (algorithm sha256-rank-v1, docs/DRAW.md) from its published evidence in the browser, with
// WebCrypto SHA-256 only: candidate hash, canonical parameters (n and k per stratum, or the department plans),
// commitment = SHA-256(serverSeed), seed = SHA-256(serverSeed + "|" + publicInput), every ticket, the selection
// (or the whole inspector matching) and the result hash. It stops at the first difference and says where.
//
// This is a second, independent implementation of server/src/modules/draw/draw.algorithm.ts verifyEvidence: the
// console must not trust the server's own word, so nothing here comes from the server but the evidence JSON.
// No React, no react-admin: unit-tested against the worked examples of docs/DRAW.md (verify.test.ts).

export const ALGORITHM = 'sha256-rank-v1';
export const EVIDENCE_FORMAT = 'ssj-draw-evidence/1';
const RISK_STRATA = ['A', 'B', 'C', 'D'] as const;
const STRATA = ['A', 'B', 'C', 'D', 'ALL'];
const USCC_RE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const HEX64_RE = /^[0-9a-f]{64}$/;
const FIELD_RE = /^[^,\r\n]+$/;
/** WebCrypto calls in flight at once: enough to keep the browser busy, few enough not to hold 10^6 promises. */
const BATCH = 4096;

export interface EvidenceSelected {
    uscc: string;
    stratum: string;
    rank: number;
    ticket: string;
}
export interface EvidenceAssignment {
    uscc: string;
    department: string;
    certificateNo: string;
    role: 'LEADER' | 'MEMBER';
    ticket: string;
}

/** What `drawEvidence(drawId)` returns (format ssj-draw-evidence/1). */
export interface DrawEvidence {
    format: string;
    algorithm: string;
    draw: {
        id: string;
        kind: 'TARGET' | 'INSPECTOR';
        status: 'COMMITTED' | 'REVEALED' | 'LOCKED' | 'VOIDED';
        task: string;
        committedAt?: string;
        revealedAt?: string | null;
        lockedAt?: string | null;
        voidedAt?: string | null;
        voidReason?: string | null;
    };
    params: string;
    candidateCount: number;
    candidateHash: string;
    candidates: string[];
    commitment: string;
    publicInputSource: string;
    serverSeed: string | null;
    publicInput: string | null;
    seed: string | null;
    selected: EvidenceSelected[] | null;
    assignments: EvidenceAssignment[] | null;
    resultHash: string | null;
}

/** The step a check belongs to; the console names it in the reader's language (i18n `drawScreen.step.*`). */
export type VerifyStep =
    | 'format'
    | 'candidateHash'
    | 'candidates'
    | 'params'
    | 'commitment'
    | 'seed'
    | 'selection'
    | 'teams'
    | 'resultHash';

export type Verdict =
    | { ok: true; revealed: boolean; summary: string; counts: Record<string, number> }
    | { ok: false; step: VerifyStep; detail: string };

export interface VerifyOptions {
    /** Called with (hashes done, hashes to do) while tickets are computed: large draws take a moment. */
    onProgress?: (done: number, total: number) => void;
    /** The SubtleCrypto to use (tests may pass Node's webcrypto.subtle); default globalThis.crypto.subtle. */
    subtle?: SubtleCrypto;
}

class Mismatch extends Error {
    constructor(
        readonly step: VerifyStep,
        readonly detail: string,
    ) {
        super(detail);
    }
}

const differ = (what: string, stated: unknown, computed: unknown) => `${what}: evidence says ${JSON.stringify(stated)}, recomputed ${JSON.stringify(computed)}`;

// ───────────────────────── hashing ─────────────────────────

const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

function subtleOf(options: VerifyOptions): SubtleCrypto {
    const subtle = options.subtle ?? globalThis.crypto?.subtle;
    // WebCrypto exists only in secure contexts (https, or http://localhost).
    if (!subtle) throw new Mismatch('format', 'WebCrypto (crypto.subtle) is not available: open the console over https or on localhost');
    return subtle;
}

/** Lowercase hex SHA-256 of the UTF-8 text. */
export async function sha256Hex(text: string, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<string> {
    const digest = new Uint8Array(await subtle.digest('SHA-256', encoder.encode(text)));
    let hex = '';
    for (let i = 0; i < digest.length; i++) hex += HEX[digest[i]!];
    return hex;
}

/** Hashes many texts, BATCH at a time, reporting progress. */
async function sha256Many(texts: string[], subtle: SubtleCrypto, progress: (n: number) => void): Promise<string[]> {
    const out = new Array<string>(texts.length);
    for (let start = 0; start < texts.length; start += BATCH) {
        const end = Math.min(texts.length, start + BATCH);
        const part = await Promise.all(texts.slice(start, end).map(text => sha256Hex(text, subtle)));
        for (let i = 0; i < part.length; i++) out[start + i] = part[i]!;
        progress(end - start);
    }
    return out;
}

/** JSON with keys sorted (UTF-16 code units, as JS compares) and no spaces: the form parameters are stored in. */
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

/** "Sorted" in DRAW.md means by UTF-8 bytes, which is code-point order (JS `<` compares UTF-16 units). */
export function compareBytes(a: string, b: string): number {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const x = a.codePointAt(i)!;
        const y = b.codePointAt(i)!;
        if (x !== y) return x < y ? -1 : 1;
        if (x > 0xffff) i++;
    }
    return a.length - b.length;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** k = ceil(bp × n / 10000) in integers (or the explicit count), never more than n. */
export function sampleSize(rule: { bp: number } | { count: number }, n: number): number {
    if ('bp' in rule) {
        const k = (BigInt(rule.bp) * BigInt(n) + 9999n) / 10000n;
        return Number(k > BigInt(n) ? BigInt(n) : k);
    }
    return Math.min(rule.count, n);
}

// ───────────────────────── parameters as the console shows them ─────────────────────────

export interface StratumPlan {
    stratum: string;
    n: number;
    k: number;
    bp?: number;
    count?: number;
}

export interface DepartmentPlan {
    lead: boolean;
    seats: number;
    slots: number;
    pool: number;
    cap: number;
}

/** Candidate count n and sample size k per stratum (strata ascending) from a target draw's parameter JSON. */
export function strataOf(params: string | null | undefined): StratumPlan[] {
    try {
        const parsed = JSON.parse(params ?? '{}') as { strata?: Record<string, Omit<StratumPlan, 'stratum'>> };
        return Object.entries(parsed.strata ?? {})
            .map(([stratum, p]) => ({ stratum, ...p }))
            .sort((a, b) => cmp(a.stratum, b.stratum));
    } catch {
        return [];
    }
}

/** Department plans (seats, pool, cap) of an inspector draw, departments ascending by code. */
export function departmentsOf(params: string | null | undefined): ({ code: string } & DepartmentPlan)[] {
    try {
        const parsed = JSON.parse(params ?? '{}') as { departments?: Record<string, DepartmentPlan> };
        return Object.entries(parsed.departments ?? {})
            .map(([code, p]) => ({ code, ...p }))
            .sort((a, b) => compareBytes(a.code, b.code));
    } catch {
        return [];
    }
}

// ───────────────────────── verification ─────────────────────────

/**
 * Recomputes the draw from its evidence. Resolves to `{ ok: true }` when every published value agrees, or to the
 * first step that does not (`step`) with what the evidence says and what was recomputed (`detail`).
 */
export async function verifyEvidence(e: DrawEvidence, options: VerifyOptions = {}): Promise<Verdict> {
    try {
        return await verify(e, options);
    } catch (error) {
        if (error instanceof Mismatch) return { ok: false, step: error.step, detail: error.detail };
        throw error;
    }
}

async function verify(e: DrawEvidence, options: VerifyOptions): Promise<Verdict> {
    const subtle = subtleOf(options);
    if (!e || typeof e !== 'object') throw new Mismatch('format', 'not an evidence object');
    if (e.format !== EVIDENCE_FORMAT) throw new Mismatch('format', differ('format', e.format, EVIDENCE_FORMAT));
    if (e.algorithm !== ALGORITHM) throw new Mismatch('format', differ('algorithm', e.algorithm, ALGORITHM));
    if (!Array.isArray(e.candidates)) throw new Mismatch('candidates', 'candidates: missing');

    const text = e.candidates.map(line => `${line}\n`).join('');
    const candidateHash = await sha256Hex(text, subtle);
    if (candidateHash !== e.candidateHash) throw new Mismatch('candidateHash', differ('candidateHash', e.candidateHash, candidateHash));

    let params: Record<string, unknown>;
    try {
        params = JSON.parse(e.params);
    } catch {
        throw new Mismatch('params', 'params: not JSON');
    }
    if (canonicalJson(params) !== e.params) throw new Mismatch('params', 'params: not in canonical form (sorted keys, no spaces)');
    if (params.algorithm !== ALGORITHM) throw new Mismatch('params', differ('params.algorithm', params.algorithm, ALGORITHM));
    if (params.kind !== e.draw?.kind) throw new Mismatch('params', differ('params.kind', params.kind, e.draw?.kind));
    if (params.publicInputSource !== e.publicInputSource) throw new Mismatch('params', differ('publicInputSource', e.publicInputSource, params.publicInputSource));

    const revealed = e.serverSeed !== null && e.serverSeed !== undefined;
    if (revealed) {
        const commitment = await sha256Hex(e.serverSeed!, subtle);
        if (commitment !== e.commitment) throw new Mismatch('commitment', differ('commitment = SHA-256(serverSeed)', e.commitment, commitment));
        if (typeof e.publicInput !== 'string') throw new Mismatch('seed', 'publicInput: missing although serverSeed is revealed');
        const seed = await sha256Hex(`${e.serverSeed}|${e.publicInput}`, subtle);
        if (seed !== e.seed) throw new Mismatch('seed', differ('seed = SHA-256(serverSeed + "|" + publicInput)', e.seed, seed));
    } else if (e.draw.status === 'REVEALED' || e.draw.status === 'LOCKED') {
        throw new Mismatch('commitment', `draw is ${e.draw.status} but the evidence has no serverSeed`);
    }
    return params.kind === 'TARGET' ? verifyTarget(e, params, revealed, subtle, options) : verifyInspector(e, params, revealed, subtle, options);
}

interface Candidate {
    uscc: string;
    stratum: string;
}

function parseTargetCandidates(lines: string[]): Candidate[] {
    const out: Candidate[] = [];
    lines.forEach((line, i) => {
        const [uscc, stratum, extra] = line.split(',');
        if (extra !== undefined || !uscc || !USCC_RE.test(uscc) || !stratum || !STRATA.includes(stratum))
            throw new Mismatch('candidates', `candidate line ${i + 1}: expected "USCC,STRATUM", found ${JSON.stringify(line)}`);
        if (i > 0 && out[i - 1]!.uscc >= uscc) throw new Mismatch('candidates', `candidate line ${i + 1}: USCCs must be strictly ascending`);
        out.push({ uscc, stratum });
    });
    return out;
}

async function verifyTarget(e: DrawEvidence, params: Record<string, unknown>, revealed: boolean, subtle: SubtleCrypto, options: VerifyOptions): Promise<Verdict> {
    const candidates = parseTargetCandidates(e.candidates);
    if (candidates.length !== e.candidateCount) throw new Mismatch('candidates', differ('candidateCount', e.candidateCount, candidates.length));
    const counts: Record<string, number> = {};
    for (const c of candidates) counts[c.stratum] = (counts[c.stratum] ?? 0) + 1;
    const stratified = params.stratified === true;
    const names: string[] = stratified ? [...RISK_STRATA] : ['ALL'];
    for (const s of Object.keys(counts))
        if (!names.includes(s)) throw new Mismatch('candidates', `candidates: stratum ${s} does not belong to a ${stratified ? 'stratified' : 'unstratified'} draw`);
    const strata = (params.strata ?? {}) as Record<string, { n?: number; k?: number; bp?: number; count?: number }>;
    const keys = Object.keys(strata).sort().join(',');
    if (keys !== [...names].sort().join(',')) throw new Mismatch('params', differ('params.strata (strata)', keys, names.join(',')));
    const sizes: Record<string, number> = {};
    for (const s of names) {
        const p = strata[s]!;
        if ((p.n ?? -1) !== (counts[s] ?? 0)) throw new Mismatch('params', differ(`params.strata.${s}.n`, p.n, counts[s] ?? 0));
        const rule = typeof p.bp === 'number' ? { bp: p.bp } : typeof p.count === 'number' ? { count: p.count } : null;
        if (!rule) throw new Mismatch('params', `params.strata.${s}: neither bp nor count`);
        const k = sampleSize(rule, p.n!);
        if (k !== p.k) throw new Mismatch('params', differ(`params.strata.${s}.k`, p.k, k));
        sizes[s] = k;
    }
    if (!revealed) return { ok: true, revealed: false, summary: `${candidates.length} candidates, parameters consistent`, counts };

    // Step 4: every ticket, then per stratum the first k by (ticket, USCC), strata ascending.
    let done = 0;
    options.onProgress?.(0, candidates.length);
    const tickets = await sha256Many(
        candidates.map(c => `${e.seed}:${c.uscc}`),
        subtle,
        n => options.onProgress?.((done += n), candidates.length),
    );
    const computed: EvidenceSelected[] = [];
    for (const s of [...names].sort(cmp)) {
        const members = candidates
            .map((c, i) => ({ uscc: c.uscc, ticket: tickets[i]! }))
            .filter((_, i) => candidates[i]!.stratum === s)
            .sort((a, b) => cmp(a.ticket, b.ticket) || cmp(a.uscc, b.uscc));
        members.slice(0, sizes[s]).forEach((m, r) => computed.push({ uscc: m.uscc, stratum: s, rank: r + 1, ticket: m.ticket }));
    }
    const stated = e.selected ?? [];
    for (let i = 0; i < Math.max(stated.length, computed.length); i++) {
        const a = stated[i];
        const b = computed[i];
        if (!a || !b || a.uscc !== b.uscc || a.stratum !== b.stratum || a.rank !== b.rank || a.ticket !== b.ticket)
            throw new Mismatch('selection', differ(`selected[${i}]`, a ? { uscc: a.uscc, stratum: a.stratum, rank: a.rank, ticket: a.ticket } : null, b ?? null));
    }
    const resultHash = await sha256Hex(computed.map(s => `${s.uscc},${s.stratum}\n`).join(''), subtle);
    if (resultHash !== e.resultHash) throw new Mismatch('resultHash', differ('resultHash', e.resultHash, resultHash));
    return { ok: true, revealed: true, summary: `${candidates.length} candidates, ${computed.length} selected`, counts };
}

interface InspectorSnapshot {
    inspectors: { department: string; certificateNo: string }[];
    targets: { uscc: string; stratum: string; ticket: string }[];
    exclusions: { uscc: string; certificateNo: string }[];
}

function parseInspectorSnapshot(lines: string[]): InspectorSnapshot {
    const s: InspectorSnapshot = { inspectors: [], targets: [], exclusions: [] };
    lines.forEach((line, n) => {
        if (n > 0 && compareBytes(lines[n - 1]!, line) >= 0) throw new Mismatch('candidates', `snapshot line ${n + 1}: lines must be strictly ascending`);
        const f = line.split(',');
        const bad = () => new Mismatch('candidates', `snapshot line ${n + 1}: malformed ${JSON.stringify(line)}`);
        if (f.some((x, i) => i > 0 && !FIELD_RE.test(x))) throw bad();
        if (f[0] === 'I' && f.length === 3) s.inspectors.push({ department: f[1]!, certificateNo: f[2]! });
        else if (f[0] === 'T' && f.length === 4 && USCC_RE.test(f[1]!) && STRATA.includes(f[2]!) && HEX64_RE.test(f[3]!))
            s.targets.push({ uscc: f[1]!, stratum: f[2]!, ticket: f[3]! });
        else if (f[0] === 'X' && f.length === 3 && USCC_RE.test(f[1]!)) s.exclusions.push({ uscc: f[1]!, certificateNo: f[2]! });
        else throw bad();
    });
    return s;
}

/** Targets in processing order: ascending ticket, ties by USCC. */
const inTicketOrder = <T extends { uscc: string; ticket: string }>(targets: T[]) => [...targets].sort((a, b) => cmp(a.ticket, b.ticket) || cmp(a.uscc, b.uscc));

async function verifyInspector(e: DrawEvidence, params: Record<string, unknown>, revealed: boolean, subtle: SubtleCrypto, options: VerifyOptions): Promise<Verdict> {
    const snapshot = parseInspectorSnapshot(e.candidates);
    if (snapshot.inspectors.length !== e.candidateCount)
        throw new Mismatch('candidates', differ('candidateCount (inspector lines)', e.candidateCount, snapshot.inspectors.length));
    // The target draw's result, recomputed from the T lines: strata ascending, ticket order within.
    const byResultOrder = [...snapshot.targets].sort((a, b) => cmp(a.stratum, b.stratum) || cmp(a.ticket, b.ticket) || cmp(a.uscc, b.uscc));
    const targetHash = await sha256Hex(byResultOrder.map(t => `${t.uscc},${t.stratum}\n`).join(''), subtle);
    if (targetHash !== params.targetResultHash) throw new Mismatch('params', differ('params.targetResultHash (from the T lines)', params.targetResultHash, targetHash));

    const stated = (params.departments ?? {}) as Record<string, DepartmentPlan>;
    const codes = Object.keys(stated).sort(compareBytes);
    if (codes.filter(code => stated[code]!.lead).length !== 1) throw new Mismatch('params', 'params.departments: exactly one lead department expected');
    const seats = codes.length === 1 ? 2 : 1;
    const plans: Record<string, DepartmentPlan> = {};
    for (const code of codes) {
        const pool = snapshot.inspectors.filter(i => i.department === code).length;
        const slots = snapshot.targets.length * seats;
        plans[code] = { lead: !!stated[code]!.lead, seats, slots, pool, cap: pool ? Math.ceil(slots / pool) : 0 };
        if (canonicalJson(stated[code]) !== canonicalJson(plans[code])) throw new Mismatch('params', differ(`params.departments.${code}`, stated[code], plans[code]));
    }
    const counts: Record<string, number> = Object.fromEntries(codes.map(code => [code, plans[code]!.pool]));
    if (!revealed) return { ok: true, revealed: false, summary: `${snapshot.targets.length} targets, ${snapshot.inspectors.length} inspectors`, counts };

    // Step 6: the matching, with every rank hash SHA-256(seed + ":" + USCC + ":" + certificateNo) from WebCrypto.
    const targets = inTicketOrder(snapshot.targets);
    const certs = snapshot.inspectors.map(i => i.certificateNo);
    const excluded = new Map<string, Set<string>>();
    for (const x of snapshot.exclusions) {
        if (!excluded.has(x.uscc)) excluded.set(x.uscc, new Set());
        excluded.get(x.uscc)!.add(x.certificateNo);
    }
    const assigned = new Map<string, number>();
    const computed: EvidenceAssignment[] = [];
    const total = targets.length * certs.length;
    let done = 0;
    options.onProgress?.(0, total);
    let failure: string | null = null;
    for (const target of targets) {
        const ranks = await sha256Many(
            certs.map(c => `${e.seed}:${target.uscc}:${c}`),
            subtle,
            n => options.onProgress?.((done += n), total),
        );
        const rankOf = new Map(certs.map((c, i) => [c, ranks[i]!]));
        const team = new Set<string>();
        for (const code of codes) {
            const plan = plans[code]!;
            const eligible = snapshot.inspectors
                .filter(i => i.department === code)
                .map(i => i.certificateNo)
                .filter(c => !team.has(c) && (assigned.get(c) ?? 0) < plan.cap && !excluded.get(target.uscc)?.has(c))
                .sort((a, b) => cmp(rankOf.get(a)!, rankOf.get(b)!) || cmp(a, b));
            for (let seat = 0; seat < plan.seats; seat++) {
                const pick = eligible[seat];
                if (pick === undefined) {
                    failure = `no eligible inspector of department ${code} for target ${target.uscc}`;
                    break;
                }
                team.add(pick);
                assigned.set(pick, (assigned.get(pick) ?? 0) + 1);
                computed.push({ uscc: target.uscc, department: code, certificateNo: pick, role: plan.lead && seat === 0 ? 'LEADER' : 'MEMBER', ticket: rankOf.get(pick)! });
            }
            if (failure) break;
        }
        if (failure) break;
    }
    if (failure) {
        // A seed under which some target cannot be served: the server voids the draw at reveal and writes no team.
        if (e.draw.status === 'VOIDED' && !(e.assignments ?? []).length && !e.resultHash)
            return { ok: true, revealed: true, summary: `voided at reveal: ${failure}`, counts };
        throw new Mismatch('teams', `the teams cannot be formed (${failure}) but the evidence shows a ${e.draw.status} draw with teams`);
    }
    const statedTeams = e.assignments ?? [];
    for (let i = 0; i < Math.max(statedTeams.length, computed.length); i++) {
        const a = statedTeams[i];
        const b = computed[i];
        const pick = (x: EvidenceAssignment) => ({ uscc: x.uscc, department: x.department, certificateNo: x.certificateNo, role: x.role, ticket: x.ticket });
        if (!a || !b || canonicalJson(pick(a)) !== canonicalJson(b)) throw new Mismatch('teams', differ(`assignments[${i}]`, a ? pick(a) : null, b ?? null));
    }
    const resultHash = await sha256Hex(computed.map(a => `${a.uscc},${a.department},${a.certificateNo},${a.role}\n`).join(''), subtle);
    if (resultHash !== e.resultHash) throw new Mismatch('resultHash', differ('resultHash', e.resultHash, resultHash));
    return { ok: true, revealed: true, summary: `${targets.length} targets, ${computed.length} seats`, counts };
}
