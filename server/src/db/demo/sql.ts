// Set-based SQL helpers for the seeder. Columns go to PostgreSQL as one array parameter each (encoded as a
// PostgreSQL array literal string, which every driver passes unchanged) and come back as rows through
// `unnest(...)`: one statement per few thousand rows instead of one call per row.
import type { Database } from '../database.ts';
import type { Tx } from '../../shared/mutation.ts';
import { pgArray, type SqlValue } from '../pg-array.ts';

export type { SqlValue };

/** One connection inside one transaction (see seed.ts: runs through Prisma's interactive transaction). */
export interface SqlRunner {
  query<T = Record<string, unknown>>(sql: string, params?: SqlValue[]): Promise<T[]>;
  execute(sql: string, params?: SqlValue[]): Promise<number>;
  /** The same transaction, for the services a seeder calls to derive what they would have written (credit linkage). */
  tx: Tx;
}

export { pgArray };

/** Column name and PostgreSQL type (e.g. 'uuid', 'text', '"RiskClass"', 'text[]', '"InspectionMethod"[]', 'jsonb'). */
export type Column = readonly [name: string, type: string];

/**
 * INSERT INTO table (columns) SELECT … FROM unnest($1::t1[], $2::t2[], …), `chunk` rows per statement.
 * Array-typed columns travel as text (each value an array literal) and are cast back in the SELECT.
 * `onConflict` is appended verbatim (e.g. 'ON CONFLICT ("date") DO NOTHING'). Returns the rows inserted.
 */
export async function insertRows(
  sql: SqlRunner,
  table: string,
  columns: readonly Column[],
  rows: readonly SqlValue[][],
  chunk = 2000,
  onConflict = '',
): Promise<number> {
  let inserted = 0;
  const names = columns.map(([n]) => `"${n}"`).join(', ');
  const unnestArgs = columns.map(([, t], i) => `$${i + 1}::${t.endsWith('[]') ? 'text' : t}[]`).join(', ');
  const aliases = columns.map((_, i) => `c${i}`);
  const select = columns.map(([, t], i) => (t.endsWith('[]') ? `c${i}::${t}` : `c${i}`)).join(', ');
  const statement = `INSERT INTO "${table}" (${names}) SELECT ${select} FROM unnest(${unnestArgs}) AS u(${aliases.join(', ')}) ${onConflict}`;
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    const params = columns.map((_, i) => pgArray(part.map((r) => r[i] ?? null)));
    inserted += await sql.execute(statement, params);
  }
  return inserted;
}

/** Advisory-lock key shared by seedDemo and addScaleTargets: concurrent seeders queue instead of racing. */
const SEED_LOCK_KEY = 727_001;

/**
 * Runs fn in one interactive Prisma transaction (one pooled connection on PostgreSQL, the session on PGlite), as raw
 * SQL; with `lock`, first takes the seed advisory lock so concurrent seeders queue.
 */
export async function inTransaction<T>(database: Database, fn: (sql: SqlRunner) => Promise<T>, lock = true): Promise<T> {
  return database.prisma.$transaction(
    async (tx) => {
      const sql: SqlRunner = {
        query: <R>(text: string, params: SqlValue[] = []) => tx.$queryRawUnsafe<R[]>(text, ...params),
        execute: (text: string, params: SqlValue[] = []) => tx.$executeRawUnsafe(text, ...params),
        tx,
      };
      if (lock) await sql.query(`SELECT 1 AS locked FROM pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
      return fn(sql);
    },
    { maxWait: 120_000, timeout: 6 * 3600_000 },
  );
}
