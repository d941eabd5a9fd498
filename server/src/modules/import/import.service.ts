// Bulk import of targets and inspectors from XLSX or CSV (批量导入): authorise → validate the file → create an
// ImportJob (with the file kept beside it) → stream the rows, check each one, write good rows in set-based batches
// → record the outcome.
//
// - Streaming: rows are read one by one (xlsx-reader.ts / csv-reader.ts) and written in batches of
//   IMPORT_LIMITS.batchRows, one statement per batch (target.rows.ts / inspector.rows.ts); while a batch is
//   being written the next one is parsed.
// - Idempotent: targets by USCC, inspectors by certificate number. Unchanged rows are not touched; re-importing a
//   file reports 0 inserted, 0 updated. A key repeated inside one file is an error on the later row.
// - allOrNothing = true: everything happens in ONE transaction; any bad row → nothing is written, the job is
//   FAILED and lists every bad row. allOrNothing = false: each batch commits on its own with its row errors;
//   the job ends SUCCEEDED (no bad rows), PARTIAL (some) or FAILED (no good row, or the file itself is unusable).
// - Hostile cells: a cell over 32,767 characters (CELL_TOO_LONG), text no column can store (NUL, half a surrogate
//   pair: INVALID_CHARACTER) and free text a spreadsheet would run as a formula (FORMULA_NOT_ALLOWED,
//   spreadsheet.ts looksLikeFormula) make their row an error; the readers refuse unusable files (zip.ts).
// - Progress: the job row's processedRows/totalRows. Per-batch imports update it in each batch's transaction;
//   all-or-nothing imports on PostgreSQL update it from a second connection (on embedded PGlite, which has one
//   connection, it moves at the end).
// - Every transaction records audit events (startImport, importBatch, finishImport / failImport, resumeImport).
//
// Surviving a crash (a server may be killed at any instant; several servers may share one PostgreSQL):
// - The uploaded bytes stay in import_file until the job ends (reading a job never reads them).
// - Per-batch mode records each committed batch in import_batch, in that batch's own transaction. Batches are a
//   function of the file (rows are checked by pure functions against the job's creation date), so a resumed run
//   reads the file again, rebuilds its in-memory state (the duplicate-key map) and, for a batch already recorded,
//   writes nothing and adds the recorded counts; it checks that the batch came out the same (RESUME_MISMATCH
//   otherwise). Two batches in flight may commit out of order: each has its own record. All-or-nothing jobs
//   committed nothing, so they start over.
// - A lease: lease_owner (one value per run) and lease_until on the job, renewed by each batch and by a timer
//   (every IMPORT_LEASE_MS / 3; PostgreSQL). Every write of a run checks that it still owns the lease, so a run
//   whose job was taken over stops (LeaseLost) without writing. Servers claim RUNNING jobs whose lease expired
//   (`FOR UPDATE SKIP LOCKED`: one claimer wins) at start and every IMPORT_LEASE_MS / 2 (startImportResumer,
//   called by main.ts); embedded PGlite is one process, so at start it resumes every RUNNING job. A job gets
//   IMPORT_MAX_ATTEMPTS runs in all; then it is FAILED with a message saying what was committed.
// - Known limit: on embedded PGlite an all-or-nothing import holds the only connection, so other writes wait for
//   it (up to Prisma's 10 s maxWait) — use per-batch mode there for big files.
import { createHash, randomUUID } from 'node:crypto';
import { db, prisma } from '../../db/database.ts';
import type { Context } from '../../context.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { ImportKind, ImportStatus } from '../../generated/prisma/enums.ts';
import { AppError, InputError } from '../../shared/errors.ts';
import { logger } from '../../shared/logger.ts';
import { mutate, type Tx } from '../../shared/mutation.ts';
import { requireId } from '../../shared/pagination.ts';
import { ANONYMOUS, type Actor } from '../access/actor.ts';
import { assertActsFor, poolWithAncestors } from '../pool/pool.service.ts';
import type { Problem } from '../pool/pool.rules.ts';
import { IMPORT_LIMITS } from './import.limits.ts';
import { checkInspectorRow, foreignCertificates, foreignProblem, INSPECTOR_COLUMNS, writeInspectors, type InspectorRow } from './inspector.rows.ts';
import {
  cellText,
  formulaProblem,
  looksLikeFormula,
  openRows,
  readHeader,
  RowCursor,
  storable,
  unstorable,
  writeXlsx,
  type Cell,
  type ColumnSpec,
  type RowSource,
} from './spreadsheet.ts';
import { checkTargetRow, TARGET_COLUMNS, targetOrder, writeTargets, type Cells, type TargetRow, type WriteCounts } from './target.rows.ts';
import { FileProblem } from './zip.ts';

/** Who runs the work: a request's context, or a resumed job's (its starter, with a request id of its own). */
type Ctx = Pick<Context, 'actor' | 'requestId'>;

// ───────────────────────────── what differs between targets and inspectors ─────────────────────────────

interface JobInfo {
  id: string;
  departmentId: string;
  poolId: string;
  /** the pool and its ancestors (targets join them all) */
  poolIds: string[];
  /** rows are checked against this instant ("not in the future"), so a resumed run checks them as the first did */
  createdAt: Date;
}

interface KindSpec<F extends string, R> {
  kind: ImportKind;
  columns: readonly ColumnSpec<F>[];
  keyField: F;
  check(cells: Cells<F>, date1904: boolean, today: Date): { row?: R; key?: string; problems: Problem[] };
  keyOf(r: R): string;
  /** the order rows of a batch are written in */
  order(a: R, b: R): number;
  /** rows of a batch to refuse after all, found in the database (e.g. another department's inspector) */
  screen?(tx: Tx, rows: readonly R[], job: JobInfo): Promise<Map<string, Problem>>;
  write(tx: Tx, rows: readonly R[], job: JobInfo): Promise<WriteCounts>;
}

const TARGETS: KindSpec<(typeof TARGET_COLUMNS)[number]['field'], TargetRow> = {
  kind: 'TARGETS',
  columns: TARGET_COLUMNS,
  keyField: 'uscc',
  check: checkTargetRow,
  keyOf: (r) => r.uscc,
  order: targetOrder,
  write: (tx, rows, job) => writeTargets(tx, rows, job.poolIds, job.poolId),
};

