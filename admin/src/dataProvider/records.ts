// The record workflow on the data provider (custom methods, so the screens can be tested with a mocked one):
// the record form's context (task, target, the matched team, the record), saving the header and the department's
// results, attachments, publication per record and per task, corrections, credit repair, follow-ups, re-issue and
// the work queue. Every record mutation carries an idempotency key (records/idempotency.ts): a retried submit
// returns the first answer instead of writing twice. Refusals come back as HttpError (graphql.ts) with
// `body.graphQLErrors` keeping `extensions.field` (e.g. `inspectedOn`, `results[0].code`).
import { graphql, graphqlUpload } from './graphql';

const DEPT = '{ id code name shortName }';

export interface Department {
    id: string;
    code?: string;
    name: string;
    shortName: string;
}

export interface RecordCheckItem {
    id: string;
    code: string;
    name: string;
    category: string;
    legalBasis?: string;
}

export interface RecordTask {
    id: string;
    code: string;
    name: string;
    status: string;
    windowStart: string;
    windowEnd: string;
    inspectionEndOn: string;
    publicationDueOn: string | null;
    leadDepartment: Department;
    participants: { role: string; acceptance: string; department: Department }[];
    items: { department: { id: string }; checkItem: RecordCheckItem }[];
    draws: { id: string; kind: 'TARGET' | 'INSPECTOR'; status: string }[];
}

export interface RecordTarget {
    id: string;
    name: string;
    uscc: string;
    address: string | null;
    legalRepresentative: string | null;
}

export interface TeamMember {
    id: string;
    role: 'LEADER' | 'MEMBER';
    department: Department;
    inspector: { id: string; name: string; certificateNo?: string | null };
}

export interface CorrectionRow {
    id: string;
    status: 'REQUESTED' | 'APPROVED' | 'REJECTED';
    oldCode: number;
    newCode: number;
    newNote: string | null;
    reason: string;
    requestedAt: string;
    decidedAt: string | null;
}

export interface ResultRow {
    id: string;
    code: number;
    codeText: string;
    note: string | null;
    enteredAt: string;
    department: { id: string };
    checkItem: { id: string };
    publication: { id: string; publishedAt: string; onTime: boolean } | null;
    corrections: CorrectionRow[];
}

export interface PublicationRow {
    id: string;
    publishedAt: string;
    dueOn: string;
    onTime: boolean;
    department: Department;
}

export interface AttachmentRow {
    id: string;
    fileName: string;
    size: number;
    mimeType: string;
    sha256: string;
    createdAt: string;
}

export interface InspectionRecordData {
    id: string;
    status: 'DRAFT' | 'COMPLETE';
    inspectedOn: string | null;
    onSite: boolean;
    methods: string[];
    signatureStatus: 'PENDING' | 'SIGNED' | 'REFUSED';
    signatoryName: string | null;
    refusalNote: string | null;
    disposalOpinion: string | null;
    remarks: string | null;
    completedAt: string | null;
    updatedAt: string;
    inspectors: { id: string }[];
    results: ResultRow[];
    publications: PublicationRow[];
    attachments?: AttachmentRow[];
}

export interface RecordContextData {
    task: RecordTask;
    target: RecordTarget;
    team: TeamMember[];
    record: InspectionRecordData | null;
}

export const RECORD_FIELDS = `id status inspectedOn onSite methods signatureStatus signatoryName refusalNote disposalOpinion remarks completedAt updatedAt
  inspectors { id }
  results { id code codeText note enteredAt department { id } checkItem { id } publication { id publishedAt onTime }
            corrections { id status oldCode newCode newNote reason requestedAt decidedAt } }
  publications { id publishedAt dueOn onTime department ${DEPT} }
  attachments { id fileName size mimeType sha256 createdAt }`;

const TASK_FIELDS = `id code name status windowStart windowEnd inspectionEndOn publicationDueOn leadDepartment ${DEPT}
  participants { role acceptance department ${DEPT} }
  items { department { id } checkItem { id code name category legalBasis } }
  draws { id kind status }`;

