// The one list convention of the API (docs/API.md): every list field takes
//   filter: <Type>Filter, sort: <Type>Sort, page + perPage (console) or first + after (partners, stable cursors)
// and returns <Type>Page { nodes, totalCount, pageInfo }. Nodes are loaded with one Prisma query planned from
// the GraphQL selection (relationJoins: one SQL statement however deep); totalCount costs a second statement
// and is only run when selected. boundedCount(limit) counts only up to its limit (shared/counting.ts): the console
// pages with it, so a list page's cost does not grow with the table.
import { queryFromInfo } from '@pothos/plugin-prisma';
import type { GraphQLResolveInfo } from 'graphql';
import { builder } from '../builder.ts';
import { prisma } from '../db/database.ts';
import { AppError, InputError, NotFoundError } from './errors.ts';
import { bounded, BoundedCount, countLimit, countUpTo as countRowsUpTo, DEFAULT_COUNT_LIMIT, MAX_COUNT_LIMIT, selectedCountLimit, type BoundedCountShape } from './counting.ts';
import { withVisibility, type VisibleModel } from '../modules/access/visibility.ts';
import { planRead, runRead } from './sql-read.ts';
import { selects } from './selection.ts';
import type { AuthScopes } from '../modules/access/scopes.ts';
import type { Context } from '../context.ts';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

export const SortOrder = builder.enumType('SortOrder', {
  description: '排序方向 / Sort direction',
  values: { ASC: { value: 'asc' }, DESC: { value: 'desc' } } as const,
});

export interface PageInfoShape {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export const PageInfo = builder.objectRef<PageInfoShape>('PageInfo').implement({
  description: '分页信息 / Pagination state; cursors are opaque and stable across inserts',
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage'),
    hasPreviousPage: t.exposeBoolean('hasPreviousPage'),
    startCursor: t.exposeString('startCursor', { nullable: true }),
    endCursor: t.exposeString('endCursor', { nullable: true }),
  }),
});

export interface Page<T> {
  nodes: T[];
  totalCount: () => Promise<number>;
  /** Rows matching, counted up to `limit` (a count over at most limit + 1 rows). */
  boundedCount: (limit: number) => Promise<BoundedCountShape>;
  pageInfo: PageInfoShape;
}

/** The fields of every <Type>Page: defineListQueries' and the hand-written list fields' (audit events, public results). */
export function pageFields<T>(t: any, ref: any) {
  return {
    nodes: t.field({ type: [ref], resolve: (p: Page<T>) => p.nodes as never }),
    totalCount: t.int({
      description: '符合筛选条件的总数（逐行计数：大表上较慢，控制台用 boundedCount）/ Rows matching the filter (counts every row: slow on a large table; the console uses boundedCount)',
      resolve: (p: Page<T>) => p.totalCount(),
    }),
    boundedCount: t.field({
      type: BoundedCount,
      description: `符合筛选条件的行数，最多数到 limit（默认 ${DEFAULT_COUNT_LIMIT}，至多 ${MAX_COUNT_LIMIT}）：代价随 limit 而非表的大小 / Rows matching the filter, counted up to limit (default ${DEFAULT_COUNT_LIMIT}, at most ${MAX_COUNT_LIMIT}): the cost follows the limit, not the size of the table`,
      args: { limit: t.arg.int({ required: false, defaultValue: DEFAULT_COUNT_LIMIT }) },
      resolve: (p: Page<T>, args: { limit?: number | null }) => p.boundedCount(countLimit(args.limit)),
    }),
    pageInfo: t.field({ type: PageInfo, resolve: (p: Page<T>) => p.pageInfo }),
  };
}

export interface ListArgs {
  page?: number | null;
  perPage?: number | null;
  first?: number | null;
  after?: string | null;
  sort?: { field: string; order?: 'asc' | 'desc' | null } | null;
}

const encodeCursor = (id: string) => Buffer.from(`c1:${id}`).toString('base64url');
function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString();
  if (!text.startsWith('c1:')) throw new InputError('after', 'INVALID_CURSOR', { zh: '游标无效', en: 'not a cursor from this API' });
  return text.slice(3);
}

