// react-admin DataProvider over the platform's GraphQL API (transport and errors: graphql.ts).
//
// API convention relied on, per resource (server/src/shared/pagination.ts; names and selections in fields.ts):
//   <plural>(filter: <Type>Filter, sort: <Type>Sort, page: Int, perPage: Int ≤ 100)
//       → { nodes { ... } boundedCount(limit: 10000) { count exact } pageInfo { hasNextPage hasPreviousPage } }
//   (a list counts its rows up to COUNT_LIMIT: exact below it, react-admin's partial pagination — next / previous,
//   "1–25 of more than 25" — above it; an exact count of a million rows cost a scan of the table on every page)
//   <singular>(id: ID!) → the record, or a NOT_FOUND error
//   <Type>Filter accepts `ids: [ID!]` (getMany) and the reference fields used by getManyReference.
// Requests for more than 100 rows (the export button asks for 1,000) are split into pages of 100.
// Writes go through mutations.ts; resources with unusual list fields through special.ts; the draw workflow and
// imports are custom methods (draws.ts, imports.ts).
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

import { currentActor } from '../auth/actor';
import { runAction } from './actions';
import { drawMethods } from './draws';
import { resourceFields, selectionOf, type ResourceFields } from './fields';
import { graphql } from './graphql';
import { importMethods } from './imports';
import { resourceMutations } from './mutations';
import { recordMethods } from './records';
import { reportMethods } from './reports';
import { isSpecial, specialList } from './special';

/** The server's largest page (MAX_PAGE_SIZE). */
const MAX_PAGE = 100;
/** Lists count their rows exactly up to this many (boundedCount); beyond, they page without a total. */
export const COUNT_LIMIT = 10_000;

interface Connection<R extends RaRecord> {
    nodes: R[];
    boundedCount: { count: number; exact: boolean };
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean };
}

/** The total for react-admin: the count when exact; undefined (partial pagination with pageInfo) beyond COUNT_LIMIT. */
const totalOf = (connection: Connection<RaRecord>): number | undefined =>
    connection.boundedCount.exact ? connection.boundedCount.count : undefined;

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

/** Drops empty filter values (a cleared input leaves '' or []), which the API would read as "match nothing". */
function cleanFilter(filter: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
    if (!filter) return undefined;
    const entries = Object.entries(filter).filter(
        ([, value]) => value !== '' && value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0),
    );
    return entries.length ? Object.fromEntries(entries) : undefined;
}

interface ListRequest {
    page: number;
    perPage: number;
    sort?: SortPayload;
    filter?: Record<string, unknown>;
    signal?: AbortSignal;
}

async function fetchPage<R extends RaRecord>(resource: string, request: ListRequest): Promise<Connection<R>> {
    const definition = definitionOf(resource);
    const { type } = definition;
    const sortable = definition.sortable !== false;
    const query = `query ${resource}List($page: Int, $perPage: Int${sortable ? `, $sort: ${type}Sort` : ''}, $filter: ${type}Filter) {
  ${resource}(page: $page, perPage: $perPage${sortable ? ', sort: $sort' : ''}, filter: $filter) {
    nodes { ${selectionOf(definition, 'list', currentActor()?.role ?? null)} }
    boundedCount(limit: ${COUNT_LIMIT}) { count exact }
    pageInfo { hasNextPage hasPreviousPage }
  }
}`;
    const variables: Record<string, unknown> = { page: request.page, perPage: request.perPage, filter: cleanFilter(request.filter) };
    if (sortable) variables.sort = sortVariable(definition, request.sort);
    const data = await graphql<Record<string, Connection<R>>>(query, variables, request.signal);
    return data[resource];
}

