// Backup and restore (docs/OPERATIONS.md), through the same functions the `pnpm db:backup` / `db:restore` CLI calls:
// a PGlite data folder (always) and a PostgreSQL database (when DATABASE_URL is set: the CI's PostgreSQL run).
// Each test writes known rows and audit events, takes a backup, changes the source afterwards, restores into a new
// place and checks the restored copy has exactly the rows of the backup moment and an intact audit chain.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, useDatabase, type Database } from '../../server/src/db/database.ts';
import { backupPglite, backupPostgres, checkRestored, restorePglite, restorePostgres } from '../../server/src/db/backup.ts';
import { seedDemo } from '../../server/src/db/seed.ts';
import { mutate } from '../../server/src/shared/mutation.ts';
import { ANONYMOUS } from '../../server/src/modules/access/actor.ts';
import { adminUrl } from '../helpers/global-setup.ts';
import { onPostgres } from '../helpers/db.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ssj-backup-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Known content: a small demo, three audited changes to one department's liaison. */
async function fill(database: Database): Promise<void> {
  useDatabase(database);
  await seedDemo(database, { targets: 300 });
  const dep = await database.prisma.department.findFirstOrThrow({ orderBy: { code: 'asc' } });
  for (const phone of ['0535-1', '0535-2', '0535-3'])
    await mutate({ actor: ANONYMOUS, requestId: 'backup-test' }, async (tx, audit) => {
      await tx.department.update({ where: { id: dep.id }, data: { liaisonPhone: phone } });
      audit.record({ operation: 'department:update', entity: 'Department', entityId: dep.id, after: { liaisonPhone: phone } });
    });
}

async function changeAfterBackup(database: Database): Promise<void> {
  useDatabase(database);
  await database.raw.exec(`delete from target where id in (select id from target order by uscc limit 10)`);
}

describe.runIf(!onPostgres)('PGlite data folder', () => {
  it('backs up to a tarball and restores into an empty folder with the same rows and a valid audit chain', async () => {
    const dir = path.join(tmp, 'pglite-src');
    const file = path.join(tmp, 'pglite.tar.gz');
    const source = await openDatabase({ dataDir: dir });
    await fill(source);
    const { rows: before } = await source.raw.query<{ n: number }>('select count(*)::int as n from target');
    await source.close();

    await backupPglite(dir, file);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);

    const again = await openDatabase({ dataDir: dir, migrate: false });
    await changeAfterBackup(again);
    await again.close();

    const restored = path.join(tmp, 'pglite-restored');
    await restorePglite(file, restored);
    const report = await checkRestored(() => openDatabase({ dataDir: restored, migrate: false }));
    expect(report.tables.target).toBe(before[0]!.n);
    expect(report.tables.department).toBeGreaterThan(10);
    expect(report.auditOk).toBe(true);
    expect(report.auditEvents).toBeGreaterThanOrEqual(3);

    // a non-empty folder is refused unless forced; forcing keeps the old folder aside
    await expect(restorePglite(file, dir)).rejects.toThrow(/not empty/);
    await restorePglite(file, dir, { force: true });
    expect(fs.readdirSync(tmp).some((f) => f.startsWith('pglite-src.before-restore-'))).toBe(true);
    const forced = await checkRestored(() => openDatabase({ dataDir: dir, migrate: false }));
    expect(forced.tables.target).toBe(before[0]!.n);
  }, 180_000);
});

describe.runIf(onPostgres)('PostgreSQL database', () => {
  const url = process.env.DATABASE_URL!;
  const names = [`ssj_bk_src_${process.pid}`, `ssj_bk_dst_${process.pid}`];
  async function admin(sql: string) {
    const c = new pg.Client({ connectionString: adminUrl(url) });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  }
  afterAll(async () => {
    for (const n of names) await admin(`drop database if exists ${n} with (force)`);
  });

  it('pg_dump → pg_restore into a new database keeps every row and the audit chain; a non-empty target is refused', async () => {
    for (const n of names) await admin(`drop database if exists ${n} with (force)`);
    for (const n of names) await admin(`create database ${n}`);
    const [srcUrl, dstUrl] = names.map((n) => adminUrl(url, n)) as [string, string];
    const file = path.join(tmp, 'pg.dump');
    const source = await openDatabase({ url: srcUrl, poolSize: 2 });
    await fill(source);
    const { rows: before } = await source.raw.query<{ n: number }>('select count(*)::int as n from target');
    await backupPostgres(srcUrl, file);
    await changeAfterBackup(source);
    await source.close();

    await restorePostgres(file, dstUrl);
    const report = await checkRestored(() => openDatabase({ url: dstUrl, migrate: false, poolSize: 2 }));
    expect(report.tables.target).toBe(before[0]!.n);
    expect(report.auditOk).toBe(true);
    expect(report.auditEvents).toBeGreaterThanOrEqual(3);
    // the audit trail stays append-only after a restore (the trigger came back with the schema)
    const check = await openDatabase({ url: dstUrl, migrate: false, poolSize: 1 });
    await expect(check.raw.exec('delete from audit_event')).rejects.toThrow(/append-only/);
    await check.close();

    await expect(restorePostgres(file, srcUrl)).rejects.toThrow(/not empty/);
  }, 180_000);
});
