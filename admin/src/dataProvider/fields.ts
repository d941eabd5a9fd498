// What the data provider asks the GraphQL API for, per react-admin resource.
// The resource name is the API's root list field (plural camelCase); `one` is the by-id root field and `type`
// the GraphQL object type, whose list inputs are `<type>Filter` and `<type>Sort`. `list` is the selection for
// list rows, `show` (default: list) for one record. A selection may depend on the role: analysts may not ask
// for staff-only fields (an inspector's certificate number, a department's pools), the API refuses them.
// Nested objects are read in the same request (the API plans them into one SQL statement).
import { isStaff, type Role } from '../auth/access.ts';

type Selection = string | ((role: Role | null) => string);

export interface ResourceFields {
    readonly type: string;
    /** Root field returning one record by id; without it, show falls back to the list filtered by `ids`. */
    readonly one?: string;
    readonly list: Selection;
    readonly show?: Selection;
    /** The server's `<type>SortField` values; other sorts are dropped (server default order). */
    readonly sortFields: readonly string[];
    /** false: the list field takes no `sort` argument. */
    readonly sortable?: boolean;
}

const staffOnly = (selection: string) => (role: Role | null) => (isStaff(role) ? selection : '');

const DEPT = '{ id name shortName }';
const TARGET = '{ id name uscc }';
const TASK = '{ id code name }';
const ITEM = '{ id code name category }';
const SCOPE = 'scope { industryCodes keywords regionCodes targetTypes }';