const INSPECTORS: KindSpec<(typeof INSPECTOR_COLUMNS)[number]['field'], InspectorRow> = {
  kind: 'INSPECTORS',
  columns: INSPECTOR_COLUMNS,
  keyField: 'certificateNo',
  check: (cells) => checkInspectorRow(cells),
  keyOf: (r) => r.certificate_no,
  order: (a, b) => (a.certificate_no < b.certificate_no ? -1 : a.certificate_no > b.certificate_no ? 1 : 0),
  async screen(tx, rows, job) {
    const foreign = await foreignCertificates(tx, rows.map((r) => r.certificate_no), job.departmentId);
    return new Map([...foreign].map((c) => [c, foreignProblem()]));
  },
  write: (tx, rows, job) => writeInspectors(tx, rows, job.departmentId, job.poolId),
};

// ───────────────────────────── leases ─────────────────────────────

/** How long a running job's lease lasts without renewal: IMPORT_LEASE_MS, default 30 s (at least 200 ms). */
export function importLeaseMs(): number {
  const v = Number(process.env.IMPORT_LEASE_MS ?? 30_000);
  return Number.isFinite(v) && v >= 200 ? Math.round(v) : 30_000;
}

/** Runs a job gets in all (the first and its resumptions); a job still unfinished after them is FAILED. */
export const IMPORT_MAX_ATTEMPTS = 3;

/** `lease_until` for a lease of `ms` milliseconds from the database's clock (servers' clocks may differ). */
const LEASE_UNTIL = (param: string) => `now() + make_interval(secs => ${param}::double precision / 1000)`;

/** This run no longer holds the job's lease (another server took the job over): stop without writing. */
class LeaseLost extends Error {
  constructor() {
    super('import lease lost');
  }
}

/** One run's hold on a job: the owner value written to lease_owner, and whether the lease was seen lost. */
interface Lease {
  jobId: string;
  owner: string;
  lost: boolean;
  timer?: NodeJS.Timeout;
}

/** The runs of this process, by job id (a sweep never claims them). */
const held = new Map<string, Lease>();

/** Starts holding a job's lease; on PostgreSQL a timer renews it from the pool (every lease / 3). */
function holdLease(jobId: string, owner: string): Lease {
  const lease: Lease = { jobId, owner, lost: false };
  held.set(jobId, lease);
  if (db().kind === 'postgres') {
    const ms = importLeaseMs();
    lease.timer = setInterval(() => {
      db()
        .raw.query(`update import_job set lease_until = ${LEASE_UNTIL('$3')} where id = $1::uuid and lease_owner = $2::uuid and status = 'RUNNING' returning id`, [jobId, owner, ms])
        .then((r) => {
          if (!r.rows.length) lease.lost = true;
        })
        .catch((err) => logger.warn({ jobId, err }, 'import lease renewal failed'));
    }, Math.max(50, Math.floor(ms / 3)));
    lease.timer.unref();
  }
  return lease;
}

function dropLease(lease: Lease): void {
  clearInterval(lease.timer);
  if (held.get(lease.jobId) === lease) held.delete(lease.jobId);
}

/**
 * Ends a job inside the caller's transaction: the final counters, status and message, if (and only if) this run
 * still owns it; then the kept file and the batch records go.
 */
async function closeJob(tx: Tx, jobId: string, lease: Lease, data: Prisma.ImportJobUpdateManyMutationInput): Promise<void> {
  const r = await tx.importJob.updateMany({ where: { id: jobId, leaseOwner: lease.owner, status: 'RUNNING' }, data: { ...data, leaseUntil: null } });
  if (r.count !== 1) throw new LeaseLost();
  await discardRunState(tx, jobId);
}

/** An ended job keeps neither its file nor its batch records (they only serve a resumption). */
async function discardRunState(tx: Tx, jobId: string): Promise<void> {
  await tx.importFile.deleteMany({ where: { jobId } });
  await tx.importBatch.deleteMany({ where: { jobId } });
}

// ───────────────────────────── starting a job ─────────────────────────────

/** What an upload looks like (the Web File Yoga hands over for the `File` scalar). */
export interface Upload {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

const isUpload = (f: unknown): f is Upload =>
  !!f && typeof f === 'object' && typeof (f as Upload).arrayBuffer === 'function' && typeof (f as Upload).size === 'number';

export interface ImportOptions {
  allOrNothing: boolean;
  /** true (default): return when the job has finished; false: return at once and let the caller poll importJob */
  wait?: boolean;
}

const fileInputError = (p: FileProblem) => new InputError('file', p.reason, { zh: p.zh, en: p.en });

function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'upload';
  return (storable(base).replace(/[\u0000-\u001f\u007f]/g, '').trim() || 'upload').slice(0, 200);
}

/** Imports targets into a target pool (office, the pool's department admin, or a `targets:import` key bound to it). */
export async function importTargets(ctx: Context, poolIdArg: string, file: unknown, opts: ImportOptions) {
  const poolId = requireId('poolId', poolIdArg);
  const pool = await prisma().targetPool.findUnique({ where: { id: poolId } });
  if (!pool) throw new AppError('NOT_FOUND', { zh: '未找到检查对象名录库', en: 'no such target pool' }, { field: 'poolId', entity: 'TargetPool', id: poolId });
  assertActsFor(ctx, pool.departmentId, 'poolId', { partnerScope: 'targets:import' });
  const poolIds = await poolWithAncestors(prisma(), pool.id);
  return start(ctx, TARGETS, { departmentId: pool.departmentId, poolId, poolIds }, file, opts);
}

/** Imports inspectors into an inspector pool (office or the pool's department admin). */
export async function importInspectors(ctx: Context, poolIdArg: string, file: unknown, opts: ImportOptions) {
  const poolId = requireId('poolId', poolIdArg);
  const pool = await prisma().inspectorPool.findUnique({ where: { id: poolId } });
  if (!pool) throw new AppError('NOT_FOUND', { zh: '未找到执法检查人员名录库', en: 'no such inspector pool' }, { field: 'poolId', entity: 'InspectorPool', id: poolId });
  assertActsFor(ctx, pool.departmentId, 'poolId');
  return start(ctx, INSPECTORS, { departmentId: pool.departmentId, poolId, poolIds: [poolId] }, file, opts);
}

