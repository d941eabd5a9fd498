// Writes: react-admin's create / update / delete, per resource, mapped to the API's mutations.
// Only mutations the API has are listed; anything else rejects with "not yet available". Input errors come
// back on the form field they name (graphql.ts: `input.username` → the `username` input).
import type { RaRecord } from 'react-admin';

import { graphql } from './graphql';
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

export const resourceMutations: Readonly<Record<string, ResourceMutations>> = {
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
