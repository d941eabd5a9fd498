// `pnpm db:migrate`: applies prisma/migrations to DATABASE_URL (PostgreSQL) or, when that is unset, to the
// PGlite data directory DATA_DIR (default <repo>/data/pglite, created if missing).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyMigrations, pgRawDriver } from './migrate.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const log = (msg: string) => console.log(`[migrate] ${msg}`);

/** Hides the password of a connection URL for printing. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(DATABASE_URL)';
  }
}

async function migratePostgres(url: string): Promise<string[]> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    log(`PostgreSQL ${redact(url)}`);
    return (await applyMigrations(pgRawDriver(client), { log })).applied;
  } finally {
    await client.end();
  }
}

async function migratePglite(dataDir: string): Promise<string[]> {
  const { PGlite } = await import('@electric-sql/pglite');
  mkdirSync(dataDir, { recursive: true });
  log(`PGlite ${dataDir}`);
  const db = new PGlite(dataDir);
  try {
    return (await applyMigrations(db, { log })).applied;
  } finally {
    await db.close();
  }
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL?.trim();
  const applied = url
    ? await migratePostgres(url)
    : await migratePglite(path.resolve(process.env.DATA_DIR?.trim() || path.join(repoRoot, 'data/pglite')));
  for (const name of applied) log(`  ${name}`);
}

main().catch((err: unknown) => {
  console.error(`[migrate] failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
