// Reports on a read replica (REPORT_DATABASE_URL, docs/OPERATIONS.md): the report statements go to their own pool
// whose sessions are read-only, answer what the primary answers, and fall back to the primary while the replica is
// unreachable. PostgreSQL only (the embedded database has one connection and ignores the setting).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, openDatabase, useDatabase, type Database } from '../../server/src/db/database.ts';
import { drillDown, report } from '../../server/src/modules/report/report.service.ts';
import { rebuildRollup } from '../../server/src/modules/report/report.rollup.ts';
import { onPostgres, useTestDatabase } from '../helpers/db.ts';
import { adminUrl } from '../helpers/global-setup.ts';
import { reportDataset } from '../fixtures/reports.ts';

const primary = useTestDatabase();
const office = { actor: { kind: 'user', id: null, role: 'OFFICE_ADMIN', departmentId: null, isDepartmentHead: false, scopes: [] } } as never;
const Q = { kind: 'QUARTER' as const, year: 2025, quarter: 2, today: '2025-12-31' };

describe.runIf(onPostgres)('reports on a replica', () => {
  let url: string;
  const opened: Database[] = [];
  beforeAll(async () => {
    await reportDataset();
    await rebuildRollup(db());
    const [{ name }] = (await db().raw.query<{ name: string }>('select current_database() as name')).rows;
    url = adminUrl(process.env.DATABASE_URL!, name);
  });
  afterAll(async () => {
    useDatabase(primary());
    for (const d of opened) await d.close();
  });

  async function withReportUrl(reportUrl: string, log: string[] = []) {
    const d = await openDatabase({ url, reportUrl, migrate: false, poolSize: 2, log: (m) => log.push(m) });
    opened.push(d);
    useDatabase(d);
    return d;
  }

  it('answers what the primary answers, on sessions that cannot write', async () => {
    useDatabase(primary());
    const expected = await report(office, Q);
    const expectedRows = await drillDown(office, { ...Q, figure: 'publicationRate' });
    const d = await withReportUrl(url);
    expect(d.reportRaw).not.toBe(d.raw);
    const viaReplica = await report(office, Q);
    expect({ ...viaReplica, generatedAt: null }).toEqual({ ...expected, generatedAt: null });
    expect(await drillDown(office, { ...Q, figure: 'publicationRate' })).toEqual(expectedRows);
    // the report pool is read-only: nothing a report runs can write, even pointed at the primary
    await expect(d.reportRaw.query(`update department set name = name`)).rejects.toMatchObject({ code: '25006' });
    const [{ ro }] = (await d.reportRaw.query<{ ro: string }>(`select current_setting('default_transaction_read_only') as ro`)).rows;
    expect(ro).toBe('on');
    const [{ rw }] = (await d.raw.query<{ rw: string }>(`select current_setting('default_transaction_read_only') as rw`)).rows;
    expect(rw).toBe('off');
  });

  it('falls back to the primary while the replica is unreachable, and says so in the log', async () => {
    useDatabase(primary());
    const expected = await report(office, Q);
    const log: string[] = [];
    const unreachable = Object.assign(new URL(url), { port: '1' }).toString(); // nothing listens on port 1
    await withReportUrl(unreachable, log);
    const r = await report(office, Q);
    expect({ ...r, generatedAt: null }).toEqual({ ...expected, generatedAt: null });
    expect(log.some((m) => /report replica unavailable/.test(m))).toBe(true);
  });

  it('a report statement that fails for its own reasons is not retried on the primary', async () => {
    const log: string[] = [];
    const d = await withReportUrl(url, log);
    await expect(d.reportRaw.query(`select * from no_such_table`)).rejects.toMatchObject({ code: '42P01' });
    expect(log.some((m) => /report replica unavailable/.test(m))).toBe(false);
  });
});

describe.runIf(!onPostgres)('embedded database', () => {
  it('reports read the one connection', () => {
    expect(db().reportRaw).toBe(db().raw);
  });
});