async function start<F extends string, R>(ctx: Ctx, spec: KindSpec<F, R>, target: Omit<JobInfo, 'id' | 'createdAt'>, file: unknown, opts: ImportOptions) {
  // validate the file before anything is recorded
  if (!isUpload(file)) throw new InputError('file', 'FILE_REQUIRED', { zh: '请上传 .xlsx 或 .csv 文件', en: 'upload an .xlsx or .csv file (multipart request)' });
  if (file.size === 0) throw new InputError('file', 'FILE_EMPTY', { zh: '文件为空', en: 'the file is empty' });
  if (file.size > IMPORT_LIMITS.maxFileBytes)
    throw new InputError('file', 'FILE_TOO_LARGE', {
      zh: `文件超过 ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MB，请拆分后导入`,
      en: `the file exceeds ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MiB; split it`,
    });
  const buf = Buffer.from(await file.arrayBuffer());
  if (buf.length > IMPORT_LIMITS.maxFileBytes) throw new InputError('file', 'FILE_TOO_LARGE', { zh: '文件过大', en: 'the file is too large' });
  let source: RowSource;
  try {
    source = await openRows(buf, file.name);
  } catch (e) {
    if (e instanceof FileProblem) throw fileInputError(e);
    throw e;
  }
  if (source.rowCount - 1 > IMPORT_LIMITS.maxRows)
    throw new InputError('file', 'TOO_MANY_ROWS', {
      zh: `文件超过 ${IMPORT_LIMITS.maxRows} 行，请拆分后导入`,
      en: `more than ${IMPORT_LIMITS.maxRows} rows; split the file`,
    });
  const fileName = cleanFileName(file.name);
  const fileSha256 = createHash('sha256').update(buf).digest('hex');

  // persist: the job, its file and this run's lease, in one transaction
  const owner = randomUUID();
  const job = await mutate(ctx, async (tx, audit) => {
    const j = await tx.importJob.create({
      data: {
        kind: spec.kind,
        departmentId: target.departmentId,
        poolId: target.poolId,
        fileName,
        fileSha256,
        allOrNothing: opts.allOrNothing,
        status: 'RUNNING',
        totalRows: Math.max(0, source.rowCount - 1),
        createdBy: ctx.actor.id,
        leaseOwner: owner,
      },
    });
    await tx.importFile.create({ data: { jobId: j.id, content: new Uint8Array(buf.buffer, buf.byteOffset, buf.length) } });
    await tx.$executeRawUnsafe(`update import_job set lease_until = ${LEASE_UNTIL('$2')} where id = $1::uuid`, j.id, importLeaseMs());
    audit.record({ operation: 'startImport', entity: 'ImportJob', entityId: j.id, after: { kind: j.kind, poolId: j.poolId, fileName, fileSha256, bytes: buf.length, format: source.format, allOrNothing: opts.allOrNothing } });
    return j;
  });
  const info: JobInfo = { id: job.id, ...target, createdAt: job.createdAt };
  const lease = holdLease(job.id, owner);
  const running = run(ctx, spec, info, source, opts.allOrNothing, lease, new Map())
    .catch((e) => crashed(ctx, info.id, lease, e))
    .finally(() => dropLease(lease));
  if (opts.wait !== false) await running;
  return job;
}

// ───────────────────────────── running a job ─────────────────────────────

interface RowError {
  rowNumber: number;
  field: string;
  reason: string;
  message: string;
  raw: [string, string][] | null;
}

class Tally {
  processed = 0;
  inserted = 0;
  updated = 0;
  unchanged = 0;
  addedToPool = 0;
  errorRows = 0;
  storedErrors = 0;
  add(c: WriteCounts) {
    this.inserted += c.inserted;
    this.updated += c.updated;
    this.unchanged += c.unchanged;
    this.addedToPool += c.addedToPool;
  }
  /** a copy with one more batch's counts (screened rows included) */
  plus(c: WriteCounts, errorRows: number): Tally {
    const t = Object.assign(new Tally(), this);
    t.add(c);
    t.errorRows += errorRows;
    return t;
  }
  /** the job row's counters */
  summary() {
    return { processedRows: this.processed, insertedRows: this.inserted, updatedRows: this.updated, unchangedRows: this.unchanged, errorRows: this.errorRows };
  }
  /** what the audit trail records */
  audit() {
    return { ...this.summary(), addedToPool: this.addedToPool };
  }
}

/** A batch as recorded in import_batch by the run that committed it. */
interface BatchRecord extends WriteCounts {
  processed: number;
  rows: number;
  errorRows: number;
  storedErrors: number;
}

/** One flush of the row loop: good rows, the row errors found since the previous flush, and where the loop is. */
interface Batch<R> {
  rows: { row: R; rowNumber: number; values: Cell[] }[];
  errors: RowError[];
  /** rows refused while reading since the previous flush */
  errorRows: number;
  /** data rows read so far (this batch's last included) */
  processed: number;
  final: boolean;
}

/** Everything went wrong in an unexpected way: mark the job FAILED without leaking internals; log the details. */
async function crashed(ctx: Ctx, jobId: string, lease: Lease, e: unknown) {
  if (e instanceof LeaseLost) {
    logger.warn({ requestId: ctx.requestId, jobId }, 'import lease lost: another server continues the job');
    return;
  }
  logger.error({ requestId: ctx.requestId, jobId, err: e }, 'import failed');
  try {
    await mutate(ctx, async (tx, audit) => {
      await closeJob(tx, jobId, lease, { status: 'FAILED', finishedAt: new Date(), message: `导入异常中止，请重试或联系管理员 / the import stopped unexpectedly (request ${ctx.requestId})` });
      audit.record({ operation: 'failImport', entity: 'ImportJob', entityId: jobId, after: { status: 'FAILED', unexpected: true } });
    });
  } catch (e2) {
    if (e2 instanceof LeaseLost) logger.warn({ jobId }, 'import lease lost before the failure was recorded');
    else logger.error({ jobId, err: e2 }, 'could not mark import job failed');
  }
}

const rawPairs = (headings: string[], values: Cell[]): [string, string][] =>
  headings
    .map((h, i) => [h || `列${i + 1}`, cellText(values[i]) ?? ''] as [string, string])
    .filter(([, v], i) => v !== '' || headings[i])
    .slice(0, 60)
    .map(([h, v]) => [storable(h.slice(0, 100)), storable(v.slice(0, 500))]);

