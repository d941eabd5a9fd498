// Resources whose API field is not a paged `<plural>(filter, sort, page, perPage)` list:
//   apiKeys       → `apiKeys: [ApiKey!]!` (all keys, at most a few hundred): filtered, sorted and paged here.
//   calendarDays  → `calendarDays(year: Int!, kind)`: one year's special days; the date is the id.
import type { GetListResult, RaRecord, SortPayload } from 'react-admin';

import { graphql } from './graphql';

export const SPECIAL_RESOURCES = ['apiKeys', 'calendarDays'] as const;
export type SpecialResource = (typeof SPECIAL_RESOURCES)[number];

export const isSpecial = (resource: string): resource is SpecialResource =>
    (SPECIAL_RESOURCES as readonly string[]).includes(resource);

export const API_KEY_FIELDS = 'id name prefix scopes createdAt expiresAt revokedAt lastUsedAt department { id name shortName }';

interface Request {
    page: number;
    perPage: number;
    sort?: SortPayload;
    filter?: Record<string, unknown>;
    signal?: AbortSignal;
}

function compare(a: unknown, b: unknown): number {
    if (a == null) return b == null ? 0 : 1;
    if (b == null) return -1;
    return String(a).localeCompare(String(b), 'zh-CN', { numeric: true });
}

function pageOf<R extends RaRecord>(rows: R[], { page, perPage, sort }: Request): GetListResult<R> {
    const sorted = sort?.field
        ? [...rows].sort((x, y) => compare(x[sort.field], y[sort.field]) * (sort.order === 'DESC' ? -1 : 1))
        : rows;
    const start = (page - 1) * perPage;
    return { data: sorted.slice(start, start + perPage), total: rows.length };
}

async function apiKeys(request: Request): Promise<RaRecord[]> {
    const data = await graphql<{ apiKeys: RaRecord[] }>(`query apiKeys { apiKeys { ${API_KEY_FIELDS} } }`, {}, request.signal);
    const { q, ids, revoked } = request.filter ?? {};
    return data.apiKeys.filter(key => {
        if (Array.isArray(ids) && !ids.map(String).includes(String(key.id))) return false;
        if (typeof q === 'string' && q && !`${key.name} ${key.prefix}`.toLowerCase().includes(q.toLowerCase())) return false;
        if (typeof revoked === 'boolean' && (key.revokedAt != null) !== revoked) return false;
        return true;
    });
}

async function calendarDays(request: Request): Promise<RaRecord[]> {
    const { year, kind, ids } = request.filter ?? {};
    // A getMany by dates (ids) reads the years those dates fall in.
    const years = Array.isArray(ids) && ids.length
        ? [...new Set(ids.map(id => Number(String(id).slice(0, 4))))]
        : [Number(year) || new Date().getFullYear()];
    const query = `query calendarDays($year: Int!, $kind: CalendarDayKind) { calendarDays(year: $year, kind: $kind) { date kind name } }`;
    const results = await Promise.all(
        years.map(y => graphql<{ calendarDays: { date: string; kind: string; name: string }[] }>(query, { year: y, kind: kind || undefined }, request.signal)),
    );
    const rows = results.flatMap(r => r.calendarDays.map(day => ({ id: day.date, ...day })));
    return Array.isArray(ids) ? rows.filter(row => ids.map(String).includes(row.id)) : rows;
}

export async function specialList<R extends RaRecord>(resource: SpecialResource, request: Request): Promise<GetListResult<R>> {
    const rows = resource === 'apiKeys' ? await apiKeys(request) : await calendarDays(request);
    return pageOf(rows as R[], request);
}
