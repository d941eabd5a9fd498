// "kill -9 a server during an import → after restart the import is resumable and idempotent", as processes: a real
// server (server/src/main.ts) on a file-backed PGlite data directory — or, with DATABASE_URL, on a fresh PostgreSQL
// database — takes a 30,000-row XLSX upload (multipart, wait: false, as the console sends it), is killed with
// SIGKILL once a batch has committed, and a new server on the same database finishes the job. The outcome must be
// the one computed from the file (test/fixtures/import-resume.ts), each batch written by exactly one run, each bad
// row listed once, no duplicate targets or memberships; re-importing the same file then changes nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { openDatabase, useDatabase, type Database } from '../../server/src/db/database.ts';
import { verifyAuditChain } from '../../server/src/modules/audit/audit.service.ts';
import { IMPORT_LIMITS } from '../../server/src/modules/import/import.limits.ts';
import { adminUrl } from '../helpers/global-setup.ts';
import { exited, startServer as startProcess } from '../helpers/server-process.ts';
import { resumeFile } from '../fixtures/import-resume.ts';
import { csvFile, IMPORT_TARGETS, poolsScenario, TARGET_HEADINGS, upload, xlsxFile } from '../fixtures/pools.ts';

const LEASE_MS = 1500;

const startServer = (env: Record<string, string>) => startProcess({ SEED_DEMO: 'false', IMPORT_LEASE_MS: String(LEASE_MS), ...env }, { pollMs: 250 });

const JOB = `id status attempts resumedAt leaseUntil totalRows processedRows insertedRows updatedRows unchangedRows errorRows message`;

async function gqlHttp(url: string, headers: Record<string, string>, query: string, variables: Record<string, unknown>) {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}

/** The multipart request the console sends (operations + map + file). */
async function uploadHttp(url: string, headers: Record<string, string>, variables: Record<string, unknown>, file: { name: string; body: Buffer }) {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query: IMPORT_TARGETS, variables: { ...variables, file: null } }));
  form.set('map', JSON.stringify({ 0: ['variables.file'] }));
  form.set('0', new Blob([new Uint8Array(file.body)]), file.name);
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'x-graphql-yoga-csrf': '1', ...headers }, body: form });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data.importTargets;
}

interface Target {
  /** environment for the server processes */
  env: Record<string, string>;
  /** opens the database in this process (only while no server uses an embedded one) */
  open(): Promise<Database>;
  cleanup(): Promise<void>;
}

