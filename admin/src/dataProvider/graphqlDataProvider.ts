// react-admin DataProvider over the platform's GraphQL API at /graphql (same origin; the session cookie
// goes along with `credentials: 'include'`).
//
// API convention relied on, per resource (server/src/shared/pagination.ts; names and selections in fields.ts):
//   <plural>(filter: <Type>Filter, sort: <Type>Sort, page: Int, perPage: Int ≤ 100)
//       → { nodes { ... } totalCount pageInfo { hasNextPage hasPreviousPage } }
//   <singular>(id: ID!) → the record, or a NOT_FOUND error
//   <Type>Filter accepts `ids: [ID!]` (getMany) and the reference fields used by getManyReference.
// Expected errors carry extensions { code, messageZh, messageEn }; the message shown follows the console's
// language. Writes are not wired yet: they reject with a "not yet available" error.
import {
    HttpError,
    type DataProvider,
    type GetListResult,
    type GetManyParams,
    type GetOneParams,
    type Identifier,
    type RaRecord,
    type SortPayload,
} from 'react-admin';

import { i18nProvider } from '../i18n/i18nProvider';
import { resourceFields, type ResourceFields } from './fields';

const ENDPOINT = '/graphql';
/** The server's largest page (MAX_PAGE_SIZE); getMany asks for ids in batches of at most this many. */
const MAX_IDS_PER_REQUEST = 100;

interface GraphQLErrorPayload {
    message: string;
    path?: (string | number)[];
    extensions?: { code?: string; field?: string; messageZh?: string; messageEn?: string; [key: string]: unknown };
}

interface Connection<R extends RaRecord> {
    nodes: R[];
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean };
}

/** HTTP-like statuses for the server's error codes, so react-admin's authProvider.checkError can act on 401/403. */
const STATUS_BY_CODE: Record<string, number> = {
    UNAUTHENTICATED: 401,
    FORBIDDEN: 403,
    NOT_FOUND: 404,
    BAD_USER_INPUT: 400,
    CONFLICT: 409,
    INVALID_TRANSITION: 409,
};

async function graphql<T>(query: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
    let response: Response;
    try {
        response = await fetch(ENDPOINT, {
            method: 'POST',
            credentials: 'include',
            headers: {
                'content-type': 'application/json',
                accept: 'application/graphql-response+json, application/json',
            },
            body: JSON.stringify({ query, variables }),
            signal,
        });
    } catch (error) {
        // Aborts (react-query cancelling a stale request) must stay aborts; anything else is the network.
        if (error instanceof DOMException && error.name === 'AbortError') throw error;
        throw new HttpError('ra.notification.http_error', 0, { cause: String(error) });
    }

    let body: { data?: T | null; errors?: GraphQLErrorPayload[] } | null = null;
    try {
        body = await response.json();
    } catch {
        // Not JSON (proxy error page, server down): fall through to the status check.
    }

    const errors = body?.errors;
    if (errors && errors.length > 0) {
        const first = errors[0];
        const status = STATUS_BY_CODE[first.extensions?.code ?? ''] ?? (response.ok ? 500 : response.status);
        const localized = i18nProvider.getLocale() === 'en' ? first.extensions?.messageEn : first.extensions?.messageZh;
        // `graphQLErrors`, not `errors`: react-admin reads `body.errors` as a form's field→message map.
        throw new HttpError(localized ?? first.message, status, { graphQLErrors: errors });
    }
    if (!response.ok || body?.data == null) {
        throw new HttpError(response.statusText || 'ra.notification.http_error', response.status, body);
    }
    return body.data;
}

function definitionOf(resource: string): ResourceFields {
    const definition = resourceFields[resource];
    if (!definition) throw new Error(`No GraphQL field selection for resource "${resource}" (admin/src/dataProvider/fields.ts)`);
    return definition;
}

/** The sort variable, or undefined (server default order) for a field the server does not sort on. */
function sortVariable(definition: ResourceFields, sort: SortPayload | undefined) {
    if (!sort?.field || !definition.sortFields.includes(sort.field)) return undefined;
    return { field: sort.field, order: sort.order === 'DESC' ? 'DESC' : 'ASC' };
}

interface ListRequest {
    page: number;
    perPage: number;
    sort?: SortPayload;
    filter?: Record<string, unknown>;
    signal?: AbortSignal;
}

async function fetchList<R extends RaRecord>(resource: string, request: ListRequest): Promise<GetListResult<R>> {
    const definition = definitionOf(resource);
    const { type, fields } = definition;
    const query = `query ${resource}List($page: Int, $perPage: Int, $sort: ${type}Sort, $filter: ${type}Filter) {
  ${resource}(page: $page, perPage: $perPage, sort: $sort, filter: $filter) {
    nodes { ${fields} }
    totalCount
    pageInfo { hasNextPage hasPreviousPage }
  }
}`;
    const filter = request.filter && Object.keys(request.filter).length > 0 ? request.filter : undefined;
    const sort = sortVariable(definition, request.sort);
    const data = await graphql<Record<string, Connection<R>>>(
        query,
        { page: request.page, perPage: request.perPage, sort, filter },
        request.signal,
    );
    const connection = data[resource];
    return { data: connection.nodes, total: connection.totalCount, pageInfo: connection.pageInfo };
}

function notYetAvailable(action: string): Promise<never> {
    return Promise.reject(new HttpError('app.notification.not_yet_available', 501, { action }));
}

export const graphqlDataProvider: DataProvider = {
    supportAbortSignal: true,

    getList: (resource, { pagination, sort, filter, signal }) =>
        fetchList(resource, {
            page: pagination?.page ?? 1,
            perPage: pagination?.perPage ?? 25,
            sort,
            filter,
            signal,
        }),

    getOne: async <R extends RaRecord>(resource: string, { id, signal }: GetOneParams<R>) => {
        const { one, fields } = definitionOf(resource);
        const query = `query ${one}($id: ID!) { ${one}(id: $id) { ${fields} } }`;
        const data = await graphql<Record<string, R | null>>(query, { id }, signal);
        const record = data[one];
        // The server answers a missing id with NOT_FOUND (mapped to 404 above); this covers a null anyway.
        if (!record) throw new HttpError('ra.notification.item_doesnt_exist', 404);
        return { data: record };
    },

    getMany: async <R extends RaRecord>(resource: string, { ids, signal }: GetManyParams<R>) => {
        const batches: Identifier[][] = [];
        for (let i = 0; i < ids.length; i += MAX_IDS_PER_REQUEST) {
            batches.push(ids.slice(i, i + MAX_IDS_PER_REQUEST));
        }
        const results = await Promise.all(
            batches.map(batch =>
                fetchList<R>(resource, { page: 1, perPage: batch.length, filter: { ids: batch }, signal }),
            ),
        );
        return { data: results.flatMap(result => result.data) };
    },

    getManyReference: (resource, { target, id, pagination, sort, filter, signal }) =>
        fetchList(resource, {
            page: pagination.page,
            perPage: pagination.perPage,
            sort,
            filter: { ...filter, [target]: id },
            signal,
        }),

    create: () => notYetAvailable('create'),
    update: () => notYetAvailable('update'),
    updateMany: () => notYetAvailable('updateMany'),
    delete: () => notYetAvailable('delete'),
    deleteMany: () => notYetAvailable('deleteMany'),
};