function toRowErrors(rowNumber: number, problems: readonly Problem[], raw: [string, string][] | null, labels: Map<string, string>): RowError[] {
  return problems.map((p, k) => {
    const label = labels.get(p.field) ?? p.field;
    return { rowNumber, field: storable(p.field), reason: p.reason, message: storable(`${label}：${p.zh} / ${p.field}: ${p.en}`), raw: k === 0 ? raw : null };
  });
}

async function storeErrors(tx: Tx, jobId: string, errors: readonly RowError[]) {
  for (let i = 0; i < errors.length; i += 5000) {
    const chunk = errors.slice(i, i + 5000);
    await tx.$executeRawUnsafe(
      `insert into import_row_error (job_id, row_number, field, reason, message, raw)
       select $1::uuid, e.row_number, e.field, e.reason, e.message, e.raw
         from jsonb_to_recordset($2::jsonb) as e(row_number int, field text, reason text, message text, raw jsonb)`,
      jobId,
      JSON.stringify(chunk.map((e) => ({ row_number: e.rowNumber, field: e.field, reason: e.reason, message: e.message, raw: e.raw }))),
    );
  }
}

function summaryMessage(t: Tally, status: ImportStatus, extra?: { zh: string; en: string }): string {
  const zh = `共 ${t.processed} 行：新增 ${t.inserted}，更新 ${t.updated}，未变 ${t.unchanged}，错误 ${t.errorRows}；新加入名录库 ${t.addedToPool}`;
  const en = `${t.processed} rows: ${t.inserted} inserted, ${t.updated} updated, ${t.unchanged} unchanged, ${t.errorRows} with errors; ${t.addedToPool} newly in the pool`;
  const note = status === 'FAILED' && !extra ? { zh: '；全部未写入', en: '; nothing written' } : { zh: '', en: '' };
  const stored = t.errorRows && t.storedErrors >= IMPORT_LIMITS.maxStoredErrors ? { zh: `（仅保存前 ${IMPORT_LIMITS.maxStoredErrors} 条错误）`, en: ` (first ${IMPORT_LIMITS.maxStoredErrors} errors kept)` } : { zh: '', en: '' };
  return `${extra ? `${extra.zh}。` : ''}${zh}${note.zh}${stored.zh} / ${extra ? `${extra.en}. ` : ''}${en}${note.en}${stored.en}`;
}

function isBlank(values: Cell[]): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== undefined && v !== null && cellText(v) !== null) return false;
  }
  return true;
}

type FileLevelProblem = { field: string; reason: string; zh: string; en: string };

/** Refuses the whole file (no header, unusable file, a resumed run that does not match): FAILED with row-0 errors. */
async function refuseJob(ctx: Ctx, jobId: string, lease: Lease, labels: Map<string, string>, t: Tally, problems: readonly FileLevelProblem[], extra: { zh: string; en: string }) {
  await mutate(ctx, async (tx, audit) => {
    await storeErrors(tx, jobId, toRowErrors(0, problems, null, labels));
    await closeJob(tx, jobId, lease, { status: 'FAILED', finishedAt: new Date(), ...t.summary(), message: summaryMessage(t, 'FAILED', extra) });
    audit.record({ operation: 'failImport', entity: 'ImportJob', entityId: jobId, after: { status: 'FAILED', problems: problems.map((p) => p.reason) } });
  });
}

const resumeMismatch = () =>
  new FileProblem(
    'RESUME_MISMATCH',
    '续跑时读取的批次与已提交的批次不一致（程序版本变化？），已停止；请重新导入同一文件，已导入的行不会重复',
    'the resumed run did not read the batches the earlier run committed (a different program version?); stopped — import the same file again, rows already in are not duplicated',
  );

/** Screens and writes one batch's good rows inside the caller's transaction; returns counts and the screened rows' errors. */
type WriteBatch<R> = (tx: Tx, rows: Batch<R>['rows'], storedBefore: number) => Promise<{ counts: WriteCounts; errorRows: number; errors: RowError[] }>;
type Loop<R> = (t: Tally, flush: (b: Batch<R>) => Promise<void>, concurrency: number) => Promise<{ headerProblems: readonly FileLevelProblem[] | null }>;
type Refuse = (t: Tally, problems: readonly FileLevelProblem[], extra: { zh: string; en: string }) => Promise<void>;

