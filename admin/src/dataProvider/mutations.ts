// Writes: react-admin's create / update / delete, per resource, mapped to the API's mutations.
// Only mutations the API has are listed; anything else rejects with "not yet available". Input errors come
// back on the form field they name (graphql.ts: `input.username` → the `username` input). Most resources
// follow one pattern (`create<T>(input)`, `update<T>(id, input)`), built by `inputMutations`; the answer is
// read with the resource's show selection, so the record react-admin keeps is complete.
import type { RaRecord } from 'react-admin';

import { currentActor } from '../auth/actor';
import { resourceFields, selectionOf } from './fields';
import { graphql } from './graphql';
import * as inputs from './inputs';
import { API_KEY_FIELDS } from './special';

const USER_FIELDS = 'id username displayName role isDepartmentHead active lastLoginAt createdAt department { id name shortName } inspector { id name }';

type Data = Record<string, unknown>;

export interface ResourceMutations {
    create?: (data: Data) => Promise<RaRecord>;
    /** `previous` is the record before the edit: the API has one mutation per change, not a generic update. */
    update?: (id: string, data: Data, previous: Data | undefined) => Promise<RaRecord>;
    delete?: (id: string, previous: Data | undefined) => Promise<RaRecord>;
}

const emptyToNull = (value: unknown) => (value === '' || value === undefined ? null : value);

const showSelection = (resource: string) => selectionOf(resourceFields[resource], 'show', currentActor()?.role ?? null);

interface InputMutationSpec {
    resource: string;
    mapper: (data: Data) => Data;
    create?: { mutation: string; input: string; fields: readonly string[] };
    update?: { mutation: string; input: string; fields: readonly string[] };
}

/** create<T>(input: Create<T>Input!) and update<T>(id: ID!, input: Update<T>Input!), answered with the show selection. */
function inputMutations({ resource, mapper, create, update }: InputMutationSpec): ResourceMutations {
    return {
        create: create
            ? async data => {
                  const result = await graphql<Record<string, RaRecord>>(
                      `mutation ${create.mutation}($input: ${create.input}!) { ${create.mutation}(input: $input) { ${showSelection(resource)} } }`,
                      { input: inputs.createInput(mapper, data, create.fields) },
                  );
                  return result[create.mutation];
              }
            : undefined,
        update: update
            ? async (id, data, previous) => {
                  const result = await graphql<Record<string, RaRecord>>(
                      `mutation ${update.mutation}($id: ID!, $input: ${update.input}!) { ${update.mutation}(id: $id, input: $input) { ${showSelection(resource)} } }`,
                      { id, input: inputs.changedInput(mapper, data, previous, update.fields) },
                  );
                  return result[update.mutation];
              }
            : undefined,
    };
}

const CHECK_ITEM_EDITABLE = ['name', 'category', 'domain', 'targetType', 'methods', 'legalBasis', 'content', 'ratioCapBp'] as const;
const TARGET_EDITABLE = ['uscc', 'name', 'type', 'legalRepresentative', 'address', 'regionCode', 'industryCode', 'businessScope', 'establishedOn', 'riskClass', 'status', 'onAbnormalList', 'onKeyAttentionList', 'seriousViolation', 'complaintCount'] as const;
const INSPECTOR_EDITABLE = ['name', 'certificateNo', 'poolId', 'expertiseTags', 'qualifications', 'isThirdPartyExpert', 'active'] as const;
const PLAN_EDITABLE = ['name', 'mode', 'windowStart', 'windowEnd', 'frequencyPerYear', 'description', 'ratios', 'scope', 'participantDepartmentIds', 'items'] as const;
const TASK_EDITABLE = ['name', 'code', 'year', 'mode', 'windowStart', 'windowEnd', 'inspectionEndOn', 'acceptanceDueOn', 'drawDueOn', 'stratified', 'ratios', 'scope', 'participants'] as const;

