// Counting the rows of a list without scanning a whole table (docs/BENCHMARKS.md "Scale: console list pages").
// `totalCount` counts every matching row: on a table of a million rows, or under a visibility rule that joins two
// other tables, that is a scan of the table on every page (5–13 s for a department admin's target list at
// 1,000,000 targets). `boundedCount(limit)` runs `SELECT count(*) FROM (SELECT … WHERE … LIMIT limit + 1)` instead:
// its cost follows the limit, not the table, and its answer is exact up to the limit and "more than limit" beyond.
// The inner SELECT has no ORDER BY: Prisma's count with `take` adds ORDER BY id, which makes PostgreSQL walk the
// primary key and test every row (a prefix filter matching 27,000 of 1,000,000 targets: 210 ms) where an index on
// the filtered column would find the first limit + 1 rows at once (5 ms). The where clause is translated by the
// compiled reads' translator (shared/sql-read.ts, the SQL Prisma emits); outside its subset Prisma counts.
import { getArgumentValues, getNamedType, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { builder } from '../builder.ts';
import { db } from '../db/database.ts';
import { InputError } from './errors.ts';
import { selectedField } from './selection.ts';
import { whereToSql } from './sql-read.ts';

/** The largest limit boundedCount accepts (its cost is proportional to it), and its default. */
export const MAX_COUNT_LIMIT = 100_000;
export const DEFAULT_COUNT_LIMIT = 10_000;

export interface BoundedCountShape {
  count: number;
  exact: boolean;
}

export const BoundedCount = builder.objectRef<BoundedCountShape>('BoundedCount').implement({
  description: '有上限的计数 / A count that stops at a limit',
  fields: (t) => ({
    count: t.exposeInt('count', { description: '符合条件的行数，至多为 limit / Rows matching, at most the limit' }),
    exact: t.exposeBoolean('exact', {
      description: 'true：count 即总数；false：多于 count 行 / true: count is the total; false: more than count rows match',
    }),
  }),
});

/** { count, exact } from a count of at most limit + 1 rows. */
export const bounded = (counted: number, limit: number): BoundedCountShape => ({ count: Math.min(counted, limit), exact: counted <= limit });

/** The limit argument, checked: 1 ≤ limit ≤ MAX_COUNT_LIMIT (default DEFAULT_COUNT_LIMIT). */
export function countLimit(limit: number | null | undefined): number {
  const n = limit ?? DEFAULT_COUNT_LIMIT;
  if (!Number.isInteger(n) || n < 1 || n > MAX_COUNT_LIMIT)
    throw new InputError('limit', 'COUNT_LIMIT', {
      zh: `计数上限应在 1 到 ${MAX_COUNT_LIMIT} 之间`,
      en: `the count limit must be between 1 and ${MAX_COUNT_LIMIT}`,
    });
  return n;
}

/**
 * The limit of the page's first `boundedCount` selection (its argument, a variable or the default), so that the
 * count can run beside the rows; null when it is not selected. Another alias with another limit counts in its own
 * resolver.
 */
export function selectedCountLimit(info: GraphQLResolveInfo): number | null {
  const node = selectedField(info, 'boundedCount');
  if (!node) return null;
  const def = (getNamedType(info.returnType) as GraphQLObjectType).getFields?.().boundedCount;
  if (!def) return null;
  return countLimit(getArgumentValues(def, node, info.variableValues).limit as number | null | undefined);
}

/**
 * Rows of `model` matching `where`, counted up to `limit + 1`: one `SELECT count(*) FROM (SELECT 1 … LIMIT limit + 1)`
 * with the where clause as compiled SQL, or Prisma's count (same answer, ordered by id) when the where is outside the
 * translatable subset.
 */
export async function countUpTo(model: string, where: object, limit: number, prismaCount: () => Promise<number>): Promise<number> {
  const w = whereToSql(model, where);
  if (!w) return prismaCount();
  if (!Number.isInteger(limit) || limit < 0) throw new Error(`countUpTo: bad limit ${limit}`);
  const { rows } = await db().raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${w.table} AS t0 WHERE ${w.sql} LIMIT ${limit + 1}) AS s`, w.params);
  return Number(rows[0]!.n);
}