async function run<F extends string, R>(
  ctx: Ctx,
  spec: KindSpec<F, R>,
  job: JobInfo,
  source: RowSource,
  allOrNothing: boolean,
  lease: Lease,
  done: ReadonlyMap<number, BatchRecord>,
): Promise<void> {
  const labels = new Map<string, string>(spec.columns.map((c) => [c.field, c.label]));
  const today = job.createdAt;
  /** the file's headings, known once the loop has read them (row errors quote the row under them) */
  let headings: string[] = [];

  const refuse: Refuse = (t, problems, extra) => refuseJob(ctx, job.id, lease, labels, t, problems, extra);

  /**
   * The row loop, shared by both modes. `flush(batch)` receives each full batch of good rows with the row errors
   * found since the previous flush; up to `concurrency` batches are written while the next is parsed.
   */
  const loop: Loop<R> = async (t, flush, concurrency) => {
    const cursor = new RowCursor(source.rows());
    const h = await readHeader(cursor, spec.columns, spec.keyField);
    if ('problems' in h) return { headerProblems: h.problems };
    const header = h.header;
    headings = header.headings;
    const col = new Map<string, number>(header.columns);
    // column index → field, and which columns hold free text (formula check)
    const fieldAt: string[] = [];
    const freeTextAt: boolean[] = [];
    for (const c of spec.columns) {
      const i = col.get(c.field);
      if (i === undefined) continue;
      fieldAt[i] = c.field;
      freeTextAt[i] = !!c.freeText;
    }
    // one reader pointed at each row in turn
    const cells = {
      values: [] as Cell[],
      get(f: F) {
        const i = col.get(f);
        return i === undefined ? undefined : this.values[i];
      },
    };
    /** problems any cell can have whatever its column: too long, unstorable, a formula in free text */
    const cellProblems = (values: Cell[]): Problem[] => {
      let problems: Problem[] | undefined;
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (typeof v !== 'string') continue;
        const field = fieldAt[i] ?? (storable(header.headings[i] ?? '') || `列${i + 1}`);
        let p: Problem | undefined;
        if (v.length > IMPORT_LIMITS.maxCellChars)
          p = { field, reason: 'CELL_TOO_LONG', zh: `单元格超过 ${IMPORT_LIMITS.maxCellChars} 个字符`, en: `a cell exceeds ${IMPORT_LIMITS.maxCellChars} characters` };
        else if (unstorable(v)) p = { field, reason: 'INVALID_CHARACTER', zh: '含有无法保存的字符（空字符或不完整的 Unicode 代理对）', en: 'contains a character that cannot be stored (NUL or half a surrogate pair)' };
        else if (freeTextAt[i] && looksLikeFormula(v)) p = formulaProblem(field);
        if (p) (problems ??= []).push(p);
      }
      return problems ?? [];
    };
    const seen = new Map<string, number>();
    let batch: Batch<R>['rows'] = [];
    let errors: RowError[] = [];
    let errorRows = 0;
    // batches being written while the next ones are parsed (at most `concurrency`)
    const inflight = new Set<Promise<void>>();
    let failure: unknown = null;
    const slot = async () => {
      while (inflight.size >= concurrency) await Promise.race(inflight);
      if (failure) throw failure;
      if (lease.lost) throw new LeaseLost();
    };
    try {
      for (;;) {
        const sheetRow = cursor.take();
        if (!sheetRow) {
          if (lease.lost) throw new LeaseLost();
          if (await cursor.fill()) continue;
          break;
        }
        const values = sheetRow.values;
        if (isBlank(values)) continue;
        t.processed++;
        if (t.processed > IMPORT_LIMITS.maxRows)
          throw new FileProblem('TOO_MANY_ROWS', `文件超过 ${IMPORT_LIMITS.maxRows} 行，请拆分后导入`, `more than ${IMPORT_LIMITS.maxRows} rows; split the file`);
        cells.values = values;
        const pre = cellProblems(values);
        let result: { row?: R; key?: string; problems: Problem[] };
        if (!pre.length) result = spec.check(cells, source.date1904, today);
        else if (pre.every((p) => p.reason === 'FORMULA_NOT_ALLOWED')) {
          // a formula is one problem among others the row may have: list them all (not twice for one field)
          const checked = spec.check(cells, source.date1904, today).problems.filter((p) => !pre.some((q) => q.field === p.field));
          result = { problems: [...pre, ...checked] };
        } else result = { problems: pre };
        if (!result.problems.length && result.key !== undefined) {
          const first = seen.get(result.key);
          if (first !== undefined)
            result.problems.push({ field: spec.keyField, reason: 'DUPLICATE_IN_FILE', zh: `与第 ${first} 行重复`, en: `repeats row ${first}` });
          else seen.set(result.key, sheetRow.rowNumber);
        }
        if (result.problems.length) {
          t.errorRows++;
          errorRows++;
          if (t.storedErrors < IMPORT_LIMITS.maxStoredErrors) {
            const rowErrors = toRowErrors(sheetRow.rowNumber, result.problems, rawPairs(header.headings, values), labels).slice(0, IMPORT_LIMITS.maxStoredErrors - t.storedErrors);
            t.storedErrors += rowErrors.length;
            errors.push(...rowErrors);
          }
          continue;
        }
        batch.push({ row: result.row!, rowNumber: sheetRow.rowNumber, values });
        if (batch.length >= IMPORT_LIMITS.batchRows) {
          await slot();
          const b: Batch<R> = { rows: batch, errors, errorRows, processed: t.processed, final: false };
          batch = [];
          errors = [];
          errorRows = 0;
          const p: Promise<void> = flush(b)
            .catch((e) => {
              failure ??= e;
            })
            .finally(() => inflight.delete(p));
          inflight.add(p);
        }
      }
    } finally {
      // never leave a batch running behind a failure: the caller records the outcome after this returns
      await Promise.all(inflight);
    }
    if (failure) throw failure;
    await flush({ rows: batch, errors, errorRows, processed: t.processed, final: true });
    return { headerProblems: null };
  };

  /** Screened rows become errors (up to the stored-errors limit), the rest go through spec.write (in spec.order). */
  const writeBatch: WriteBatch<R> = async (tx, rows, storedBefore) => {
    let good = rows;
    let errorRows = 0;
    const errors: RowError[] = [];
    if (spec.screen && rows.length) {
      const refused = await spec.screen(tx, rows.map((r) => r.row), job);
      if (refused.size) {
        good = [];
        for (const r of rows) {
          const p = refused.get(spec.keyOf(r.row));
          if (!p) good.push(r);
          else {
            errorRows++;
            if (storedBefore + errors.length < IMPORT_LIMITS.maxStoredErrors) errors.push(...toRowErrors(r.rowNumber, [p], rawPairs(headings, r.values), labels));
          }
        }
      }
    }
    const counts: WriteCounts = good.length ? await spec.write(tx, good.map((r) => r.row).sort(spec.order), job) : { inserted: 0, updated: 0, unchanged: 0, addedToPool: 0 };
    return { counts, errorRows, errors };
  };

  const t = new Tally();
  try {
    if (allOrNothing) await runAllOrNothing(ctx, spec, job, t, loop, writeBatch, refuse, lease);
    else await runPerBatch(ctx, spec, job, t, loop, writeBatch, refuse, lease, done);
  } catch (e) {
    if (!(e instanceof FileProblem)) throw e;
    await refuse(t, [{ field: 'file', reason: e.reason, zh: e.zh, en: e.en }], { zh: e.zh, en: e.en });
  }
}

const NO_HEADER = { zh: '未能识别标题行', en: 'no usable heading row' };
const NO_DATA = { zh: '文件中没有数据行', en: 'the file has no data rows' };

/**
 * Batches written at the same time in per-batch mode: two on PostgreSQL (its second core inserts while the first
 * does; measured on 2 cores: 1 → 12.6–22 s, 2 → 9.1–9.8 s, 3 → 10.3–11.5 s for the benchmark), one on PGlite
 * (one connection: more would only queue).
 */
const PARALLEL = () => (db().kind === 'postgres' ? 2 : 1);

/**
 * Each batch commits on its own, with its row errors, its import_batch record and the job's progress; a batch an
 * earlier run recorded (`done`) is not written again, its recorded counts are added instead.
 */
