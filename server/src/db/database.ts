// Opens the one database the process uses: embedded PGlite (file-backed, or memory:// in tests) when
// DATABASE_URL is unset, PostgreSQL through a pg.Pool when it is set. Both get the same migrations and the
// same Prisma client; `raw` is the driver underneath for set-based SQL (draws, imports, reports, seeding).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import { applyMigrations, pgRawDriver, type RawDriver } from './migrate.ts';
import { databaseUnavailable } from './unavailable.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export type DbKind = 'pglite' | 'postgres';

export interface Database {
  kind: DbKind;
  prisma: PrismaClient;
  /** Raw SQL on the same database (own connection from the pool on PostgreSQL; the one PGlite session). */
  raw: RawDriver;
  /** Counts SQL statements sent by Prisma, for the N+1 tests. */
  stats: { statements: number };
  /**
   * Read-only SQL for the reports (quarterly report, drill-down, exports): a streaming replica when REPORT_DATABASE_URL
   * is set (reportUrl), else the same driver as `raw`. Its sessions are read-only (default_transaction_read_only).
   */
  reportRaw: RawDriver;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… — PostgreSQL; otherwise PGlite. */
  url?: string;
  /** PGlite data directory; 'memory://' for an in-memory database. */
  dataDir?: string;
  /** A PGlite dump (dumpDataDir) to start from: fast fresh databases in tests. */
  loadDataDir?: Blob | File;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  poolSize?: number;
  /** postgres://… of a read replica (or any read-only copy) for the reports; PostgreSQL only. */
  reportUrl?: string;
  log?: (msg: string) => void;
}

export function defaultDataDir(): string {
  return process.env.DATA_DIR ? path.resolve(process.env.DATA_DIR) : path.join(REPO_ROOT, 'data', 'pglite');
}

// Statements that may change who a credential belongs to or whether it is still valid: Prisma's writes to the
// session, user and API key tables and its commits (a revocation inside a transaction takes effect at COMMIT); raw
// SQL (possibly several statements) whenever it names one of those tables or commits. Each bumps
// credentialChanges(), which the actor cache (modules/access/actor.ts) compares before trusting an entry.
const PRISMA_CREDENTIAL_WRITE = /^\s*(?:update|insert|delete)\b[\s\S]*?\b(?:session|app_user|api_key)\b|^\s*(?:commit|--[^\n]*commit)\b/i;
const RAW_CREDENTIAL_WRITE = /\b(?:session|app_user|api_key|commit|end|alter|drop|truncate)\b/i;
let credentialWrites = 0;
/** A counter that changes whenever a statement may have changed a session, user or API key (see above). */
export const credentialChanges = () => credentialWrites;

function withStatementCount(prisma: PrismaClient, stats: { statements: number }): PrismaClient {
  (prisma as unknown as { $on(e: 'query', cb: (e: { query: string }) => void): void }).$on('query', (e) => {
    stats.statements++;
    if (PRISMA_CREDENTIAL_WRITE.test(e.query)) credentialWrites++;
  });
  return prisma;
}

/** Raw SQL counts too: the N+1 tests must see loader and report statements, not only Prisma's. */
function countingRaw(inner: RawDriver, stats: { statements: number }): RawDriver {
  return {
    exec: async (sql) => {
      stats.statements++;
      try {
        return await inner.exec(sql);
      } finally {
        if (RAW_CREDENTIAL_WRITE.test(sql)) credentialWrites++;
      }
    },
    query: async (sql, params) => {
      stats.statements++;
      try {
        return await inner.query(sql, params);
      } finally {
        if (RAW_CREDENTIAL_WRITE.test(sql)) credentialWrites++;
      }
    },
    ...(inner.prepared
      ? {
          prepared: async (name: string, sql: string, params: unknown[]) => {
            stats.statements++;
            try {
              return await inner.prepared!(name, sql, params);
            } finally {
              if (RAW_CREDENTIAL_WRITE.test(sql)) credentialWrites++;
            }
          },
        }
      : {}),
  };
}

