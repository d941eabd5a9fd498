// Applies prisma/migrations/*/migration.sql to a database, without Prisma's native migrate engine.
//
// The bookkeeping is Prisma's own: a `_prisma_migrations` table with Prisma's layout, one row per applied
// migration, checksum = SHA-256 (hex) of the migration.sql file. So `prisma migrate status/deploy` (where a
// native engine exists) sees a database migrated here as up to date, and vice versa.
//
// Everything happens in ONE transaction per run, under a transaction-scoped advisory lock on the key Prisma's
// engine also uses: concurrent appliers (several app processes starting on an empty database) queue on the
// lock; the first applies everything, the others then find nothing left to do. If any migration fails, the
// whole run rolls back and nothing is recorded.
//
// SQL goes through a "raw" driver, not Prisma: migration files hold many statements, which prepared
// statements reject. PGlite's exec() and pg's simple-query protocol (client.query(sql) without parameters)
// both run multi-statement SQL.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the runner needs from a database connection. A PGlite instance satisfies it as is. */
export interface RawDriver {
  /** Runs one or more SQL statements (no parameters). */
  exec(sql: string): Promise<unknown>;
  /** Runs one statement, with optional $1.. parameters. */
  query<T = any>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /**
   * PostgreSQL only: runs one statement as a named prepared statement, parsed and analysed once per connection. A name
   * must always carry the same text.
   */
  prepared?<T = any>(name: string, sql: string, params: unknown[]): Promise<{ rows: T[] }>;
}

/** Anything with pg's query(text, values?) — a pg.Client, a PoolClient (or, outside migrations, a pg.Pool). */
export interface PgQueryable {
  query(text: string, values?: any[]): Promise<{ rows: any[] }>;
  query(config: { name: string; text: string; values: any[] }): Promise<{ rows: any[] }>;
}

/**
 * Wraps a pg connection as a RawDriver. Without parameters pg uses the simple-query protocol, which runs
 * multi-statement SQL. For applyMigrations pass ONE connection (pg.Client or a checked-out PoolClient): the
 * transaction and the advisory lock live on it.
 */
export function pgRawDriver(client: PgQueryable): RawDriver {
  return {
    exec: (sql) => client.query(sql),
    query: async (sql, params) => ({ rows: (params?.length ? await client.query(sql, params as any[]) : await client.query(sql)).rows }),
    prepared: async (name, sql, params) => ({ rows: (await client.query({ name, text: sql, values: params as any[] })).rows }),
  };
}

export interface ApplyMigrationsOptions {
  /** Folder holding <name>/migration.sql; default <repo>/prisma/migrations. */
  dir?: string;
  /** Progress messages (one line each). */
  log?: (msg: string) => void;
}

/** The folder the repository keeps its migrations in. */
export const defaultMigrationsDir = fileURLToPath(new URL('../../../prisma/migrations', import.meta.url));

/**
 * The advisory lock key Prisma's schema engine takes around `migrate deploy` (72707369). Using the same key
 * makes this runner and Prisma's engine exclude each other too.
 */
export const MIGRATION_LOCK_KEY = 72707369;

/** Prisma's `_prisma_migrations` layout, column for column. */
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The migrations in a folder, sorted by name (= by their timestamp prefix). */
export function readMigrationFiles(dir: string = defaultMigrationsDir): MigrationFile[] {
  if (!existsSync(dir)) throw new Error(`migrations folder not found: ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const file = path.join(dir, name, 'migration.sql');
      if (!existsSync(file)) throw new Error(`migration ${name} has no migration.sql (${file})`);
      const sql = readFileSync(file, 'utf8');
      return { name, sql, checksum: sha256(sql) };
    });
}

/** A checksum recorded for `sql`, tolerating a CRLF/LF checkout difference (as Prisma does). */
function checksumMatches(recorded: string, file: MigrationFile): boolean {
  if (recorded === file.checksum) return true;
  const lf = file.sql.replace(/\r\n/g, '\n');
  return recorded === sha256(lf) || recorded === sha256(lf.replace(/\n/g, '\r\n'));
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

/**
 * Applies every migration in `opts.dir` not yet recorded in `_prisma_migrations`, in name order, in one
 * transaction. Throws (and changes nothing) if a recorded migration's file has changed, if a previous
 * migration failed half-way (a row with no finished_at, left by Prisma's engine), or if any SQL fails.
 * Returns the names it applied (empty when the database was already up to date).
 */
export async function applyMigrations(raw: RawDriver, opts: ApplyMigrationsOptions = {}): Promise<{ applied: string[] }> {
  const dir = opts.dir ?? defaultMigrationsDir;
  const log = opts.log ?? (() => {});
  const files = readMigrationFiles(dir);
  const applied: string[] = [];

  // READ COMMITTED explicitly: every statement after the lock must see what a previous holder committed.
  await raw.exec('BEGIN ISOLATION LEVEL READ COMMITTED');
  try {
    await raw.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    // Created under the lock: concurrent CREATE TABLE IF NOT EXISTS can otherwise collide on pg_type.
    await raw.exec(CREATE_MIGRATIONS_TABLE);
    const { rows } = await raw.query<MigrationRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
    );
    const done = new Map<string, MigrationRow>();
    for (const row of rows) {
      if (row.rolled_back_at != null) continue; // rolled back: Prisma treats it as not applied
      if (row.finished_at == null) {
        throw new Error(
          `migration ${row.migration_name} failed earlier and is recorded as unfinished in _prisma_migrations; ` +
            'repair the database by hand, then mark it rolled back (set rolled_back_at) or delete that row',
        );
      }
      done.set(row.migration_name, row);
    }

    const changed = files.filter((f) => done.has(f.name) && !checksumMatches(done.get(f.name)!.checksum, f));
    if (changed.length) {
      throw new Error(
        `migration(s) already applied to this database have been modified since: ${changed.map((f) => f.name).join(', ')}. ` +
          'Never edit an applied migration; revert the file and put the change in a new migration.',
      );
    }
    const known = new Set(files.map((f) => f.name));
    const unknown = [...done.keys()].filter((n) => !known.has(n));
    if (unknown.length) log(`warning: the database has migration(s) this folder lacks: ${unknown.join(', ')}`);

    for (const file of files) {
      if (done.has(file.name)) continue;
      log(`applying ${file.name}`);
      try {
        await raw.exec(file.sql);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        throw new Error(`migration ${file.name} failed: ${message}`, { cause: err });
      }
      await raw.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
        [randomUUID(), file.checksum, file.name],
      );
      applied.push(file.name);
    }
    await raw.exec('COMMIT');
  } catch (err) {
    try {
      await raw.exec('ROLLBACK');
    } catch {
      // The connection may be gone; the original error matters more.
    }
    throw err;
  }
  log(applied.length ? `applied ${applied.length} migration(s)` : 'database is up to date');
  return { applied };
}