async function fetchList<R extends RaRecord>(resource: string, request: ListRequest): Promise<GetListResult<R>> {
    if (isSpecial(resource)) return specialList<R>(resource, request);
    if (request.perPage <= MAX_PAGE) {
        const connection = await fetchPage<R>(resource, request);
        return { data: connection.nodes, total: totalOf(connection), pageInfo: connection.pageInfo };
    }
    // A large request (export): walk pages of 100 covering the same rows, in order.
    const first = (request.page - 1) * request.perPage;
    const rows: R[] = [];
    let total: number | undefined = 0;
    let hasNextPage = false;
    for (let page = Math.floor(first / MAX_PAGE) + 1; ; page++) {
        const connection = await fetchPage<R>(resource, { ...request, page, perPage: MAX_PAGE });
        total = totalOf(connection);
        const pageStart = (page - 1) * MAX_PAGE;
        rows.push(...connection.nodes.slice(Math.max(0, first - pageStart)));
        hasNextPage = connection.pageInfo.hasNextPage || rows.length > request.perPage;
        if (!connection.pageInfo.hasNextPage || rows.length >= request.perPage) break;
    }
    return { data: rows.slice(0, request.perPage), total, pageInfo: { hasNextPage, hasPreviousPage: first > 0 } };
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
        const definition = isSpecial(resource) ? undefined : definitionOf(resource);
        if (!definition?.one) {
            // No by-id field (API keys, calendar days): the list, filtered by id.
            const { data } = await fetchList<R>(resource, { page: 1, perPage: 1, filter: { ids: [id] }, signal });
            if (!data[0]) throw new HttpError('ra.notification.item_doesnt_exist', 404);
            return { data: data[0] };
        }
        const { one } = definition;
        const query = `query ${one}($id: ID!) { ${one}(id: $id) { ${selectionOf(definition, 'show', currentActor()?.role ?? null)} } }`;
        const data = await graphql<Record<string, R | null>>(query, { id }, signal);
        const record = data[one];
        if (!record) throw new HttpError('ra.notification.item_doesnt_exist', 404);
        return { data: record };
    },

    getMany: async <R extends RaRecord>(resource: string, { ids, signal }: GetManyParams<R>) => {
        const batches: Identifier[][] = [];
        for (let i = 0; i < ids.length; i += MAX_PAGE) batches.push(ids.slice(i, i + MAX_PAGE));
        const results = await Promise.all(
            batches.map(batch => fetchList<R>(resource, { page: 1, perPage: batch.length, filter: { ids: batch }, signal })),
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

    create: async (resource, { data }) => {
        const create = resourceMutations[resource]?.create;
        if (!create) return notYetAvailable('create');
        return { data: (await create(data)) as never };
    },

    update: async (resource, { id, data, previousData }) => {
        const update = resourceMutations[resource]?.update;
        if (!update) return notYetAvailable('update');
        return { data: (await update(String(id), data, previousData)) as never };
    },

    delete: async (resource, { id, previousData }) => {
        const remove = resourceMutations[resource]?.delete;
        if (!remove) return notYetAvailable('delete');
        return { data: (await remove(String(id), previousData)) as never };
    },

    updateMany: () => notYetAvailable('updateMany'),
    deleteMany: () => notYetAvailable('deleteMany'),

    /** A workflow action on one record (actions.ts), e.g. `runAction('tasks', 'accept', id)`. */
    runAction: (resource: string, action: string, id: string, args?: Record<string, unknown>) => runAction(resource, action, id, args),

    /** Row counts per value of one enum field, in one request (aliases), e.g. tasks by status for the dashboard. */
    countBy: async (resource: string, field: string, values: readonly string[], filter: Record<string, unknown> = {}) => {
        const { type } = definitionOf(resource);
        const parts = values.map((value, i) => `c${i}: ${resource}(perPage: 1, filter: $f${i}) { totalCount }`);
        const declarations = values.map((_, i) => `$f${i}: ${type}Filter`).join(', ');
        const variables = Object.fromEntries(values.map((value, i) => [`f${i}`, { ...cleanFilter(filter), [field]: [value] }]));
        const data = await graphql<Record<string, { totalCount: number }>>(`query countBy(${declarations}) { ${parts.join('\n')} }`, variables);
        return Object.fromEntries(values.map((value, i) => [value, data[`c${i}`].totalCount]));
    },

    /** The draw workflow (draws.ts): commit, reveal, lock, void, evidence, selected targets and teams. */
    ...drawMethods,
    /** Bulk imports (imports.ts): upload, job progress, error report. */
    ...importMethods,
    /** Records, publication, corrections, credit repair, follow-ups, re-issue, the work queue (records.ts). */
    ...recordMethods,
    /** The quarterly / annual / year-to-date report, its trend and drill-down (reports.ts). */
    ...reportMethods,
};