export interface SaveRecordInput {
    taskId: string;
    targetId: string;
    inspectedOn: string;
    inspectorIds: string[];
    methods: string[];
    onSite: boolean;
    disposalOpinion?: string | null;
    remarks?: string | null;
    signatureStatus: 'PENDING' | 'SIGNED' | 'REFUSED';
    signatoryName?: string | null;
    refusalNote?: string | null;
}

export interface TaskRecordRow {
    target: RecordTarget;
    record: {
        id: string;
        status: 'DRAFT' | 'COMPLETE';
        inspectedOn: string | null;
        results: { department: { id: string }; publication: { id: string } | null }[];
        publications: { department: { id: string }; publishedAt: string; onTime: boolean }[];
    } | null;
}

export type WorkKind =
    | 'TASK_TO_ACCEPT'
    | 'DRAW_TO_COMMIT'
    | 'DRAW_TO_REVEAL'
    | 'DRAW_TO_LOCK'
    | 'INSPECTOR_DRAW_TO_RUN'
    | 'RECORD_TO_COMPLETE'
    | 'PUBLICATION_DUE'
    | 'CORRECTION_TO_APPROVE'
    | 'CORRECTION_DUE'
    | 'FOLLOW_UP_DUE'
    | 'TASK_TO_REISSUE';

export interface WorkItem {
    kind: WorkKind;
    title: string;
    entityType: 'Task' | 'Draw' | 'Correction' | 'FollowUp';
    entityId: string;
    taskId: string | null;
    taskCode: string | null;
    departmentId: string | null;
    departmentName: string | null;
    dueOn: string | null;
    daysLeft: number | null;
    overdue: boolean;
    count: number;
}

export interface WorkQueue {
    today: string;
    totalCount: number;
    overdueCount: number;
    items: WorkItem[];
}

export interface ReissueInput {
    taskId: string;
    reason: string;
    windowStart: string;
    windowEnd: string;
    inspectionEndOn?: string | null;
    participantDepartmentIds?: string[];
    restrictToUninspected: boolean;
}

export interface PublicResultRow {
    id: string;
    taskCode: string;
    taskName: string;
    targetName: string;
    targetUscc: string;
    departmentName: string;
    checkItemName: string;
    code: number;
    codeText: string;
    correctedCode: number | null;
    correctedCodeText: string | null;
    correctedOn: string | null;
    inspectedOn: string | null;
    publishedAt: string;
}

const PAGE = 100;
/** Targets a task screen lists at most (a joint task draws tens to a few hundred). */
const MAX_TARGETS = 1000;

