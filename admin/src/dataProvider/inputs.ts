// Form values → the API's input objects, per resource. Forms keep the record's own shape (a relation stays
// `{ department: { id } }`, a list of items stays `items: [{ checkItem: { id }, ratioBp }]`), so one form
// serves create and edit; these functions flatten it into `Create…Input` / `Update…Input`. Empty inputs
// become null (cleared), and an update sends only what changed.

type Data = Record<string, unknown>;
type Mapper = (data: Data) => Data;

const idOf = (value: unknown): string | null => {
    if (value == null || value === '') return null;
    if (typeof value === 'object') return ((value as { id?: string }).id ?? null) || null;
    return String(value);
};
const text = (value: unknown): string | null => (value == null || String(value).trim() === '' ? null : String(value).trim());
const int = (value: unknown): number | null => (value === '' || value == null || Number.isNaN(Number(value)) ? null : Math.round(Number(value)));
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String).map(s => s.trim()).filter(Boolean) : []);
const nonEmpty = <T,>(list: T[]): T[] | null => (list.length ? list : null);
const flag = (value: unknown): boolean | null => (typeof value === 'boolean' ? value : null);

/** The relation's id, from a flat `xId` input or the nested `{ x: { id } }` of the record. */
const relation = (data: Data, name: string) => idOf(data[`${name}Id`] ?? data[name]);

const items = (value: unknown) =>
    (Array.isArray(value) ? value : [])
        .map(item => ({ checkItemId: relation(item as Data, 'checkItem'), ratioBp: int((item as Data).ratioBp) }))
        .filter(item => item.checkItemId);

const ratios = (value: unknown) => {
    const r = (value ?? {}) as Data;
    return { A: int(r.A) ?? 0, B: int(r.B) ?? 0, C: int(r.C) ?? 0, D: int(r.D) ?? 0 };
};

const scope = (value: unknown) => {
    const s = (value ?? {}) as Data;
    return { industryCodes: strings(s.industryCodes), regionCodes: strings(s.regionCodes), keywords: strings(s.keywords), targetTypes: strings(s.targetTypes) };
};

export const checkItemInput: Mapper = d => ({
    code: text(d.code),
    name: text(d.name),
    departmentId: relation(d, 'department'),
    category: d.category,
    domain: text(d.domain),
    targetType: d.targetType,
    methods: strings(d.methods),
    legalBasis: text(d.legalBasis),
    content: text(d.content),
    ratioCapBp: int(d.ratioCapBp),
});

export const targetInput: Mapper = d => ({
    uscc: text(d.uscc),
    name: text(d.name),
    poolId: relation(d, 'pool'),
    type: d.type || null,
    legalRepresentative: text(d.legalRepresentative),
    address: text(d.address),
    regionCode: text(d.regionCode),
    industryCode: text(d.industryCode),
    businessScope: text(d.businessScope),
    establishedOn: text(d.establishedOn),
    riskClass: d.riskClass || null,
    status: d.status || null,
    onAbnormalList: flag(d.onAbnormalList),
    onKeyAttentionList: flag(d.onKeyAttentionList),
    seriousViolation: flag(d.seriousViolation),
    complaintCount: int(d.complaintCount),
});

export const targetPoolInput: Mapper = d => ({
    name: text(d.name),
    departmentId: relation(d, 'department'),
    domain: text(d.domain),
    parentId: relation(d, 'parent'),
});

export const inspectorPoolInput: Mapper = d => ({ name: text(d.name), departmentId: relation(d, 'department') });

export const inspectorInput: Mapper = d => ({
    name: text(d.name),
    certificateNo: text(d.certificateNo),
    departmentId: relation(d, 'department'),
    poolId: relation(d, 'pool'),
    expertiseTags: strings(d.expertiseTags),
    qualifications: strings(d.qualifications),
    isThirdPartyExpert: flag(d.isThirdPartyExpert),
    active: flag(d.active),
});

export const recusalInput: Mapper = d => ({ inspectorId: relation(d, 'inspector'), targetId: relation(d, 'target'), reason: text(d.reason) });

export const itemListInput: Mapper = d => ({
    name: text(d.name),
    year: int(d.year),
    kind: d.kind,
    departmentId: d.kind === 'JOINT' ? null : relation(d, 'department'),
    itemIds: (Array.isArray(d.items) ? d.items : []).map(item => idOf(item)).filter(Boolean),
});

export const planInput: Mapper = d => ({
    name: text(d.name),
    year: int(d.year),
    kind: d.kind,
    mode: d.mode,
    departmentId: relation(d, 'department'),
    windowStart: text(d.windowStart),
    windowEnd: text(d.windowEnd),
    frequencyPerYear: int(d.frequencyPerYear),
    description: text(d.description),
    ratios: ratios(d.ratios),
    scope: scope(d.scope),
    participantDepartmentIds: (Array.isArray(d.participants) ? d.participants : [])
        .filter(p => (p as Data).role !== 'LEAD')
        .map(p => relation(p as Data, 'department'))
        .filter(Boolean),
    items: items(d.items),
});

export const taskInput: Mapper = d => ({
    name: text(d.name),
    code: text(d.code),
    year: int(d.year),
    mode: d.mode,
    planId: relation(d, 'plan'),
    leadDepartmentId: relation(d, 'leadDepartment'),
    windowStart: text(d.windowStart),
    windowEnd: text(d.windowEnd),
    inspectionEndOn: text(d.inspectionEndOn),
    acceptanceDueOn: text(d.acceptanceDueOn),
    drawDueOn: text(d.drawDueOn),
    stratified: flag(d.stratified),
    ratios: d.ratios ? ratios(d.ratios) : null,
    scope: d.scope ? scope(d.scope) : null,
    // None given: the plan's participants (or the lead alone) apply.
    participants: nonEmpty(
        (Array.isArray(d.participants) ? d.participants : [])
            .map(p => ({ departmentId: relation(p as Data, 'department'), items: items((p as Data).items) }))
            .filter(p => p.departmentId),
    ),
});

export const followUpInput: Mapper = d => ({
    kind: text(d.kind),
    description: text(d.description),
    dueOn: text(d.dueOn),
    reference: text(d.reference),
    targetId: relation(d, 'target'),
    itemResultId: relation(d, 'itemResult'),
    departmentId: relation(d, 'department'),
    toDepartmentId: relation(d, 'toDepartment'),
});

/** The input for an update: the fields `allowed` for it whose value differs from the record before. */
export function changedInput(mapper: Mapper, data: Data, previous: Data | undefined, allowed: readonly string[]): Data {
    const next = mapper(data);
    const before = previous ? mapper(previous) : {};
    return Object.fromEntries(
        allowed.filter(key => JSON.stringify(next[key]) !== JSON.stringify(before[key])).map(key => [key, next[key]]),
    );
}

/** The input for a create: only the fields its input type has, nulls left out (the server's defaults apply). */
export function createInput(mapper: Mapper, data: Data, allowed: readonly string[]): Data {
    const next = mapper(data);
    return Object.fromEntries(allowed.filter(key => next[key] != null).map(key => [key, next[key]]));
}