export const resourceMutations: Readonly<Record<string, ResourceMutations>> = {
    checkItems: inputMutations({
        resource: 'checkItems',
        mapper: inputs.checkItemInput,
        create: { mutation: 'createCheckItem', input: 'CreateCheckItemInput', fields: ['code', 'departmentId', ...CHECK_ITEM_EDITABLE] },
        update: { mutation: 'updateCheckItem', input: 'UpdateCheckItemInput', fields: CHECK_ITEM_EDITABLE },
    }),
    targets: inputMutations({
        resource: 'targets',
        mapper: inputs.targetInput,
        create: { mutation: 'createTarget', input: 'CreateTargetInput', fields: ['poolId', ...TARGET_EDITABLE] },
        update: { mutation: 'updateTarget', input: 'UpdateTargetInput', fields: TARGET_EDITABLE },
    }),
    targetPools: {
        ...inputMutations({
            resource: 'targetPools',
            mapper: inputs.targetPoolInput,
            create: { mutation: 'createTargetPool', input: 'CreateTargetPoolInput', fields: ['name', 'departmentId', 'domain', 'parentId'] },
        }),
        // A pool's only edit is its name and domain.
        update: async (id, data) => {
            const result = await graphql<{ renameTargetPool: RaRecord }>(
                `mutation renameTargetPool($id: ID!, $name: String!, $domain: String) { renameTargetPool(id: $id, name: $name, domain: $domain) { ${showSelection('targetPools')} } }`,
                { id, name: String(data.name ?? '').trim(), domain: emptyToNull(data.domain) },
            );
            return result.renameTargetPool;
        },
    },
    inspectorPools: inputMutations({
        resource: 'inspectorPools',
        mapper: inputs.inspectorPoolInput,
        create: { mutation: 'createInspectorPool', input: 'CreateInspectorPoolInput', fields: ['name', 'departmentId'] },
    }),
    inspectors: inputMutations({
        resource: 'inspectors',
        mapper: inputs.inspectorInput,
        create: { mutation: 'createInspector', input: 'CreateInspectorInput', fields: ['departmentId', ...INSPECTOR_EDITABLE] },
        update: { mutation: 'updateInspector', input: 'UpdateInspectorInput', fields: INSPECTOR_EDITABLE },
    }),
    recusals: {
        ...inputMutations({
            resource: 'recusals',
            mapper: inputs.recusalInput,
            create: { mutation: 'addRecusal', input: 'AddRecusalInput', fields: ['inspectorId', 'targetId', 'reason'] },
        }),
        delete: async (id, previous) => {
            await graphql(`mutation removeRecusal($id: ID!) { removeRecusal(id: $id) }`, { id });
            return { ...(previous ?? {}), id } as RaRecord;
        },
    },
    itemLists: inputMutations({
        resource: 'itemLists',
        mapper: inputs.itemListInput,
        create: { mutation: 'createItemList', input: 'CreateItemListInput', fields: ['name', 'year', 'kind', 'departmentId', 'itemIds'] },
    }),
    plans: inputMutations({
        resource: 'plans',
        mapper: inputs.planInput,
        create: { mutation: 'createPlan', input: 'CreatePlanInput', fields: ['year', 'kind', 'departmentId', ...PLAN_EDITABLE] },
        update: { mutation: 'updatePlan', input: 'UpdatePlanInput', fields: PLAN_EDITABLE },
    }),
    tasks: inputMutations({
        resource: 'tasks',
        mapper: inputs.taskInput,
        create: { mutation: 'createTask', input: 'CreateTaskInput', fields: ['planId', 'leadDepartmentId', ...TASK_EDITABLE] },
        update: { mutation: 'updateTask', input: 'UpdateTaskInput', fields: TASK_EDITABLE },
    }),
    followUps: inputMutations({
        resource: 'followUps',
        mapper: inputs.followUpInput,
        create: {
            mutation: 'createFollowUp',
            input: 'CreateFollowUpInput',
            fields: ['kind', 'description', 'dueOn', 'reference', 'targetId', 'itemResultId', 'departmentId', 'toDepartmentId'],
        },
    }),
    users: {
        create: async data => {
            const input = {
                username: String(data.username ?? '').trim().toLowerCase(),
                displayName: String(data.displayName ?? '').trim(),
                password: data.password,
                role: data.role,
                departmentId: emptyToNull(data.departmentId),
                inspectorId: emptyToNull(data.inspectorId),
                isDepartmentHead: Boolean(data.isDepartmentHead),
            };
            const result = await graphql<{ createUser: RaRecord }>(
                `mutation createUser($input: CreateUserInput!) { createUser(input: $input) { ${USER_FIELDS} } }`,
                { input },
            );
            return result.createUser;
        },
        // The only change the API allows on a user is activating or deactivating the account.
        update: async (id, data) => {
            const result = await graphql<{ setUserActive: RaRecord }>(
                `mutation setUserActive($userId: ID!, $active: Boolean!) { setUserActive(userId: $userId, active: $active) { ${USER_FIELDS} } }`,
                { userId: id, active: Boolean(data.active) },
            );
            return result.setUserActive;
        },
    },
    apiKeys: {
        // The secret comes back this once, as `key` on the created record; the create view shows it.
        create: async data => {
            const expiresAt = data.expiresAt ? new Date(String(data.expiresAt)).toISOString() : null;
            const input = {
                name: String(data.name ?? '').trim(),
                scopes: data.scopes ?? [],
                departmentId: emptyToNull(data.departmentId),
                expiresAt,
            };
            const result = await graphql<{ createApiKey: { key: string; apiKey: RaRecord } }>(
                `mutation createApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { ${API_KEY_FIELDS} } } }`,
                { input },
            );
            return { ...result.createApiKey.apiKey, key: result.createApiKey.key };
        },
        // Keys are never edited or deleted, only revoked (the row stays, for the audit trail).
        update: async (id, data) => {
            if (!data.revoke) throw new Error('app.notification.not_yet_available');
            const result = await graphql<{ revokeApiKey: RaRecord }>(
                `mutation revokeApiKey($id: ID!) { revokeApiKey(id: $id) { ${API_KEY_FIELDS} } }`,
                { id },
            );
            return result.revokeApiKey;
        },
    },
    calendarDays: {
        // The id is the date. Marking a day upserts it; `kind: null` removes the special day (weekend rule again).
        update: async (id, data) => {
            if (!data.kind) {
                await graphql(`mutation removeCalendarDay($date: Date!) { removeCalendarDay(date: $date) { date } }`, { date: id });
                return { id, date: id, kind: null, name: '' };
            }
            const result = await graphql<{ upsertCalendarDay: { day: RaRecord | null } }>(
                `mutation upsertCalendarDay($date: Date!, $kind: CalendarDayKind!, $name: String!) {
                   upsertCalendarDay(date: $date, kind: $kind, name: $name) { day { date kind name } } }`,
                { date: id, kind: data.kind, name: String(data.name ?? '').trim() },
            );
            return { ...(result.upsertCalendarDay.day ?? { date: id, kind: data.kind, name: data.name }), id };
        },
    },
};