function pageSize(field: string, n: number | null | undefined): number {
  const size = n ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE)
    throw new InputError(field, 'PAGE_SIZE', {
      zh: `每页条数应在 1 到 ${MAX_PAGE_SIZE} 之间`,
      en: `page size must be between 1 and ${MAX_PAGE_SIZE}`,
    });
  return size;
}

type Delegate = { findMany(a: object): Promise<unknown[]>; count(a: object): Promise<number> };
const delegate = (model: string) => (prisma() as unknown as Record<string, Delegate>)[model[0]!.toLowerCase() + model.slice(1)]!;

/** Runs one list request against a Prisma model with the API's list convention. */
export async function findPage<T>(
  model: string,
  args: ListArgs,
  where: object,
  orderBy: Record<string, 'asc' | 'desc' | Record<string, 'asc' | 'desc'>>[],
  ctx: Context,
  info: GraphQLResolveInfo,
  /** the include/select to load nodes with, when the node type is not the model's Prisma object (flat rows) */
  planned?: object,
): Promise<Page<T>> {
  const d = delegate(model);
  // a selection of plain columns and relations is read by one compiled statement (shared/sql-read.ts); anything
  // else is planned by the prisma plugin from the GraphQL selection, as before
  const compiled = planned ? null : planRead(info, 'nodes', ctx);
  let query = compiled ? null : (planned ?? (queryFromInfo({ context: ctx, info, path: ['nodes'] }) as object));
  const lead = orderBy[0] ? Object.values(orderBy[0])[0] : 'asc';
  // the id tie-break follows the first sort's direction (a relation sort, { publication: { publishedAt } }, nests it)
  const tieBreak = typeof lead === 'string' ? lead : lead && typeof lead === 'object' ? (Object.values(lead)[0] ?? 'asc') : 'asc';
  const order = [...orderBy, { id: tieBreak }];
  const cursorMode = args.first != null || args.after != null;
  if (cursorMode && args.page != null)
    throw new InputError('page', 'MIXED_PAGINATION', { zh: '不能同时使用页码与游标', en: 'use page/perPage or first/after, not both' });
  const take = pageSize(cursorMode ? 'first' : 'perPage', cursorMode ? args.first : args.perPage);
  let skip = 0;
  let cursor: { id: string } | undefined;
  if (cursorMode) {
    if (args.after) {
      cursor = { id: decodeCursor(args.after) };
      skip = 1;
    }
  } else {
    const page = args.page ?? 1;
    if (!Number.isInteger(page) || page < 1) throw new InputError('page', 'PAGE', { zh: '页码应从 1 开始', en: 'page starts at 1' });
    skip = (page - 1) * take;
  }
  const needCount = selects(info, 'totalCount');
  const load = async (): Promise<unknown[]> => {
    if (compiled && !cursor) {
      const rows = await runRead(compiled, model, where, order, take + 1, skip);
      if (rows) return rows;
    }
    query ??= queryFromInfo({ context: ctx, info, path: ['nodes'] }) as object;
    return d.findMany({ ...query, where, orderBy: order, take: take + 1, skip, ...(cursor ? { cursor } : {}) });
  };
  // boundedCount runs beside the rows too (with the limit it asks for), unless the exact total is counted anyway
  const limit = needCount ? null : selectedCountLimit(info);
  const countUpTo = (n: number) => countRowsUpTo(model, where, n, () => d.count({ where, take: n + 1 }));
  const [rows, total, upTo] = await Promise.all([
    load(),
    needCount ? d.count({ where }) : Promise.resolve(-1),
    limit != null ? countUpTo(limit) : Promise.resolve(-1),
  ]);
  const nodes = rows.slice(0, take) as (T & { id: string })[];
  return {
    nodes,
    totalCount: async () => total,
    boundedCount: async (n) => bounded(needCount ? total : n === limit ? upTo : await countUpTo(n), n),
    pageInfo: {
      hasNextPage: rows.length > take,
      hasPreviousPage: skip > 0,
      startCursor: nodes[0] ? encodeCursor(nodes[0].id) : null,
      endCursor: nodes.at(-1) ? encodeCursor(nodes.at(-1)!.id) : null,
    },
  };
}

/**
 * Reads one row by id with the selection planned from the query. Not there → NOT_FOUND; there but not visible to
 * this actor → FORBIDDEN (single reads refuse; lists filter).
 */