/**
 * The replica's driver, falling back to the primary for a statement the replica cannot answer because it is
 * unreachable (connection refused, restarting: server/src/db/unavailable.ts); any other error is the statement's own.
 */
function reportDriver(replica: RawDriver, primary: RawDriver, log: (msg: string) => void): RawDriver {
  const fallback = async <T>(run: (d: RawDriver) => Promise<T>): Promise<T> => {
    try {
      return await run(replica);
    } catch (e) {
      const why = databaseUnavailable(e);
      if (!why) throw e;
      log(`report replica unavailable (${why}): this report reads the primary`);
      return run(primary);
    }
  };
  return {
    exec: (sql) => fallback((d) => d.exec(sql)),
    query: <T = any>(sql: string, params?: unknown[]) => fallback((d) => d.query<T>(sql, params)),
  };
}

export async function openDatabase(opts: OpenOptions = {}): Promise<Database> {
  const stats = { statements: 0 };
  const log = opts.log ?? (() => {});
  if (opts.url) {
    // jit=off: PostgreSQL's JIT (on by default above a plan cost of 100,000) spent 10 s compiling the report's one
    // aggregate statement that runs in 1–2 s without it (docs/BENCHMARKS.md "Quarterly report"); OLTP reads gain nothing from it.
    // keepAlive: TCP keep-alive probes find a connection whose peer vanished (a partition that drops packets) instead
    // of waiting for the kernel's retransmission timeout; connectionTimeoutMillis bounds a connect that never answers.
    const network = { keepAlive: true, connectionTimeoutMillis: 15_000 };
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10, options: '-c jit=off', ...network });
    pool.on('error', (err) => log(`postgres pool error: ${err.message}`));
    if (opts.migrate !== false) {
      // The runner needs one connection for its whole transaction (advisory lock + BEGIN/COMMIT).
      const client = await pool.connect();
      try {
        await applyMigrations(pgRawDriver(client), { log });
      } finally {
        client.release();
      }
    }
    const prisma = withStatementCount(
      new PrismaClient({ adapter: new PrismaPg(pool), log: [{ emit: 'event', level: 'query' }] }),
      stats,
    );
    const raw = countingRaw(pgRawDriver(pool), stats);
    // Reports on a replica: a pool of its own whose sessions cannot write, so a report can never change data there
    // (or on the primary, when the URL points at it). When the replica is unreachable, reports fall back to the
    // primary (reportDriver below) rather than fail.
    const reportPool = opts.reportUrl
      ? new pg.Pool({ connectionString: opts.reportUrl, max: opts.poolSize ?? 10, options: '-c jit=off -c default_transaction_read_only=on', ...network })
      : null;
    reportPool?.on('error', (err) => log(`report replica pool error: ${err.message}`));
    const reportRaw = reportPool ? reportDriver(countingRaw(pgRawDriver(reportPool), stats), raw, log) : raw;
    return {
      kind: 'postgres',
      prisma,
      raw,
      stats,
      reportRaw,
      async close() {
        await prisma.$disconnect();
        await pool.end();
        await reportPool?.end();
      },
    };
  }

  const dataDir = opts.dataDir ?? defaultDataDir();
  if (!dataDir.startsWith('memory://')) fs.mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {});
  if (opts.migrate !== false) await applyMigrations(pglite, { log });
  const prisma = withStatementCount(
    new PrismaClient({ adapter: new PrismaPGlite(pglite), log: [{ emit: 'event', level: 'query' }] }),
    stats,
  );
  if (opts.reportUrl) log('REPORT_DATABASE_URL is ignored on the embedded database (PostgreSQL only)');
  const raw = countingRaw(pglite, stats);
  return {
    kind: 'pglite',
    prisma,
    raw,
    stats,
    reportRaw: raw,
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

let current: Database | undefined;

/** The process-wide database. Services and the Pothos builder reach Prisma through here, never via context. */
export function db(): Database {
  if (!current) throw new Error('database not opened: call useDatabase() first');
  return current;
}

export function useDatabase(database: Database): Database {
  current = database;
  credentialWrites++;
  return database;
}

/** Shorthand for db().prisma. */
export function prisma(): PrismaClient {
  return db().prisma;
}