export const recordMethods = {
    /** Everything the record form needs, in one request. */
    recordContext: async (taskId: string, targetId: string): Promise<RecordContextData> => {
        const data = await graphql<{
            task: RecordTask;
            target: RecordTarget;
            inspectorAssignments: { nodes: (TeamMember & { draw: { status: string } })[] };
            inspectionRecords: { nodes: InspectionRecordData[] };
        }>(
            `query recordContext($taskId: ID!, $targetId: ID!) {
  task(id: $taskId) { ${TASK_FIELDS} }
  target(id: $targetId) { id name uscc address legalRepresentative }
  inspectorAssignments(filter: { taskId: $taskId, targetId: $targetId }, perPage: 100) {
    nodes { id role draw { status } department ${DEPT} inspector { id name certificateNo } } }
  inspectionRecords(filter: { taskId: $taskId, targetId: $targetId }, perPage: 1) { nodes { ${RECORD_FIELDS} } }
}`,
            { taskId, targetId },
        );
        return {
            task: data.task,
            target: data.target,
            team: data.inspectorAssignments.nodes.filter(seat => seat.draw.status === 'LOCKED'),
            record: data.inspectionRecords.nodes[0] ?? null,
        };
    },

    /** The task's locked target list with each target's record (if any), for the task's records page. */
    taskRecords: async (taskId: string): Promise<{ task: RecordTask; rows: TaskRecordRow[] }> => {
        const { task } = await graphql<{ task: RecordTask }>(`query taskRecordsTask($id: ID!) { task(id: $id) { ${TASK_FIELDS} } }`, { id: taskId });
        const draw = task.draws.find(d => d.kind === 'TARGET' && d.status === 'LOCKED');
        const targets: RecordTarget[] = [];
        if (draw) {
            for (let offset = 0; offset < MAX_TARGETS; offset += PAGE) {
                const page = await graphql<{ draw: { targets: { target: RecordTarget }[] } }>(
                    `query taskRecordTargets($id: ID!, $offset: Int) { draw(id: $id) { targets(first: ${PAGE}, offset: $offset) { target { id name uscc address legalRepresentative } } } }`,
                    { id: draw.id, offset },
                );
                targets.push(...page.draw.targets.map(t => t.target));
                if (page.draw.targets.length < PAGE) break;
            }
        }
        type Row = NonNullable<TaskRecordRow['record']> & { target: { id: string } };
        const records: Row[] = [];
        for (let page = 1; page <= MAX_TARGETS / PAGE; page++) {
            const data = await graphql<{ inspectionRecords: { nodes: Row[]; pageInfo: { hasNextPage: boolean } } }>(
                `query taskRecordRows($taskId: ID!, $page: Int) { inspectionRecords(filter: { taskId: $taskId }, page: $page, perPage: ${PAGE}) {
                    nodes { id status inspectedOn target { id } results { department { id } publication { id } } publications { department { id } publishedAt onTime } }
                    pageInfo { hasNextPage } } }`,
                { taskId, page },
            );
            records.push(...data.inspectionRecords.nodes);
            if (!data.inspectionRecords.pageInfo.hasNextPage) break;
        }
        const byTarget = new Map(records.map(r => [r.target.id, r]));
        return { task, rows: targets.map(target => ({ target, record: byTarget.get(target.id) ?? null })) };
    },

    saveRecord: async (input: SaveRecordInput, idempotencyKey: string): Promise<InspectionRecordData> =>
        (
            await graphql<{ saveRecord: InspectionRecordData }>(
                `mutation saveRecord($input: SaveRecordInput!, $key: String) { saveRecord(input: $input, idempotencyKey: $key) { ${RECORD_FIELDS} } }`,
                { input, key: idempotencyKey },
            )
        ).saveRecord,

    enterItemResults: async (recordId: string, results: { checkItemId: string; code: number; note?: string | null }[], idempotencyKey: string): Promise<InspectionRecordData> =>
        (
            await graphql<{ enterItemResults: InspectionRecordData }>(
                `mutation enterItemResults($recordId: ID!, $results: [ItemResultInput!]!, $key: String) {
                   enterItemResults(recordId: $recordId, results: $results, idempotencyKey: $key) { ${RECORD_FIELDS} } }`,
                { recordId, results, key: idempotencyKey },
            )
        ).enterItemResults,

    uploadAttachment: async (recordId: string, file: File, idempotencyKey: string): Promise<AttachmentRow> =>
        (
            await graphqlUpload<{ uploadAttachment: AttachmentRow }>(
                `mutation uploadAttachment($recordId: ID!, $file: File!, $key: String) {
                   uploadAttachment(recordId: $recordId, file: $file, idempotencyKey: $key) { id fileName size mimeType sha256 createdAt } }`,
                { recordId, key: idempotencyKey },
                { file },
            )
        ).uploadAttachment,

    publishRecordPart: async (recordId: string, idempotencyKey: string, departmentId?: string | null): Promise<PublicationRow> =>
        (
            await graphql<{ publishRecordPart: PublicationRow }>(
                `mutation publishRecordPart($recordId: ID!, $departmentId: ID, $key: String) {
                   publishRecordPart(recordId: $recordId, departmentId: $departmentId, idempotencyKey: $key) { id publishedAt dueOn onTime department ${DEPT} } }`,
                { recordId, departmentId: departmentId ?? null, key: idempotencyKey },
            )
        ).publishRecordPart,

    publishTaskPart: async (taskId: string, idempotencyKey: string, departmentId?: string | null): Promise<PublicationRow[]> =>
        (
            await graphql<{ publishTaskPart: PublicationRow[] }>(
                `mutation publishTaskPart($taskId: ID!, $departmentId: ID, $key: String) {
                   publishTaskPart(taskId: $taskId, departmentId: $departmentId, idempotencyKey: $key) { id publishedAt dueOn onTime department ${DEPT} } }`,
                { taskId, departmentId: departmentId ?? null, key: idempotencyKey },
            )
        ).publishTaskPart,

    requestCorrection: async (input: { itemResultId: string; newCode: number; newNote?: string | null; reason: string }, idempotencyKey: string): Promise<{ id: string }> =>
        (
            await graphql<{ requestCorrection: { id: string } }>(
                `mutation requestCorrection($input: RequestCorrectionInput!, $key: String) { requestCorrection(input: $input, idempotencyKey: $key) { id status } }`,
                { input, key: idempotencyKey },
            )
        ).requestCorrection,

    decideCorrection: async (correctionId: string, approve: boolean, note?: string | null): Promise<{ id: string; status: string }> =>
        (
            await graphql<{ decideCorrection: { id: string; status: string } }>(
                `mutation decideCorrection($id: ID!, $approve: Boolean!, $note: String) { decideCorrection(correctionId: $id, approve: $approve, note: $note) { id status decidedAt decisionNote } }`,
                { id: correctionId, approve, note: note || null },
            )
        ).decideCorrection,

    repairCreditEvent: async (id: string, reason: string): Promise<{ id: string }> =>
        (
            await graphql<{ repairCreditEvent: { id: string } }>(
                `mutation repairCreditEvent($id: ID!, $reason: String!) { repairCreditEvent(id: $id, reason: $reason) { id repairedAt repairReason active } }`,
                { id, reason },
            )
        ).repairCreditEvent,

    createFollowUp: async (input: Record<string, unknown>): Promise<{ id: string }> =>
        (await graphql<{ createFollowUp: { id: string } }>(`mutation createFollowUp($input: CreateFollowUpInput!) { createFollowUp(input: $input) { id } }`, { input })).createFollowUp,

    updateFollowUp: async (id: string, input: Record<string, unknown>): Promise<{ id: string }> =>
        (await graphql<{ updateFollowUp: { id: string } }>(`mutation updateFollowUp($id: ID!, $input: UpdateFollowUpInput!) { updateFollowUp(id: $id, input: $input) { id status } }`, { id, input }))
            .updateFollowUp,

    transferFollowUp: async (id: string, kind: 'TRANSFER_DEPARTMENT' | 'TRANSFER_POLICE', toDepartmentId: string | null, reference: string | null): Promise<{ id: string }> =>
        (
            await graphql<{ transferFollowUp: { id: string } }>(
                `mutation transferFollowUp($id: ID!, $kind: FollowUpKind!, $to: ID, $ref: String) { transferFollowUp(id: $id, kind: $kind, toDepartmentId: $to, reference: $ref) { id kind } }`,
                { id, kind, to: toDepartmentId, ref: reference },
            )
        ).transferFollowUp,

    closeFollowUp: async (id: string, closureNote: string): Promise<{ id: string }> =>
        (await graphql<{ closeFollowUp: { id: string } }>(`mutation closeFollowUp($id: ID!, $note: String!) { closeFollowUp(id: $id, closureNote: $note) { id status } }`, { id, note: closureNote }))
            .closeFollowUp,

    reissueTask: async (input: ReissueInput): Promise<{ id: string; code: string }> =>
        (await graphql<{ reissueTask: { id: string; code: string } }>(`mutation reissueTask($input: ReissueTaskInput!) { reissueTask(input: $input) { id code } }`, { input })).reissueTask,

    myWork: async (limit = 100): Promise<WorkQueue> =>
        (
            await graphql<{ myWork: WorkQueue }>(
                `query myWork($limit: Int) { myWork(limit: $limit) { today totalCount overdueCount
                   items { kind title entityType entityId taskId taskCode departmentId departmentName dueOn daysLeft overdue count } } }`,
                { limit },
            )
        ).myWork,

    latestPublicResults: async (perPage = 10): Promise<PublicResultRow[]> =>
        (
            await graphql<{ publicResults: { nodes: PublicResultRow[] } }>(
                `query latestPublicResults($perPage: Int) { publicResults(perPage: $perPage) { nodes {
                   id taskCode taskName targetName targetUscc departmentName checkItemName code codeText correctedCode correctedCodeText correctedOn inspectedOn publishedAt } } }`,
                { perPage },
            )
        ).publicResults.nodes,
};

export type RecordMethods = typeof recordMethods;
