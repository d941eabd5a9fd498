// Resumable imports inside one process: a run whose lease another server took stops without writing and the job
// is resumed to the counts of an uninterrupted import; concurrent sweeps claim each expired job exactly once
// (FOR UPDATE SKIP LOCKED, real concurrency on PostgreSQL); fresh leases are left alone; the attempt limit and a
// missing file end a job FAILED; an all-or-nothing job starts over. test/api/import-resume.test.ts kills a real
// server process instead.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../server/src/db/database.ts';
import { verifyAuditChain } from '../../server/src/modules/audit/audit.service.ts';
import { claimImportJob, IMPORT_MAX_ATTEMPTS, resumeClaimed } from '../../server/src/modules/import/import.service.ts';
import { onPostgres, useTestDatabase } from '../helpers/db.ts';
import { gql } from '../helpers/graphql.ts';
import { resumeFile } from '../fixtures/import-resume.ts';
import { csvFile, IMPORT_TARGETS, importUscc, poolsScenario, TARGET_HEADINGS, targetRow, upload, xlsxFile } from '../fixtures/pools.ts';

useTestDatabase();
let s: Awaited<ReturnType<typeof poolsScenario>>;

beforeAll(async () => {
  s = await poolsScenario();
});

const JOB = `id status attempts resumedAt leaseUntil processedRows insertedRows updatedRows unchangedRows errorRows totalRows message`;
const readJob = async (id: string) => (await gql(`query($id: ID!) { importJob(id: $id) { ${JOB} } }`, { id }, s.actors.office.headers)).data.importJob;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A RUNNING job as a stopped server leaves it: file kept, lease expired (or not), nothing written yet. */
async function strandedJob(opts: { rows: (string | number)[][]; allOrNothing?: boolean; attempts?: number; leaseMsFromNow?: number; withFile?: boolean }) {
  const body = csvFile(TARGET_HEADINGS, opts.rows);
  const job = await prisma().importJob.create({
    data: {
      kind: 'TARGETS',
      departmentId: s.departments.scjg.id,
      poolId: s.pools.scjgPool.id,
      fileName: 'stranded.csv',
      fileSha256: '0'.repeat(64),
      allOrNothing: opts.allOrNothing ?? false,
      status: 'RUNNING',
      totalRows: opts.rows.length,
      createdBy: s.actors.office.userId,
      attempts: opts.attempts ?? 1,
      leaseOwner: crypto.randomUUID(),
      leaseUntil: new Date(Date.now() + (opts.leaseMsFromNow ?? -60_000)),
    },
  });
  if (opts.withFile !== false) await prisma().importFile.create({ data: { jobId: job.id, content: new Uint8Array(body) } });
  return job;
}