async function runPerBatch<F extends string, R>(
  ctx: Ctx,
  spec: KindSpec<F, R>,
  job: JobInfo,
  t: Tally,
  loop: Loop<R>,
  writeBatch: WriteBatch<R>,
  refuse: Refuse,
  lease: Lease,
  done: ReadonlyMap<number, BatchRecord>,
) {
  let batchNo = 0;
  let skipped = 0;
  const r = await loop(
    t,
    async (b) => {
      const n = ++batchNo;
      const rec = done.get(n);
      if (rec) {
        // committed by an earlier run: the same rows must have come out of the file
        if (b.final || rec.processed !== b.processed || rec.rows !== b.rows.length) throw resumeMismatch();
        skipped++;
        t.add(rec);
        t.errorRows += rec.errorRows - b.errorRows; // rows the earlier run screened out
        t.storedErrors += Math.max(0, rec.storedErrors - b.errors.length);
        return;
      }
      if (b.final && skipped !== done.size) throw resumeMismatch();
      const m0 = performance.now();
      const w = await mutate(
        ctx,
        async (tx, audit) => {
          const w = await writeBatch(tx, b.rows, t.storedErrors);
          const errors = w.errors.length ? [...b.errors, ...w.errors] : b.errors;
          const errorRows = b.errorRows + w.errorRows;
          await storeErrors(tx, job.id, errors);
          let status: ImportStatus = 'RUNNING';
          let total: Tally | undefined;
          if (!b.final) {
            await tx.importBatch.create({
              data: { jobId: job.id, batchNo: n, processed: b.processed, rows: b.rows.length, ...w.counts, errorRows, storedErrors: errors.length },
            });
            const moved = await tx.$executeRawUnsafe(
              `update import_job set processed_rows = greatest(processed_rows, $3), inserted_rows = inserted_rows + $4, updated_rows = updated_rows + $5,
                      unchanged_rows = unchanged_rows + $6, error_rows = error_rows + $7, lease_until = ${LEASE_UNTIL('$8')}
                where id = $1::uuid and lease_owner = $2::uuid and status = 'RUNNING'`,
              job.id,
              lease.owner,
              b.processed,
              w.counts.inserted,
              w.counts.updated,
              w.counts.unchanged,
              errorRows,
              importLeaseMs(),
            );
            if (moved !== 1) throw new LeaseLost();
          } else {
            // every earlier batch has committed (the loop waits for them before the final flush)
            total = t.plus(w.counts, w.errorRows);
            total.storedErrors += w.errors.length;
            status = total.errorRows === 0 ? 'SUCCEEDED' : total.processed > total.errorRows ? 'PARTIAL' : 'FAILED';
            await closeJob(tx, job.id, lease, {
              ...total.summary(),
              status,
              totalRows: total.processed,
              finishedAt: new Date(),
              message: summaryMessage(total, status, total.processed ? undefined : NO_DATA),
            });
          }
          audit.record({
            operation: b.final ? 'finishImport' : 'importBatch',
            entity: 'ImportJob',
            entityId: job.id,
            after: { kind: spec.kind, batch: n, rows: b.rows.length, inserted: w.counts.inserted, updated: w.counts.updated, errors: errors.length, ...(total ? { status, ...total.audit() } : {}) },
          });
          return w;
        },
        { timeoutMs: 120_000 },
      );
      // counted once the transaction has committed (a retried transaction must not count twice)
      t.add(w.counts);
      t.errorRows += w.errorRows;
      t.storedErrors += w.errors.length;
      logger.debug({ jobId: job.id, batch: n, rows: b.rows.length, ms: Math.round(performance.now() - m0) }, 'import batch');
    },
    PARALLEL(),
  );
  if (r.headerProblems) await refuse(t, r.headerProblems, NO_HEADER);
}

class Rejected extends Error {}

/** One transaction for the whole file; any bad row rolls everything back and the job lists them all. */
async function runAllOrNothing<F extends string, R>(
  ctx: Ctx,
  spec: KindSpec<F, R>,
  job: JobInfo,
  t: Tally,
  loop: Loop<R>,
  writeBatch: WriteBatch<R>,
  refuse: Refuse,
  lease: Lease,
) {
  // progress from a second connection: only where there is one (PostgreSQL), and never awaited inside the
  // transaction except once, before the transaction touches the job row itself
  const separateConnection = db().kind === 'postgres';
  let progress: Promise<unknown> = Promise.resolve();
  const report = () => {
    if (!separateConnection) return;
    const processed = t.processed;
    progress = progress
      .then(() => db().raw.query('update import_job set processed_rows = $2 where id = $1::uuid and lease_owner = $3::uuid', [job.id, processed, lease.owner]))
      .catch(() => undefined);
  };
  let errors: RowError[] = [];
  let headerProblems: Awaited<ReturnType<Loop<R>>>['headerProblems'] = null;
  try {
    await mutate(
      ctx,
      async (tx, audit) => {
        // a retry (serialization failure) starts over from the first row
        Object.assign(t, new Tally());
        errors = [];
        const r = await loop(
          t,
          async (b) => {
            errors.push(...b.errors);
            if (t.errorRows === 0) {
              const w = await writeBatch(tx, b.rows, t.storedErrors);
              t.add(w.counts);
              t.errorRows += w.errorRows;
              t.storedErrors += w.errors.length;
              errors.push(...w.errors);
            }
            if (!b.final) report();
          },
          1,
        );
        headerProblems = r.headerProblems;
        if (headerProblems) throw new Rejected();
        if (t.errorRows > 0) throw new Rejected();
        await progress;
        const status: ImportStatus = t.processed ? 'SUCCEEDED' : 'FAILED';
        await closeJob(tx, job.id, lease, { ...t.summary(), status, totalRows: t.processed, finishedAt: new Date(), message: summaryMessage(t, status, t.processed ? undefined : NO_DATA) });
        audit.record({ operation: 'finishImport', entity: 'ImportJob', entityId: job.id, after: { kind: spec.kind, allOrNothing: true, status, ...t.audit() } });
      },
      { timeoutMs: 15 * 60_000 },
    );
  } catch (e) {
    if (!(e instanceof Rejected)) throw e;
    await progress;
    if (headerProblems) return refuse(t, headerProblems, NO_HEADER);
    // nothing was written: report every bad row
    const written = { inserted: t.inserted, updated: t.updated };
    t.inserted = t.updated = t.unchanged = t.addedToPool = 0;
    await mutate(ctx, async (tx, audit) => {
      await storeErrors(tx, job.id, errors);
      await closeJob(tx, job.id, lease, { ...t.summary(), status: 'FAILED', totalRows: t.processed, finishedAt: new Date(), message: summaryMessage(t, 'FAILED') });
      audit.record({ operation: 'failImport', entity: 'ImportJob', entityId: job.id, after: { kind: spec.kind, allOrNothing: true, status: 'FAILED', errorRows: t.errorRows, rolledBack: written } });
    });
  }
}

