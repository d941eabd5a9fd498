// `pnpm db:backup <file>` and `pnpm db:restore <file> [--force]` (docs/OPERATIONS.md).
// DATABASE_URL set → PostgreSQL (pg_dump custom format / pg_restore into an empty database); otherwise the PGlite
// folder DATA_DIR (default <repo>/data/pglite) as a gzip'd tarball. The restore then verifies the audit chain.
import { defaultDataDir, openDatabase } from './database.ts';
import { backupPglite, backupPostgres, checkRestored, restorePglite, restorePostgres } from './backup.ts';

const [command, file, ...rest] = process.argv.slice(2);
const url = process.env.DATABASE_URL?.trim() || undefined;
if (!file || !['backup', 'restore'].includes(command ?? '')) {
  console.error('usage: pnpm db:backup <file>  |  pnpm db:restore <file> [--force]\n(DATABASE_URL → PostgreSQL, else PGlite at DATA_DIR)');
  process.exit(2);
}
const t0 = performance.now();
try {
  if (command === 'backup') {
    if (url) await backupPostgres(url, file);
    else await backupPglite(defaultDataDir(), file);
    console.log(`[backup] ${url ? 'PostgreSQL' : `PGlite ${defaultDataDir()}`} → ${file} in ${Math.round(performance.now() - t0)} ms`);
  } else {
    if (url) await restorePostgres(file, url);
    else await restorePglite(file, defaultDataDir(), { force: rest.includes('--force') });
    const report = await checkRestored(() => openDatabase({ url, migrate: false }));
    console.log(`[restore] ${file} restored in ${Math.round(performance.now() - t0)} ms`);
    for (const [t, n] of Object.entries(report.tables)) console.log(`  ${t.padEnd(18)} ${n}`);
    console.log(`  audit chain ${report.auditOk ? 'OK' : 'BROKEN'} (${report.auditEvents} events verified)`);
    if (!report.auditOk) process.exitCode = 1;
  }
} catch (e) {
  console.error(`[${command}] failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
