// Backup and restore of both databases (docs/OPERATIONS.md).
//
// PostgreSQL: pg_dump's custom format (compressed, restorable table by table) and pg_restore into an empty
// database, both the Debian client tools of the server's major version; one consistent snapshot (pg_dump runs in a
// single repeatable-read transaction), so it is taken while the servers keep running.
// PGlite (embedded): the data folder as a gzip'd tarball (PGlite's dumpDataDir: a physical copy taken by the one
// process that owns the folder, so the server must be stopped — PGlite is single-process), restored by starting
// PGlite from the tarball into an empty folder.
// After a restore the audit chain is verified and the migrations are checked: a backup is only trusted once read back.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase, useDatabase, type Database } from './database.ts';
import { verifyAuditChain } from '../modules/audit/audit.service.ts';

export interface RestoreReport {
  tables: Record<string, number>;
  auditEvents: number;
  auditOk: boolean;
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited with ${code}: ${err.trim()}`))));
  });
}

export async function backupPostgres(url: string, file: string): Promise<void> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', '--file', file, '--dbname', url]);
}

/** Restores into an existing, empty database (create it with createdb first); refuses a database that has tables. */
export async function restorePostgres(file: string, url: string): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`no backup file ${file}`);
  const probe = await openDatabase({ url, migrate: false, poolSize: 1 });
  try {
    const { rows } = await probe.raw.query<{ n: number }>(`select count(*)::int as n from pg_tables where schemaname = 'public'`);
    if (rows[0]!.n > 0) throw new Error('the target database is not empty: restore into a new database (createdb) and point DATABASE_URL at it');
  } finally {
    await probe.close();
  }
  await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', '--dbname', url, file]);
}

export async function backupPglite(dataDir: string, file: string): Promise<void> {
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) throw new Error(`no PGlite database in ${dataDir}`);
  const pglite = await PGlite.create(dataDir);
  try {
    await pglite.query('checkpoint');
    const dump = await pglite.dumpDataDir('gzip');
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await pglite.close();
  }
}

/** Restores into an empty (or missing) folder; with force, moves an existing folder aside to `<dir>.before-restore-<time>`. */
export async function restorePglite(file: string, dataDir: string, opts: { force?: boolean } = {}): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`no backup file ${file}`);
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    if (!opts.force) throw new Error(`${dataDir} is not empty: stop the server and pass --force (the folder is kept aside, not deleted)`);
    fs.renameSync(dataDir, `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, { loadDataDir: new Blob([fs.readFileSync(file)]) });
  await pglite.query('checkpoint');
  await pglite.close();
}

const COUNTED = ['department', 'target', 'inspector', 'task', 'draw', 'draw_target', 'inspection_record', 'item_result', 'publication', 'app_user'];

/** Opens the restored database (applying nothing), counts the main tables and verifies the audit chain. */
export async function checkRestored(open: () => Promise<Database>): Promise<RestoreReport> {
  const database = useDatabase(await open());
  try {
    const tables: Record<string, number> = {};
    for (const t of COUNTED) {
      const { rows } = await database.raw.query<{ n: number }>(`select count(*)::int as n from "${t}"`);
      tables[t] = rows[0]!.n;
    }
    const chain = await verifyAuditChain();
    return { tables, auditEvents: chain.checked, auditOk: chain.ok };
  } finally {
    await database.close();
  }
}