export const resourceFields: Readonly<Record<string, ResourceFields>> = {
    departments: {
        type: 'Department',
        one: 'department',
        list: 'id code name shortName isOfficeHost liaisonName liaisonPhone active sortOrder inspectorCount ledTaskCount',
        show: role =>
            `id code name shortName isOfficeHost liaisonName liaisonPhone active sortOrder inspectorCount ledTaskCount
             createdAt updatedAt checkItems ${ITEM} ${staffOnly('targetPools { id name domain targetCount } inspectorPools { id name inspectorCount }')(role)}`,
        sortFields: ['sortOrder', 'code', 'name', 'createdAt'],
    },
    checkItems: {
        type: 'CheckItem',
        one: 'checkItem',
        list: `id code name category domain active targetType methods ratioCapBp department ${DEPT}`,
        show: `id code name category domain active targetType methods ratioCapBp legalBasis content createdAt updatedAt department ${DEPT}`,
        sortFields: ['code', 'name', 'category', 'domain', 'createdAt'],
    },
    itemLists: {
        type: 'ItemList',
        one: 'itemList',
        list: `id name year version kind status itemCount publishedAt department ${DEPT}`,
        show: `id name year version kind status itemCount publishedAt createdAt department ${DEPT}
               supersedes { id name version } supersededBy { id name version } items { id code name category domain department ${DEPT} }`,
        sortFields: ['name', 'year', 'version', 'createdAt'],
    },
    targetPools: {
        type: 'TargetPool',
        one: 'targetPool',
        list: `id name domain targetCount confirmedAt createdAt department ${DEPT} parent { id name }`,
        show: `id name domain targetCount confirmedAt createdAt department ${DEPT} parent { id name } subPools { id name domain targetCount }`,
        sortFields: ['name', 'createdAt'],
    },
    targets: {
        type: 'Target',
        one: 'target',
        list: 'id uscc name type legalRepresentative regionCode industryCode riskClass status onAbnormalList onKeyAttentionList seriousViolation complaintCount',
        show: role =>
            `id uscc name type legalRepresentative address regionCode industryCode riskClass status onAbnormalList onKeyAttentionList
             seriousViolation complaintCount businessScope establishedOn createdAt updatedAt
             timesDrawnInYear(year: ${new Date().getFullYear()})
             creditEvents { id kind resultCode effectiveFrom effectiveTo repairedAt }
             ${staffOnly(`pools { id name department ${DEPT} }`)(role)}`,
        sortFields: ['name', 'uscc', 'riskClass', 'industryCode', 'regionCode', 'complaintCount', 'createdAt', 'updatedAt'],
    },
    inspectorPools: {
        type: 'InspectorPool',
        one: 'inspectorPool',
        list: `id name inspectorCount confirmedAt createdAt department ${DEPT}`,
        sortFields: ['name', 'createdAt'],
    },
    inspectors: {
        type: 'Inspector',
        one: 'inspector',
        list: role => `id name active isThirdPartyExpert department ${DEPT} ${staffOnly('certificateNo expertiseTags qualifications pool { id name }')(role)}`,
        show: role =>
            `id name active isThirdPartyExpert createdAt department ${DEPT}
             ${staffOnly(`certificateNo expertiseTags qualifications pool { id name }
               leaves { id startsOn endsOn reason } recusals { id reason createdAt target ${TARGET} }`)(role)}`,
        sortFields: ['name', 'certificateNo', 'createdAt'],
    },
    recusals: {
        type: 'Recusal',
        one: 'recusal',
        list: `id reason createdAt inspector { id name department ${DEPT} } target ${TARGET}`,
        sortFields: ['createdAt'],
    },
    plans: {
        type: 'Plan',
        one: 'plan',
        list: `id name year version kind mode status windowStart windowEnd frequencyPerYear publishedAt department ${DEPT}`,
        show: `id name year version kind mode status windowStart windowEnd frequencyPerYear publishedAt createdAt description
               department ${DEPT} ratios { A B C D } ${SCOPE}
               participants { role department ${DEPT} }
               items { ratioBp checkItem ${ITEM} department ${DEPT} }
               versions { id version publishedAt reason snapshot }
               jointPlan { id name } compiledFrom { id name department ${DEPT} } tasks { id code name status }`,
        sortFields: ['name', 'year', 'windowStart', 'createdAt'],
    },
    tasks: {
        type: 'Task',
        one: 'task',
        list: `id code name year mode status windowStart windowEnd inspectionEndOn publicationDueOn acceptanceDueOn recordCount
               leadDepartment ${DEPT} participants { acceptance role department ${DEPT} }`,
        show: `id code name year mode status windowStart windowEnd inspectionEndOn publicationDueOn acceptanceDueOn drawDueOn
               recordCount stratified cancelReason reissueReason reissuedAt scopeTargetIds closedAt createdAt updatedAt
               leadDepartment ${DEPT} ratios { A B C D } ${SCOPE} plan { id name }
               reissuedFrom ${TASK} reissues { id code name status }
               participants { acceptance role invitedAt respondedAt declineReason department ${DEPT} items { ratioBp checkItem ${ITEM} } }
               items { ratioBp department ${DEPT} checkItem ${ITEM} }
               draws { id kind status committedAt selectedCount }`,
        sortFields: ['code', 'name', 'year', 'status', 'windowStart', 'inspectionEndOn', 'publicationDueOn', 'createdAt', 'updatedAt'],
    },
    draws: {
        type: 'Draw',
        one: 'draw',
        list: `id kind status algorithm candidateCount selectedCount targetCount stratified committedAt revealedAt lockedAt task ${TASK}`,
        show: `id kind status algorithm candidateCount selectedCount targetCount stratified committedAt revealedAt lockedAt
               commitment candidateHash params publicInput publicInputSource seed serverSeed resultHash voidReason voidedAt
               task ${TASK} targetDraw { id }
               targets(first: 100) { rank stratum ticket uscc year target { id name riskClass } }`,
        sortFields: ['committedAt', 'revealedAt', 'lockedAt'],
    },
    inspectorAssignments: {
        type: 'InspectorAssignment',
        one: 'inspectorAssignment',
        list: `id role ticket createdAt inspector { id name } department ${DEPT} target ${TARGET} task ${TASK} draw { id kind }`,
        sortFields: ['createdAt'],
    },
    inspectionRecords: {
        type: 'InspectionRecord',
        one: 'inspectionRecord',
        list: `id status inspectedOn onSite methods signatureStatus completedAt createdAt task ${TASK} target ${TARGET}`,
        show: role =>
            `id status inspectedOn onSite methods signatureStatus completedAt createdAt updatedAt disposalOpinion remarks refusalNote
             task ${TASK} target ${TARGET} draw { id } inspectors { id name department ${DEPT} }
             results { id code note enteredAt department ${DEPT} checkItem ${ITEM} publication { id publishedAt } }
             publications { id publishedAt dueOn onTime department ${DEPT} }
             ${staffOnly('attachments { id fileName size mimeType createdAt }')(role)}`,
        sortFields: ['inspectedOn', 'createdAt', 'updatedAt'],
    },
    itemResults: {
        type: 'ItemResult',
        one: 'itemResult',
        list: `id code note enteredAt department ${DEPT} checkItem ${ITEM} record { id target ${TARGET} task ${TASK} } publication { id publishedAt }`,
        show: `id code note enteredAt department ${DEPT} checkItem ${ITEM} record { id target ${TARGET} task ${TASK} }
               publication { id publishedAt } corrections { id status oldCode newCode reason requestedAt }`,
        sortFields: ['code', 'enteredAt'],
    },
    publications: {
        type: 'Publication',
        one: 'publication',
        list: `id publishedAt dueOn onTime department ${DEPT} record { id target ${TARGET} task ${TASK} }`,
        show: `id publishedAt dueOn onTime department ${DEPT} record { id target ${TARGET} task ${TASK} }
               results { id code note checkItem ${ITEM} } corrections { id status reason requestedAt }`,
        sortFields: ['publishedAt', 'dueOn'],
    },
    corrections: {
        type: 'Correction',
        one: 'correction',
        list: `id status oldCode newCode reason requestedAt dueOn decidedAt itemResult { id checkItem ${ITEM} department ${DEPT} } publication { id }`,
        show: `id status oldCode newCode oldNote newNote reason requestedAt dueOn decidedAt decisionNote
               itemResult { id checkItem ${ITEM} department ${DEPT} record { id task ${TASK} target ${TARGET} } }
               publication { id publishedAt onTime }`,
        sortFields: ['requestedAt', 'dueOn', 'decidedAt'],
    },
    creditEvents: {
        type: 'CreditEvent',
        one: 'creditEvent',
        list: `id kind resultCode active effectiveFrom effectiveTo repairedAt createdAt target ${TARGET}`,
        show: `id kind resultCode active note effectiveFrom effectiveTo repairedAt repairReason createdAt target ${TARGET} itemResult { id code }`,
        sortFields: ['createdAt', 'effectiveFrom'],
    },
    followUps: {
        type: 'FollowUp',
        one: 'followUp',
        list: `id kind status description dueOn overdue closedAt createdAt department ${DEPT} toDepartment ${DEPT} target ${TARGET} task ${TASK}`,
        show: `id kind status description dueOn overdue reference closedAt closureNote createdAt department ${DEPT} toDepartment ${DEPT}
               target ${TARGET} task ${TASK} itemResult { id code }`,
        sortFields: ['createdAt', 'dueOn', 'updatedAt'],
    },
    users: {
        type: 'User',
        one: 'user',
        list: `id username displayName role isDepartmentHead active lastLoginAt createdAt department ${DEPT} inspector { id name }`,
        sortFields: ['username', 'displayName', 'createdAt', 'lastLoginAt'],
    },
    auditEvents: {
        type: 'AuditEvent',
        list: 'id at actorKind actorId role departmentId operation entity entityId requestId before after hash prevHash',
        sortFields: [],
        sortable: false,
    },
};

export function selectionOf(definition: ResourceFields, view: 'list' | 'show', role: Role | null): string {
    const selection = view === 'show' ? (definition.show ?? definition.list) : definition.list;
    return typeof selection === 'function' ? selection(role) : selection;
}
