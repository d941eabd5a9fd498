// Lists count their rows only up to COUNT_LIMIT (boundedCount): an exact count is react-admin's total (numbered pages);
// beyond the limit there is no total and react-admin pages with next / previous from pageInfo (partial pagination).
import { afterEach, describe, expect, it, vi } from 'vitest';

import { COUNT_LIMIT, graphqlDataProvider } from './graphqlDataProvider';

function answer(boundedCount: { count: number; exact: boolean }, hasNextPage: boolean, nodes: { id: string }[] = [{ id: 'a' }, { id: 'b' }]) {
    const sent: { query: string; variables: Record<string, unknown> }[] = [];
    vi.stubGlobal(
        'fetch',
        vi.fn(async (_url: string, init: RequestInit) => {
            sent.push(JSON.parse(String(init.body)));
            return new Response(JSON.stringify({ data: { targets: { nodes, boundedCount, pageInfo: { hasNextPage, hasPreviousPage: false } } } }), {
                status: 200,
                headers: { 'content-type': 'application/json' },
            });
        }),
    );
    return sent;
}

afterEach(() => vi.unstubAllGlobals());

const params = { pagination: { page: 1, perPage: 25 }, sort: { field: 'name', order: 'ASC' as const }, filter: {} };

describe('getList counts up to COUNT_LIMIT', () => {
    it('asks for boundedCount(limit: COUNT_LIMIT), not totalCount', async () => {
        const sent = answer({ count: 2, exact: true }, false);
        await graphqlDataProvider.getList('targets', params);
        expect(sent[0].query).toContain(`boundedCount(limit: ${COUNT_LIMIT}) { count exact }`);
        expect(sent[0].query).not.toContain('totalCount');
        expect(COUNT_LIMIT).toBe(10_000);
    });

    it('an exact count is the total', async () => {
        answer({ count: 2, exact: true }, false);
        const result = await graphqlDataProvider.getList('targets', params);
        expect(result.total).toBe(2);
        expect(result.data.map(r => r.id)).toEqual(['a', 'b']);
    });

    it('more rows than the limit: no total, the page info for next / previous', async () => {
        answer({ count: COUNT_LIMIT, exact: false }, true);
        const result = await graphqlDataProvider.getList('targets', params);
        expect(result.total).toBeUndefined();
        expect(result.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false });
    });

    it('an export (more than 100 rows asked) walks pages of 100 and reports the same', async () => {
        const sent = answer({ count: COUNT_LIMIT, exact: false }, true, Array.from({ length: 100 }, (_, i) => ({ id: String(i) })));
        const result = await graphqlDataProvider.getList('targets', { ...params, pagination: { page: 1, perPage: 250 } });
        expect(sent).toHaveLength(3);
        expect(result.data).toHaveLength(250);
        expect(result.total).toBeUndefined();
        expect(result.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false });
    });
});