// ───────────────────────────── resuming jobs after a crash ─────────────────────────────

class NotClaimed extends Error {}

interface ClaimedJob {
  id: string;
  kind: ImportKind;
  departmentId: string;
  poolId: string | null;
  fileName: string;
  allOrNothing: boolean;
  createdAt: Date;
  attempt: number;
  owner: string;
  ctx: Ctx;
}

/** The actor a resumed job acts as: whoever started it (from its startImport audit event), with a request id of its own. */
async function resumeActor(jobId: string): Promise<Actor> {
  const rows = await prisma().$queryRawUnsafe<{ actor_id: string | null; actor_kind: string; role: string | null; department_id: string | null }[]>(
    `select actor_id, actor_kind, role, department_id from audit_event where entity = 'ImportJob' and entity_id = $1 and operation = 'startImport' order by id limit 1`,
    jobId,
  );
  const a = rows[0];
  if (!a || (a.actor_kind !== 'user' && a.actor_kind !== 'apiKey')) return ANONYMOUS;
  return { ...ANONYMOUS, kind: a.actor_kind, id: a.actor_id, role: a.role as Actor['role'], departmentId: a.department_id };
}

/**
 * Claims one RUNNING job whose lease has expired (`ignoreLease`: any RUNNING job not run by this process — for
 * embedded PGlite at start, when no other process can hold one) and takes its lease: attempts + 1, resumedAt,
 * a new lease owner, audited as resumeImport. The row is locked `FOR UPDATE SKIP LOCKED` and the expiry checked
 * again under the lock, so of several servers sweeping at once exactly one claims a job. A job that has had its
 * IMPORT_MAX_ATTEMPTS runs, or whose file is gone, is FAILED instead (failImport) and the search goes on.
 * Returns the claimed job, or null when there is none.
 */
export async function claimImportJob(opts: { ignoreLease?: boolean } = {}): Promise<ClaimedJob | null> {
  const ignore = !!opts.ignoreLease;
  const candidates = await prisma().$queryRawUnsafe<{ id: string }[]>(
    `select id::text as id from import_job where status = 'RUNNING' and (lease_until is null or lease_until < now() or $1) order by created_at limit 50`,
    ignore,
  );
  for (const { id } of candidates) {
    if (held.has(id)) continue;
    const actor = await resumeActor(id);
    const owner = randomUUID();
    const ctx: Ctx = { actor, requestId: `import-resume:${id}:${owner.slice(0, 8)}` };
    try {
      const claimed = await mutate(ctx, async (tx, audit) => {
        const [row] = await tx.$queryRawUnsafe<
          { kind: ImportKind; department_id: string; pool_id: string | null; file_name: string; all_or_nothing: boolean; created_at: Date; attempts: number; lease_until: Date | null; processed_rows: number; has_file: boolean; batches: number }[]
        >(
          `select kind, department_id::text, pool_id::text, file_name, all_or_nothing, created_at, attempts, lease_until, processed_rows,
                  exists (select 1 from import_file f where f.job_id = j.id) as has_file,
                  (select count(*)::int from import_batch b where b.job_id = j.id) as batches
             from import_job j
            where id = $1::uuid and status = 'RUNNING' and (lease_until is null or lease_until < now() or $2)
              for update skip locked`,
          id,
          ignore,
        );
        if (!row) throw new NotClaimed();
        if (!row.has_file || row.attempts >= IMPORT_MAX_ATTEMPTS) {
          const counts = await tx.importJob.findUniqueOrThrow({ where: { id }, select: { processedRows: true, insertedRows: true, updatedRows: true, unchangedRows: true, errorRows: true } });
          const why = !row.has_file
            ? { zh: '服务器中断后无法续跑（未保存导入文件）', en: 'cannot be resumed after the server stopped (the file was not kept)' }
            : { zh: `导入运行 ${row.attempts} 次仍未完成，已停止`, en: `the import did not finish in ${row.attempts} runs and was stopped` };
          const committed = `已提交：读取 ${counts.processedRows} 行，新增 ${counts.insertedRows}，更新 ${counts.updatedRows}，未变 ${counts.unchangedRows}，错误 ${counts.errorRows}；请重新导入同一文件补全（已导入的行不会重复）`;
          const committedEn = `committed: ${counts.processedRows} rows read, ${counts.insertedRows} inserted, ${counts.updatedRows} updated, ${counts.unchangedRows} unchanged, ${counts.errorRows} with errors; import the same file again to complete it (rows already in are not duplicated)`;
          await tx.importJob.update({ where: { id }, data: { status: 'FAILED', finishedAt: new Date(), leaseUntil: null, message: `${why.zh}。${committed} / ${why.en}; ${committedEn}` } });
          await discardRunState(tx, id);
          audit.record({ operation: 'failImport', entity: 'ImportJob', entityId: id, after: { status: 'FAILED', attempts: row.attempts, reason: row.has_file ? 'ATTEMPTS_EXHAUSTED' : 'FILE_NOT_KEPT' } });
          return null;
        }
        await tx.$executeRawUnsafe(
          `update import_job set lease_owner = $2::uuid, lease_until = ${LEASE_UNTIL('$3')}, attempts = attempts + 1, resumed_at = now() where id = $1::uuid`,
          id,
          owner,
          importLeaseMs(),
        );
        audit.record({
          operation: 'resumeImport',
          entity: 'ImportJob',
          entityId: id,
          after: { attempt: row.attempts + 1, allOrNothing: row.all_or_nothing, committedBatches: row.batches, processedRows: row.processed_rows, leaseExpiredAt: row.lease_until },
        });
        return row;
      });
      if (!claimed) continue;
      return {
        id,
        kind: claimed.kind,
        departmentId: claimed.department_id,
        poolId: claimed.pool_id,
        fileName: claimed.file_name,
        allOrNothing: claimed.all_or_nothing,
        createdAt: new Date(claimed.created_at),
        attempt: claimed.attempts + 1,
        owner,
        ctx,
      };
    } catch (e) {
      if (e instanceof NotClaimed) continue;
      throw e;
    }
  }
  return null;
}

