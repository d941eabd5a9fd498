// Which console role may use which resource, mirroring docs/SECURITY.md (the server enforces it; the console
// only hides what would be refused). Read actions follow the "Root fields" table; write actions list only the
// mutations the API has today, so a button never leads to a refusal. Besides create/edit/delete, a resource
// may have named workflow actions (`accept`, `publish`…; dataProvider/actions.ts says which mutation each runs).
export type Role = 'OFFICE_ADMIN' | 'DEPARTMENT_ADMIN' | 'INSPECTOR' | 'ANALYST';
export type Action = 'list' | 'show' | 'export' | 'create' | 'edit' | 'delete' | (string & {});

const ALL: readonly Role[] = ['OFFICE_ADMIN', 'DEPARTMENT_ADMIN', 'INSPECTOR', 'ANALYST'];
/** Staff: everyone who belongs to a department's work (not the read-only analyst). */
const STAFF: readonly Role[] = ['OFFICE_ADMIN', 'DEPARTMENT_ADMIN', 'INSPECTOR'];
const ADMINS: readonly Role[] = ['OFFICE_ADMIN', 'DEPARTMENT_ADMIN'];
const OFFICE: readonly Role[] = ['OFFICE_ADMIN'];

/** Who may read each resource (list, show, export). */
const READERS: Readonly<Record<string, readonly Role[]>> = {
    departments: ALL,
    checkItems: ALL,
    itemLists: ALL,
    calendarDays: ALL,
    plans: ALL,
    targets: ALL,
    inspectors: ALL,
    tasks: ALL,
    draws: ALL,
    inspectorAssignments: ALL,
    inspectionRecords: ALL,
    itemResults: ALL,
    publications: ALL,
    corrections: ALL,
    creditEvents: ALL,
    followUps: ALL,
    targetPools: STAFF,
    inspectorPools: STAFF,
    recusals: STAFF,
    users: ADMINS,
    apiKeys: OFFICE,
    auditEvents: OFFICE,
    // not a <Resource>: the bulk import page (/imports) and its jobs (staff read their department's jobs)
    imports: STAFF,
    // not a <Resource>: the report page (/reports, docs/REPORTS.md); a department admin sees the totals and its own department
    reports: ['OFFICE_ADMIN', 'DEPARTMENT_ADMIN', 'ANALYST'],
};

const DEPARTMENT: readonly Role[] = ['DEPARTMENT_ADMIN'];

/** Who may write, per resource and action: only where the API has the mutation. */
const WRITERS: Readonly<Record<string, Readonly<Record<string, readonly Role[]>>>> = {
    checkItems: { create: ADMINS, edit: ADMINS, setActive: ADMINS },
    itemLists: { create: ADMINS, publish: ADMINS },
    targetPools: { create: ADMINS, edit: ADMINS, confirm: ADMINS },
    targets: { create: ADMINS, edit: ADMINS },
    inspectorPools: { create: ADMINS, confirm: ADMINS },
    inspectors: { create: ADMINS, edit: ADMINS },
    recusals: { create: ADMINS, delete: ADMINS },
    plans: { create: ADMINS, edit: ADMINS, submit: ADMINS, publish: ADMINS },
    // Only participating departments sign for a task; the office coordinates but does not accept.
    tasks: { create: ADMINS, edit: ADMINS, invite: ADMINS, cancel: ADMINS, accept: DEPARTMENT, decline: DEPARTMENT },
    users: { create: ADMINS, edit: ADMINS },
    apiKeys: { create: OFFICE, edit: OFFICE },
    calendarDays: { edit: OFFICE },
    // every step of a draw; the server further requires the task's lead department (draws/drawAccess.ts)
    draws: { run: ADMINS },
    imports: { create: ADMINS },
    // a department's staff open follow-ups on their results; progress, transfer and closure are on the show page
    followUps: { create: STAFF },
};

export function isRole(value: unknown): value is Role {
    return typeof value === 'string' && (ALL as readonly string[]).includes(value);
}

export function canUse(role: Role | null | undefined, resource: string, action: Action | string): boolean {
    if (!role) return false;
    if (action === 'list' || action === 'show' || action === 'export') return READERS[resource]?.includes(role) ?? false;
    return WRITERS[resource]?.[action]?.includes(role) ?? false;
}

/** Staff see inspectors' certificate numbers, qualifications, leave and recusals; analysts see names only. */
export const isStaff = (role: Role | null | undefined): boolean => !!role && STAFF.includes(role);

/** Resources in menu order, grouped as the office's process runs (see layout/AppMenu.tsx). */
export const MENU_SECTIONS: readonly { key: string; resources: readonly string[] }[] = [
    { key: 'registers', resources: ['departments', 'checkItems', 'itemLists', 'targetPools', 'targets', 'inspectorPools', 'inspectors', 'recusals'] },
    { key: 'planning', resources: ['plans', 'tasks', 'draws', 'inspectorAssignments'] },
    { key: 'results', resources: ['inspectionRecords', 'itemResults', 'publications', 'corrections'] },
    { key: 'credit', resources: ['creditEvents', 'followUps'] },
    { key: 'system', resources: ['calendarDays', 'users', 'apiKeys', 'auditEvents'] },
];

/** Every resource a role sees in its menu, in menu order (used by the browser tests too). */
export function menuResources(role: Role): string[] {
    return MENU_SECTIONS.flatMap(section => section.resources.filter(resource => canUse(role, resource, 'list')));
}