export async function findById<T>(model: VisibleModel, entityLabel: string, id: string, query: object, ctx: Context, info?: GraphQLResolveInfo): Promise<T> {
  const where = withVisibility(model, ctx.actor, { id });
  const compiled = info ? planRead(info, null, ctx) : null;
  const fast = compiled && (await runRead(compiled, model, where, undefined, 1, 0));
  // the compiled read answers what Pothos' planned query would load: tell its unused-query check (development) so
  if (fast) (query as Record<symbol, boolean>)[Symbol.for('Pothos.isUsed')] = true;
  const row = fast || (await delegate(model).findMany({ ...query, where, take: 1 }));
  if (row[0]) return row[0] as T;
  const exists = await delegate(model).count({ where: { id } });
  if (exists) throw new AppError('FORBIDDEN', { zh: `无权查看该${entityLabel}`, en: `not allowed to see this ${model}` }, { entity: model, id });
  throw new NotFoundError(entityLabel, id);
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** ids are UUIDs; anything else is refused as input rather than reaching the database as a cast error. */
export function requireId(field: string, id: string): string {
  if (!UUID_RE.test(id)) throw new InputError(field, 'INVALID_ID', { zh: '标识格式不正确', en: 'not an id of this API' });
  return id.toLowerCase();
}

/**
 * Declares `<plural>(filter, sort, page, perPage, first, after): <Name>Page!` and `<singular>(id: ID!): <Name>!`
 * for a Prisma-backed type. `where` turns the filter into a Prisma where clause; sort fields are whitelisted.
 */
export function defineListQueries<F extends object>(opts: {
  model: VisibleModel;
  /** who may use the two root fields (docs/SECURITY.md) */
  authScopes: Partial<AuthScopes>;
  name: string;
  label: string;
  plural: string;
  singular: string;
  description: string;
  ref: any;
  filter: any;
  where: (filter: F | null | undefined, ctx: Context) => Record<string, unknown>;
  sortFields: readonly string[];
  defaultSort: Record<string, 'asc' | 'desc'>[];
}) {
  const SortField = builder.enumType(`${opts.name}SortField`, {
    values: Object.fromEntries(opts.sortFields.map((f) => [f, { value: f }])) as Record<string, { value: string }>,
  });
  const Sort = builder.inputType(`${opts.name}Sort`, {
    fields: (t) => ({
      field: t.field({ type: SortField, required: true }),
      order: t.field({ type: SortOrder, required: false, defaultValue: 'asc' }),
    }),
  });
  const PageRef = builder.objectRef<Page<unknown>>(`${opts.name}Page`).implement({
    description: `${opts.description}（分页）`,
    fields: (t) => pageFields(t, opts.ref),
  });
  builder.queryField(opts.plural, (t) =>
    t.field({
      type: PageRef,
      description: `${opts.description}列表 / List of ${opts.name} with filter, sort and pagination`,
      authScopes: opts.authScopes,
      args: {
        filter: t.arg({ type: opts.filter, required: false }),
        sort: t.arg({ type: Sort, required: false }),
        page: t.arg.int({ required: false, description: '页码（从 1 起），与 perPage 配合 / 1-based page' }),
        perPage: t.arg.int({ required: false, description: `每页条数（≤ ${MAX_PAGE_SIZE}）` }),
        first: t.arg.int({ required: false, description: `游标分页：条数（≤ ${MAX_PAGE_SIZE}）` }),
        after: t.arg.string({ required: false, description: '游标分页：上一页 endCursor' }),
      },
      resolve: (_root, args, ctx, info) =>
        findPage(
          opts.model,
          args as ListArgs,
          withVisibility(opts.model, ctx.actor, opts.where(args.filter as F | null | undefined, ctx)),
          args.sort ? [{ [args.sort.field as string]: (args.sort.order ?? 'asc') as 'asc' | 'desc' }] : opts.defaultSort,
          ctx,
          info,
        ),
    }),
  );
  builder.queryField(opts.singular, (t) =>
    t.prismaField({
      type: opts.model as never,
      description: `按标识读取${opts.description} / One ${opts.name} by id`,
      authScopes: opts.authScopes,
      args: { id: t.arg.id({ required: true }) },
      resolve: (query, _root, args, ctx, info) => findById(opts.model, opts.label, requireId('id', String(args.id)), query, ctx, info) as never,
    }),
  );
  return { Sort, PageRef };
}