/** Runs a claimed job again from its kept file; returns when the run ends (however it ends). */
export async function resumeClaimed(c: ClaimedJob): Promise<void> {
  const lease = holdLease(c.id, c.owner);
  const spec: KindSpec<string, unknown> = (c.kind === 'TARGETS' ? TARGETS : INSPECTORS) as unknown as KindSpec<string, unknown>;
  const labels = new Map<string, string>(spec.columns.map((x) => [x.field, x.label]));
  try {
    logger.info({ jobId: c.id, attempt: c.attempt, requestId: c.ctx.requestId }, 'resuming import');
    if (!c.poolId) {
      const gone = { field: 'poolId', reason: 'POOL_GONE', zh: '名录库已不存在', en: 'the pool no longer exists' };
      return await refuseJob(c.ctx, c.id, lease, labels, new Tally(), [gone], gone);
    }
    const file = await prisma().importFile.findUniqueOrThrow({ where: { jobId: c.id } });
    const buf = Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength);
    let source: RowSource;
    try {
      source = await openRows(buf, c.fileName);
    } catch (e) {
      if (!(e instanceof FileProblem)) throw e;
      return await refuseJob(c.ctx, c.id, lease, labels, new Tally(), [{ field: 'file', reason: e.reason, zh: e.zh, en: e.en }], e);
    }
    const poolIds = c.kind === 'TARGETS' ? await poolWithAncestors(prisma(), c.poolId) : [c.poolId];
    const done = new Map<number, BatchRecord>();
    if (!c.allOrNothing) for (const b of await prisma().importBatch.findMany({ where: { jobId: c.id } })) done.set(b.batchNo, b);
    const info: JobInfo = { id: c.id, departmentId: c.departmentId, poolId: c.poolId, poolIds, createdAt: c.createdAt };
    await run(c.ctx, spec, info, source, c.allOrNothing, lease, done);
  } catch (e) {
    await crashed(c.ctx, c.id, lease, e);
  } finally {
    dropLease(lease);
  }
}

let sweeping: Promise<number> | null = null;
let sweeper: NodeJS.Timeout | undefined;

/**
 * Claims every claimable job (claimImportJob) and resumes each in the background; returns how many it claimed.
 * Concurrent calls share one sweep.
 */
export function resumeImports(opts: { ignoreLease?: boolean } = {}): Promise<number> {
  sweeping ??= (async () => {
    let n = 0;
    try {
      for (let c = await claimImportJob(opts); c; c = await claimImportJob(opts)) {
        n++;
        void resumeClaimed(c);
      }
    } finally {
      sweeping = null;
    }
    return n;
  })();
  return sweeping;
}

/**
 * Called by main.ts once the database is open: resumes the jobs a stopped server left RUNNING — on embedded PGlite
 * all of them at once (one process owns the data directory), on PostgreSQL those whose lease has expired, now and
 * every IMPORT_LEASE_MS / 2 (another server's job is left alone while its lease is renewed).
 */
export async function startImportResumer(): Promise<number> {
  const resumed = await resumeImports({ ignoreLease: db().kind === 'pglite' });
  if (db().kind === 'postgres' && !sweeper) {
    sweeper = setInterval(() => {
      resumeImports().catch((err) => logger.error({ err }, 'import resume sweep failed'));
    }, Math.max(100, Math.floor(importLeaseMs() / 2)));
    sweeper.unref();
  }
  return resumed;
}

/**
 * Called on SIGINT/SIGTERM: stops sweeping and, on PostgreSQL, lets this server's leases expire now so another
 * server resumes its jobs at its next sweep (any batch this process still commits is checked against the lease).
 */
export async function stopImportResumer(): Promise<void> {
  clearInterval(sweeper);
  sweeper = undefined;
  const jobs = [...held.values()];
  for (const l of jobs) clearInterval(l.timer);
  if (jobs.length && db().kind === 'postgres')
    await db().raw.query(`update import_job set lease_until = now() where lease_owner = any($1::uuid[]) and status = 'RUNNING'`, [jobs.map((l) => l.owner)]);
}

// ───────────────────────────── reading jobs and reports ─────────────────────────────

export interface ErrorReport {
  fileName: string;
  contentType: string;
  base64: string;
  errorCount: number;
}

/**
 * The job's row errors as an XLSX file (错误报告): row number, field, reason, message, then the row as it was read.
 * Every text cell is escaped against formula injection. `job` must already be visible to the caller.
 */
export async function errorReport(job: { id: string; fileName: string }): Promise<ErrorReport> {
  const errors = await prisma().importRowError.findMany({ where: { jobId: job.id }, orderBy: [{ rowNumber: 'asc' }, { id: 'asc' }], take: IMPORT_LIMITS.maxStoredErrors });
  const rawHeadings: string[] = [];
  for (const e of errors) {
    const raw = e.raw as [string, string][] | null;
    if (!raw) continue;
    for (const [h] of raw) if (!rawHeadings.includes(h)) rawHeadings.push(h);
    if (rawHeadings.length >= 60) break;
  }
  const rawByRow = new Map<number, Map<string, string>>();
  for (const e of errors) if (e.raw && !rawByRow.has(e.rowNumber)) rawByRow.set(e.rowNumber, new Map(e.raw as [string, string][]));
  const rows = errors.map((e) => {
    const raw = rawByRow.get(e.rowNumber);
    return [e.rowNumber || null, e.field, e.reason, e.message, ...rawHeadings.map((h) => raw?.get(h) ?? null)];
  });
  const body = await writeXlsx([
    {
      name: '错误明细',
      columns: [
        { header: '行号 Row', width: 10 },
        { header: '字段 Field', width: 18 },
        { header: '原因 Reason', width: 24 },
        { header: '说明 Message', width: 60 },
        ...rawHeadings.map((h) => ({ header: h, width: 20 })),
      ],
      rows,
    },
  ]);
  const stem = job.fileName.replace(/\.(xlsx|csv|xlsm)$/i, '');
  return { fileName: `${stem}-错误报告.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: body.toString('base64'), errorCount: errors.length };
}