describe('a run that loses its lease', () => {
  it('stops without writing; the job is claimed, resumed from its recorded batches and ends with the uninterrupted counts', { timeout: 120_000 }, async () => {
    const f = resumeFile(20_000, 300_000);
    const pre = await upload(IMPORT_TARGETS, { poolId: s.pools.scjgPool.id, allOrNothing: false }, { name: 'before.csv', body: csvFile(TARGET_HEADINGS, f.before) }, s.actors.office.headers);
    expect(pre.data.importTargets).toMatchObject({ status: 'SUCCEEDED', insertedRows: f.before.length });

    const started = await upload(IMPORT_TARGETS, { poolId: s.pools.scjgPool.id, allOrNothing: false, wait: false }, { name: 'big.xlsx', body: await xlsxFile(TARGET_HEADINGS, f.rows) }, s.actors.office.headers);
    expect(started.errors).toBeUndefined();
    const id = started.data.importTargets.id as string;
    // another server takes the job over as soon as one batch has committed
    for (let k = 0; ; k++) {
      const j = await readJob(id);
      expect(j.status, 'the job must still be running when its lease is taken').toBe('RUNNING');
      if (j.processedRows > 0) break;
      if (k > 2000) throw new Error('no batch committed');
      await sleep(10);
    }
    const thief = crypto.randomUUID();
    await prisma().$executeRawUnsafe(`update import_job set lease_owner = $2::uuid, lease_until = now() - interval '1 second' where id = $1::uuid`, id, thief);
    const committedAtTheft = await prisma().importBatch.count({ where: { jobId: id } });
    expect(committedAtTheft).toBeGreaterThan(0);

    // the old run notices at its next write and stops; until then the job is not claimable from this process
    let claimed = null;
    for (let k = 0; !claimed; k++) {
      if (k > 600) throw new Error('the old run did not stop');
      await sleep(50);
      claimed = await claimImportJob();
    }
    expect(claimed.id).toBe(id);
    expect(claimed.attempt).toBe(2);
    // nothing the old run did after the theft was committed
    expect(await prisma().importBatch.count({ where: { jobId: id } })).toBe(committedAtTheft);
    expect(await prisma().importJob.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'RUNNING', attempts: 2 });

    await resumeClaimed(claimed);
    const job = await readJob(id);
    expect(job).toMatchObject({ status: 'PARTIAL', attempts: 2, leaseUntil: null, totalRows: f.expected.processedRows, ...f.expected });
    expect(job.resumedAt).not.toBeNull();
    expect(job.message).toContain(`新加入名录库 ${f.expected.insertedRows}`);

    // each bad row listed once, with its reason; no duplicate targets or memberships; nothing left behind
    const errors = await prisma().importRowError.findMany({ where: { jobId: id }, orderBy: { rowNumber: 'asc' } });
    expect(errors.map((e) => [e.rowNumber, e.reason])).toEqual([...f.bad].sort((a, b) => a[0] - b[0]));
    expect(await prisma().target.count({ where: { uscc: { in: f.good } } })).toBe(f.good.length);
    expect(await prisma().targetPoolMember.count({ where: { poolId: s.pools.scjgPool.id, target: { uscc: { in: f.good } } } })).toBe(f.good.length);
    expect(await prisma().importFile.count({ where: { jobId: id } })).toBe(0);
    expect(await prisma().importBatch.count({ where: { jobId: id } })).toBe(0);
    const resumes = await prisma().auditEvent.findMany({ where: { entity: 'ImportJob', entityId: id, operation: 'resumeImport' } });
    expect(resumes).toHaveLength(1);
    expect(resumes[0]).toMatchObject({ actorId: s.actors.office.userId, actorKind: 'user' });
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});

describe('claiming stranded jobs', () => {
  it('concurrent sweeps claim each expired job exactly once and leave a fresh lease alone', { timeout: 60_000 }, async () => {
    const expired = await Promise.all([0, 1, 2].map((k) => strandedJob({ rows: [targetRow(410_000 + k * 10), targetRow(410_001 + k * 10)] })));
    const fresh = await strandedJob({ rows: [targetRow(410_100)], leaseMsFromNow: 60_000 });
    // eight claimers at once (on PostgreSQL each in its own transaction on its own connection)
    const claims = await Promise.all(Array.from({ length: 8 }, () => claimImportJob()));
    const won = claims.filter((c) => c !== null);
    expect(won.map((c) => c.id).sort()).toEqual(expired.map((j) => j.id).sort());
    expect(await claimImportJob()).toBeNull();
    expect(await prisma().importJob.findUniqueOrThrow({ where: { id: fresh.id } })).toMatchObject({ status: 'RUNNING', attempts: 1 });
    for (const c of won) await resumeClaimed(c);
    for (const j of expired) expect(await readJob(j.id)).toMatchObject({ status: 'SUCCEEDED', attempts: 2, insertedRows: 2, processedRows: 2 });
    expect(await prisma().auditEvent.count({ where: { operation: 'resumeImport', entityId: { in: expired.map((j) => j.id) } } })).toBe(3);
    await prisma().importJob.update({ where: { id: fresh.id }, data: { status: 'FAILED', leaseUntil: null } });
  });

  it.skipIf(!onPostgres)('two claimers racing for one job on separate connections: one wins, the other gets nothing', { timeout: 60_000 }, async () => {
    for (let round = 0; round < 5; round++) {
      const job = await strandedJob({ rows: [targetRow(420_000 + round)] });
      const [a, b] = await Promise.all([claimImportJob(), claimImportJob()]);
      expect([a, b].filter((c) => c?.id === job.id)).toHaveLength(1);
      expect([a, b].filter((c) => c !== null)).toHaveLength(1);
      await resumeClaimed((a ?? b)!);
      expect(await readJob(job.id)).toMatchObject({ status: 'SUCCEEDED', attempts: 2, insertedRows: 1 });
    }
  });

  it(`after ${IMPORT_MAX_ATTEMPTS} runs a job fails with what was committed; a job whose file was not kept fails too`, async () => {
    const tired = await strandedJob({ rows: [targetRow(430_000)], attempts: IMPORT_MAX_ATTEMPTS });
    const fileless = await strandedJob({ rows: [targetRow(430_001)], withFile: false });
    expect(await claimImportJob()).toBeNull();
    const t = await readJob(tired.id);
    expect(t).toMatchObject({ status: 'FAILED', attempts: IMPORT_MAX_ATTEMPTS, leaseUntil: null });
    expect(t.message).toContain(`导入运行 ${IMPORT_MAX_ATTEMPTS} 次仍未完成`);
    expect(t.message).toContain('import the same file again');
    expect((await readJob(fileless.id)).message).toContain('the file was not kept');
    expect(await prisma().importFile.count({ where: { jobId: tired.id } })).toBe(0);
    expect(await prisma().target.count({ where: { uscc: { in: [importUscc(430_000), importUscc(430_001)] } } })).toBe(0);
    const failed = await prisma().auditEvent.findMany({ where: { operation: 'failImport', entityId: { in: [tired.id, fileless.id] } } });
    expect(failed.map((e) => (e.after as { reason: string }).reason).sort()).toEqual(['ATTEMPTS_EXHAUSTED', 'FILE_NOT_KEPT']);
  });

  it('an all-or-nothing job starts over (nothing of it was committed) and a bad row still fails it whole', async () => {
    const good = await strandedJob({ rows: [targetRow(440_000), targetRow(440_001), targetRow(440_002)], allOrNothing: true });
    const c = await claimImportJob();
    expect(c?.id).toBe(good.id);
    await resumeClaimed(c!);
    expect(await readJob(good.id)).toMatchObject({ status: 'SUCCEEDED', attempts: 2, insertedRows: 3, processedRows: 3 });

    const badJob = await strandedJob({ rows: [targetRow(440_010), targetRow(440_011, { name: '+cmd|"/c calc"!A1' })], allOrNothing: true });
    await resumeClaimed((await claimImportJob())!);
    const j = await readJob(badJob.id);
    expect(j).toMatchObject({ status: 'FAILED', insertedRows: 0, errorRows: 1 });
    expect(await prisma().target.count({ where: { uscc: importUscc(440_010) } })).toBe(0);
  });
});
