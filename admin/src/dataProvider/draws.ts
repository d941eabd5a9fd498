// The draw workflow on the data provider (custom methods, so the draw screen can be tested with a mocked one):
// the task and its draws, commit (target or inspector draw), reveal with the public input, lock, void, the
// evidence JSON, and the selected targets and teams page by page (the API returns at most 100 per request).
// Refusals come back as HttpError with the server's bilingual message (graphql.ts); `body.graphQLErrors` keeps
// the extensions, e.g. NO_ELIGIBLE_INSPECTOR's `uscc` and `department`.
import { graphql } from './graphql';

const DEPT = '{ id code name shortName }';

export const DRAW_FIELDS = `id kind status algorithm stratified params candidateCount candidateHash commitment publicInputSource
  publicInput seed serverSeed resultHash selectedCount targetCount voidReason committedAt revealedAt lockedAt voidedAt
  task { id code name status leadDepartment ${DEPT} }`;

const TASK_FIELDS = `id code name status year stratified ratios { A B C D } leadDepartment ${DEPT}
  participants { role acceptance department ${DEPT} }
  draws { id kind status committedAt lockedAt }`;

export interface DrawRecord {
    id: string;
    kind: 'TARGET' | 'INSPECTOR';
    status: 'COMMITTED' | 'REVEALED' | 'LOCKED' | 'VOIDED';
    algorithm: string;
    stratified: boolean;
    params: string;
    candidateCount: number;
    candidateHash: string;
    commitment: string;
    publicInputSource: string;
    publicInput: string | null;
    seed: string | null;
    serverSeed: string | null;
    resultHash: string | null;
    selectedCount: number | null;
    targetCount: number;
    voidReason: string | null;
    committedAt: string;
    revealedAt: string | null;
    lockedAt: string | null;
    voidedAt: string | null;
    task: { id: string; code: string; name: string; status: string; leadDepartment: Department };
}

export interface Department {
    id: string;
    code: string;
    name: string;
    shortName: string;
}

export interface DrawTask {
    id: string;
    code: string;
    name: string;
    status: string;
    year: number;
    stratified: boolean;
    ratios: { A: number; B: number; C: number; D: number };
    leadDepartment: Department;
    participants: { role: string; acceptance: string; department: Department }[];
    draws: { id: string; kind: 'TARGET' | 'INSPECTOR'; status: DrawRecord['status']; committedAt: string; lockedAt: string | null }[];
}

export interface SelectedTargetRow {
    uscc: string;
    stratum: string;
    rank: number;
    ticket: string;
    target: { id: string; name: string; riskClass: string | null };
}

export interface TeamSeat {
    id: string;
    role: 'LEADER' | 'MEMBER';
    ticket: string;
    department: Department;
    target: { id: string; name: string; uscc: string };
    inspector: { id: string; name: string; certificateNo: string };
}

/** Rows the screen reads at most: enough for any list a person reads on screen (the evidence file has them all). */
const MAX_ROWS = 2000;
const PAGE = 100;
/** Seats with three nested objects each: 100 per request exceed the API's query cost limit (5000), 50 do not. */
const TEAM_PAGE = 50;

async function allPages<R>(fetchPage: (offset: number) => Promise<R[]>, total: number, size = PAGE): Promise<R[]> {
    const rows: R[] = [];
    for (let offset = 0; offset < Math.min(total, MAX_ROWS); offset += size) {
        const page = await fetchPage(offset);
        rows.push(...page);
        if (page.length < size) break;
    }
    return rows;
}

export const drawMethods = {
    drawTask: async (taskId: string): Promise<DrawTask> =>
        (await graphql<{ task: DrawTask }>(`query drawTask($id: ID!) { task(id: $id) { ${TASK_FIELDS} } }`, { id: taskId })).task,

    getDraw: async (drawId: string): Promise<DrawRecord> =>
        (await graphql<{ draw: DrawRecord }>(`query drawScreen($id: ID!) { draw(id: $id) { ${DRAW_FIELDS} } }`, { id: drawId })).draw,

    commitDraw: async (kind: 'TARGET' | 'INSPECTOR', taskId: string, publicInputSource: string): Promise<{ draw: DrawRecord; warnings: { code: string; message: string }[] }> => {
        const mutation = kind === 'TARGET' ? 'commitTargetDraw' : 'commitInspectorDraw';
        const data = await graphql<Record<string, { draw: DrawRecord; warnings: { code: string; message: string }[] }>>(
            `mutation ${mutation}($taskId: ID!, $source: String!) { ${mutation}(taskId: $taskId, publicInputSource: $source) { draw { ${DRAW_FIELDS} } warnings { code message } } }`,
            { taskId, source: publicInputSource },
        );
        return data[mutation]!;
    },

    revealDraw: async (drawId: string, publicInput: string): Promise<DrawRecord> =>
        (await graphql<{ revealDraw: DrawRecord }>(`mutation revealDraw($id: ID!, $input: String!) { revealDraw(drawId: $id, publicInput: $input) { ${DRAW_FIELDS} } }`, { id: drawId, input: publicInput }))
            .revealDraw,

    lockDraw: async (drawId: string): Promise<DrawRecord> =>
        (await graphql<{ lockDraw: DrawRecord }>(`mutation lockDraw($id: ID!) { lockDraw(drawId: $id) { ${DRAW_FIELDS} } }`, { id: drawId })).lockDraw,

    voidDraw: async (drawId: string, reason: string): Promise<DrawRecord> =>
        (await graphql<{ voidDraw: DrawRecord }>(`mutation voidDraw($id: ID!, $reason: String!) { voidDraw(drawId: $id, reason: $reason) { ${DRAW_FIELDS} } }`, { id: drawId, reason }))
            .voidDraw,

    /** The evidence JSON (docs/DRAW.md "Evidence and verification"), as the server publishes it. */
    drawEvidence: async (drawId: string): Promise<unknown> =>
        (await graphql<{ drawEvidence: unknown }>(`query drawEvidence($id: ID!) { drawEvidence(drawId: $id) }`, { id: drawId })).drawEvidence,

    drawTargets: (drawId: string, total: number): Promise<SelectedTargetRow[]> =>
        allPages(
            async offset =>
                (
                    await graphql<{ draw: { targets: SelectedTargetRow[] } }>(
                        `query drawTargets($id: ID!, $offset: Int) { draw(id: $id) { targets(first: ${PAGE}, offset: $offset) { uscc stratum rank ticket target { id name riskClass } } } }`,
                        { id: drawId, offset },
                    )
                ).draw.targets,
            total,
        ),

    drawTeams: (drawId: string, total: number): Promise<TeamSeat[]> =>
        allPages(
            async offset =>
                (
                    await graphql<{ draw: { assignments: TeamSeat[] } }>(
                        `query drawTeams($id: ID!, $offset: Int) { draw(id: $id) { assignments(first: ${TEAM_PAGE}, offset: $offset) {
                           id role ticket department ${DEPT} target { id name uscc } inspector { id name certificateNo } } } }`,
                        { id: drawId, offset },
                    )
                ).draw.assignments,
            total,
            TEAM_PAGE,
        ),
};

export type DrawMethods = typeof drawMethods;