async function embeddedTarget(): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssj-resume-'));
  const tarball = fs.readFileSync(inject('pgliteTemplate'));
  let first = true;
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: '' },
    open: async () => {
      const d = await openDatabase({ dataDir, ...(first ? { loadDataDir: new Blob([tarball]) } : {}), migrate: false });
      first = false;
      return d;
    },
    cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function postgresTarget(): Promise<Target> {
  const base = process.env.DATABASE_URL!;
  const name = `ssj_resume_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl(base) });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject('pgTemplate')}`);
  await admin.end();
  const url = adminUrl(base, name);
  return {
    env: { DATABASE_URL: url },
    open: () => openDatabase({ url, migrate: false, poolSize: 3 }),
    cleanup: async () => {
      const a = new pg.Client({ connectionString: adminUrl(base) });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

async function killMidwayAndResume(target: Target) {
  const f = resumeFile(30_000, 500_000);
  const body = await xlsxFile(TARGET_HEADINGS, f.rows);
  const batches = Math.floor(f.good.length / IMPORT_LIMITS.batchRows); // full batches; the final flush writes the rest

  // the database before any server: departments, pools, an office user with a session, the "before" rows
  let database = useDatabase(await target.open());
  const s = await poolsScenario();
  const poolId = s.pools.scjgPool.id;
  const pre = await upload(IMPORT_TARGETS, { poolId, allOrNothing: false }, { name: 'before.csv', body: csvFile(TARGET_HEADINGS, f.before) }, s.actors.office.headers);
  expect(pre.data.importTargets).toMatchObject({ status: 'SUCCEEDED', insertedRows: f.before.length });
  await database.close();
  const headers = s.actors.office.headers;

  try {
    // server A takes the upload and is killed once a batch has committed, well before the end
    const a = await startServer(target.env);
    const started = await uploadHttp(a.url, headers, { poolId, allOrNothing: false, wait: false }, { name: '名录.xlsx', body });
    expect(started).toMatchObject({ status: 'RUNNING', totalRows: 30_000 });
    for (let k = 0; ; k++) {
      const j = (await gqlHttp(a.url, headers, `query($id: ID!) { importJob(id: $id) { ${JOB} } }`, { id: started.id })).importJob;
      expect(j.status, 'the import must still be running when the server is killed').toBe('RUNNING');
      if (j.processedRows > 0) {
        expect(j.processedRows).toBeLessThan(30_000 - 2 * IMPORT_LIMITS.batchRows);
        break;
      }
      if (k > 3000) throw new Error(`no batch committed: ${a.log()}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    a.child.kill('SIGKILL');
    await exited(a.child);
    expect(a.child.signalCode).toBe('SIGKILL');

    // server B on the same database resumes it (embedded: at start; PostgreSQL: once A's lease has expired)
    const b = await startServer(target.env);
    let job: any;
    for (let k = 0; ; k++) {
      job = (await gqlHttp(b.url, headers, `query($id: ID!) { importJob(id: $id) { ${JOB} } }`, { id: started.id })).importJob;
      if (job.status !== 'RUNNING') break;
      if (k > 600) throw new Error(`the import was not resumed: ${JSON.stringify(job)}\n${b.log()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(job).toMatchObject({ status: 'PARTIAL', attempts: 2, leaseUntil: null, totalRows: 30_000, ...f.expected });
    expect(job.resumedAt).not.toBeNull();
    expect(job.message).toContain(`新加入名录库 ${f.expected.insertedRows}`);

    // the same file again, through the restarted server: nothing to insert or update
    const again = await uploadHttp(b.url, headers, { poolId, allOrNothing: false }, { name: '名录.xlsx', body });
    expect(again).toMatchObject({ status: 'PARTIAL', insertedRows: 0, updatedRows: 0, unchangedRows: f.good.length, errorRows: f.bad.size });
    b.child.kill('SIGTERM');
    await exited(b.child);
  } finally {
    database = useDatabase(await target.open());
  }

  try {
    const p = database.prisma;
    // each batch was written by exactly one of the two runs; the final one finished the job
    const events = await p.auditEvent.findMany({ where: { entity: 'ImportJob', entityId: (await p.importJob.findFirstOrThrow({ where: { fileName: '名录.xlsx' }, orderBy: { createdAt: 'asc' } })).id }, orderBy: { id: 'asc' } });
    const ops = events.map((e) => e.operation);
    expect(ops.filter((o) => o === 'startImport')).toHaveLength(1);
    expect(ops.filter((o) => o === 'resumeImport')).toHaveLength(1);
    expect(ops.filter((o) => o === 'finishImport')).toHaveLength(1);
    const written = events.filter((e) => e.operation === 'importBatch').map((e) => (e.after as { batch: number }).batch);
    expect(written.sort((x, y) => x - y)).toEqual(Array.from({ length: batches }, (_, i) => i + 1));
    const resume = events.find((e) => e.operation === 'resumeImport')!;
    const committedBefore = (resume.after as { committedBatches: number }).committedBatches;
    expect(committedBefore).toBeGreaterThan(0);
    expect(committedBefore).toBeLessThan(batches);
    expect(resume.requestId).toMatch(/^import-resume:/);
    expect(resume.actorId).toBe(s.actors.office.userId);

    const job = await p.importJob.findFirstOrThrow({ where: { fileName: '名录.xlsx' }, orderBy: { createdAt: 'asc' } });
    const errors = await p.importRowError.findMany({ where: { jobId: job.id }, orderBy: { rowNumber: 'asc' } });
    expect(errors.map((e) => [e.rowNumber, e.reason])).toEqual([...f.bad].sort((x, y) => x[0] - y[0]));
    expect(await p.target.count({ where: { uscc: { in: f.good } } })).toBe(f.good.length);
    expect(await p.targetPoolMember.count({ where: { poolId, target: { uscc: { in: f.good } } } })).toBe(f.good.length);
    expect(await p.importFile.count()).toBe(0);
    expect(await p.importBatch.count()).toBe(0);
    expect(await p.importJob.count({ where: { status: 'RUNNING' } })).toBe(0);
    expect((await verifyAuditChain()).ok).toBe(true);
  } finally {
    await database.close();
    await target.cleanup();
  }
}

describe.skipIf(!!process.env.DATABASE_URL)('embedded database (file-backed PGlite)', () => {
  it('an import killed with SIGKILL mid-way is resumed by the next server start and ends as if uninterrupted', { timeout: 180_000 }, async () => {
    await killMidwayAndResume(await embeddedTarget());
  });
});

describe.skipIf(!process.env.DATABASE_URL)('PostgreSQL', () => {
  it('an import whose server was killed with SIGKILL mid-way is taken over by another server once the lease expires', { timeout: 180_000 }, async () => {
    await killMidwayAndResume(await postgresTarget());
  });
});
