// Bulk import of targets and inspectors from XLSX or CSV (批量导入): authorise → validate the file → create an
// ImportJob → stream the rows, check each one, write good rows in set-based batches → record the outcome.
//
// - Streaming: rows are read one by one (xlsx-reader.ts / csv-reader.ts) and written in batches of
//   IMPORT_LIMITS.batchRows, one statement per batch (target.rows.ts / inspector.rows.ts); while a batch is
//   being written the next one is parsed.
// - Idempotent: targets by USCC, inspectors by certificate number. Unchanged rows are not touched; re-importing a
//   file reports 0 inserted, 0 updated. A key repeated inside one file is an error on the later row.
// - allOrNothing = true: everything happens in ONE transaction; any bad row → nothing is written, the job is
//   FAILED and lists every bad row. allOrNothing = false: each batch commits on its own with its row errors;
//   the job ends SUCCEEDED (no bad rows), PARTIAL (some) or FAILED (no good row, or the file itself is unusable).
// - Progress: the job row's processedRows/totalRows. Per-batch imports update it in each batch's transaction;
//   all-or-nothing imports on PostgreSQL update it from a second connection (on embedded PGlite, which has one
//   connection, it moves at the end).
// - Every transaction records audit events (startImport, importBatch, finishImport / failImport).
// - Known limits: a job whose server stops mid-way stays RUNNING (nothing resumes it; its committed batches stay
//   in per-batch mode, nothing stays in all-or-nothing mode); on embedded PGlite an all-or-nothing import holds
//   the only connection, so other writes wait for it (up to Prisma's 10 s maxWait) — use per-batch mode there
//   for big files.
import { createHash } from 'node:crypto';
import { db, prisma } from '../../db/database.ts';
import type { Context } from '../../context.ts';
import type { ImportKind, ImportStatus } from '../../generated/prisma/enums.ts';
import { AppError, InputError } from '../../shared/errors.ts';
import { logger } from '../../shared/logger.ts';
import { mutate, type Tx } from '../../shared/mutation.ts';
import { requireId } from '../../shared/pagination.ts';
import { assertActsFor, poolWithAncestors } from '../pool/pool.service.ts';
import type { Problem } from '../pool/pool.rules.ts';
import { IMPORT_LIMITS } from './import.limits.ts';
import { checkInspectorRow, foreignCertificates, foreignProblem, INSPECTOR_COLUMNS, writeInspectors, type InspectorRow } from './inspector.rows.ts';
import { cellText, openRows, readHeader, RowCursor, writeXlsx, type Cell, type ColumnSpec, type RowSource } from './spreadsheet.ts';
import { checkTargetRow, TARGET_COLUMNS, targetOrder, writeTargets, type Cells, type TargetRow, type WriteCounts } from './target.rows.ts';
import { FileProblem } from './zip.ts';

// ───────────────────────────── what differs between targets and inspectors ─────────────────────────────

interface JobInfo {
  id: string;
  departmentId: string;
  poolId: string;
  /** the pool and its ancestors (targets join them all) */
  poolIds: string[];
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
  return (base.replace(/[\u0000-\u001f\u007f]/g, '').trim() || 'upload').slice(0, 200);
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

async function start<F extends string, R>(ctx: Context, spec: KindSpec<F, R>, target: Omit<JobInfo, 'id'>, file: unknown, opts: ImportOptions) {
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

  // persist: the job
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
      },
    });
    audit.record({ operation: 'startImport', entity: 'ImportJob', entityId: j.id, after: { kind: j.kind, poolId: j.poolId, fileName, fileSha256, bytes: buf.length, format: source.format, allOrNothing: opts.allOrNothing } });
    return j;
  });
  const info: JobInfo = { id: job.id, ...target };
  const running = run(ctx, spec, info, source, opts.allOrNothing).catch((e) => crashed(ctx, info, e));
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
  /** the job row's counters */
  summary() {
    return { processedRows: this.processed, insertedRows: this.inserted, updatedRows: this.updated, unchangedRows: this.unchanged, errorRows: this.errorRows };
  }
  /** what the audit trail records */
  audit() {
    return { ...this.summary(), addedToPool: this.addedToPool };
  }
}

/** Everything went wrong in an unexpected way: mark the job FAILED without leaking internals; log the details. */
async function crashed(ctx: Context, job: JobInfo, e: unknown) {
  logger.error({ requestId: ctx.requestId, jobId: job.id, err: e }, 'import failed');
  try {
    await mutate(ctx, async (tx, audit) => {
      await tx.importJob.update({
        where: { id: job.id },
        data: { status: 'FAILED', finishedAt: new Date(), message: `导入异常中止，请重试或联系管理员 / the import stopped unexpectedly (request ${ctx.requestId})` },
      });
      audit.record({ operation: 'failImport', entity: 'ImportJob', entityId: job.id, after: { status: 'FAILED', unexpected: true } });
    });
  } catch (e2) {
    logger.error({ jobId: job.id, err: e2 }, 'could not mark import job failed');
  }
}

const rawPairs = (headings: string[], values: Cell[]): [string, string][] =>
  headings
    .map((h, i) => [h || `列${i + 1}`, cellText(values[i]) ?? ''] as [string, string])
    .filter(([, v], i) => v !== '' || headings[i])
    .slice(0, 60)
    .map(([h, v]) => [h.slice(0, 100), v.slice(0, 500)]);

function toRowErrors(rowNumber: number, problems: readonly Problem[], raw: [string, string][] | null, labels: Map<string, string>): RowError[] {
  return problems.map((p, k) => {
    const label = labels.get(p.field) ?? p.field;
    return { rowNumber, field: p.field, reason: p.reason, message: `${label}：${p.zh} / ${p.field}: ${p.en}`, raw: k === 0 ? raw : null };
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

async function run<F extends string, R>(ctx: Context, spec: KindSpec<F, R>, job: JobInfo, source: RowSource, allOrNothing: boolean): Promise<void> {
  const labels = new Map<string, string>(spec.columns.map((c) => [c.field, c.label]));
  const today = new Date();
  /** the file's headings, known once the loop has read them (row errors quote the row under them) */
  let headings: string[] = [];

  /** Refuses the whole file (no header, unusable file): FAILED with the problems as row-0 errors. */
  const refuse = async (t: Tally, problems: readonly { field: string; reason: string; zh: string; en: string }[], extra: { zh: string; en: string }) => {
    await mutate(ctx, async (tx, audit) => {
      await storeErrors(tx, job.id, toRowErrors(0, problems, null, labels));
      await tx.importJob.update({
        where: { id: job.id },
        data: { status: 'FAILED', finishedAt: new Date(), ...t.summary(), message: summaryMessage(t, 'FAILED', extra) },
      });
      audit.record({ operation: 'failImport', entity: 'ImportJob', entityId: job.id, after: { status: 'FAILED', problems: problems.map((p) => p.reason) } });
    });
  };

  /**
   * The row loop, shared by both modes. `flush(rows, errors, final)` receives each full batch of good rows with the
   * row errors found since the previous flush; up to `concurrency` batches are written while the next is parsed.
   */
  const loop = async (
    t: Tally,
    flush: (rows: { row: R; rowNumber: number; values: Cell[] }[], errors: RowError[], final: boolean) => Promise<void>,
    concurrency: number,
  ) => {
    const cursor = new RowCursor(source.rows());
    const h = await readHeader(cursor, spec.columns, spec.keyField);
    if ('problems' in h) return { headerProblems: h.problems };
    const header = h.header;
    headings = header.headings;
    const col = new Map<string, number>(header.columns);
    // one reader pointed at each row in turn
    const cells = {
      values: [] as Cell[],
      get(f: F) {
        const i = col.get(f);
        return i === undefined ? undefined : this.values[i];
      },
    };
    const seen = new Map<string, number>();
    let batch: { row: R; rowNumber: number; values: Cell[] }[] = [];
    let errors: RowError[] = [];
    // batches being written while the next ones are parsed (at most `concurrency`)
    const inflight = new Set<Promise<void>>();
    let failure: unknown = null;
    const slot = async () => {
      while (inflight.size >= concurrency) await Promise.race(inflight);
      if (failure) throw failure;
    };
    try {
      for (;;) {
        const sheetRow = cursor.take();
        if (!sheetRow) {
          if (await cursor.fill()) continue;
          break;
        }
        const values = sheetRow.values;
        if (isBlank(values)) continue;
        t.processed++;
        if (t.processed > IMPORT_LIMITS.maxRows)
          throw new FileProblem('TOO_MANY_ROWS', `文件超过 ${IMPORT_LIMITS.maxRows} 行，请拆分后导入`, `more than ${IMPORT_LIMITS.maxRows} rows; split the file`);
        cells.values = values;
        const long = values.findIndex((v) => typeof v === 'string' && v.length > IMPORT_LIMITS.maxCellChars);
        const result: { row?: R; key?: string; problems: Problem[] } =
          long >= 0
            ? { problems: [{ field: header.headings[long] || `列${long + 1}`, reason: 'CELL_TOO_LONG', zh: `单元格超过 ${IMPORT_LIMITS.maxCellChars} 个字符`, en: `a cell exceeds ${IMPORT_LIMITS.maxCellChars} characters` }] }
            : spec.check(cells, source.date1904, today);
        if (!result.problems.length && result.key !== undefined) {
          const first = seen.get(result.key);
          if (first !== undefined)
            result.problems.push({ field: spec.keyField, reason: 'DUPLICATE_IN_FILE', zh: `与第 ${first} 行重复`, en: `repeats row ${first}` });
          else seen.set(result.key, sheetRow.rowNumber);
        }
        if (result.problems.length) {
          t.errorRows++;
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
          const rows = batch;
          const errs = errors;
          batch = [];
          errors = [];
          const p: Promise<void> = flush(rows, errs, false)
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
    await flush(batch, errors, true);
    return { headerProblems: null };
  };

  /** Writes one batch: screened rows become errors, the rest go through spec.write (in spec.order). */
  const writeBatch = async (tx: Tx, t: Tally, rows: { row: R; rowNumber: number; values: Cell[] }[], errors: RowError[]) => {
    let good = rows;
    if (spec.screen && rows.length) {
      const refused = await spec.screen(tx, rows.map((r) => r.row), job);
      if (refused.size) {
        good = [];
        for (const r of rows) {
          const p = refused.get(spec.keyOf(r.row));
          if (!p) good.push(r);
          else {
            t.errorRows++;
            if (t.storedErrors < IMPORT_LIMITS.maxStoredErrors) {
              t.storedErrors++;
              errors.push(...toRowErrors(r.rowNumber, [p], rawPairs(headings, r.values), labels));
            }
          }
        }
      }
    }
    if (good.length) {
      const sorted = good.map((r) => r.row).sort(spec.order);
      t.add(await spec.write(tx, sorted, job));
    }
  };

  const t = new Tally();
  try {
    if (allOrNothing) {
      await runAllOrNothing(ctx, spec, job, t, loop, writeBatch, refuse);
    } else {
      await runPerBatch(ctx, spec, job, t, loop, writeBatch, refuse);
    }
  } catch (e) {
    if (!(e instanceof FileProblem)) throw e;
    await refuse(t, [{ field: 'file', reason: e.reason, zh: e.zh, en: e.en }], { zh: e.zh, en: e.en });
  }
}

type Loop<R> = (
  t: Tally,
  flush: (rows: { row: R; rowNumber: number; values: Cell[] }[], errors: RowError[], final: boolean) => Promise<void>,
  concurrency: number,
) => Promise<{ headerProblems: readonly { field: string; reason: string; zh: string; en: string }[] | null }>;
type WriteBatch<R> = (tx: Tx, t: Tally, rows: { row: R; rowNumber: number; values: Cell[] }[], errors: RowError[]) => Promise<void>;
type Refuse = (t: Tally, problems: readonly { field: string; reason: string; zh: string; en: string }[], extra: { zh: string; en: string }) => Promise<void>;

const NO_HEADER = { zh: '未能识别标题行', en: 'no usable heading row' };

/**
 * Batches written at the same time in per-batch mode: two on PostgreSQL (its second core inserts while the first
 * does; measured on 2 cores: 1 → 12.6–22 s, 2 → 9.1–9.8 s, 3 → 10.3–11.5 s for the benchmark), one on PGlite
 * (one connection: more would only queue).
 */
const PARALLEL = () => (db().kind === 'postgres' ? 2 : 1);

/** Each batch commits on its own, with its row errors and the job's progress. */
async function runPerBatch<F extends string, R>(ctx: Context, spec: KindSpec<F, R>, job: JobInfo, t: Tally, loop: Loop<R>, writeBatch: WriteBatch<R>, refuse: Refuse) {
  let batchNo = 0;
  const r = await loop(t, async (rows, errors, final) => {
    const n = ++batchNo;
    const m0 = performance.now();
    await mutate(
      ctx,
      async (tx, audit) => {
        const before = { ...t.summary() };
        await writeBatch(tx, t, rows, errors);
        await storeErrors(tx, job.id, errors);
        const status: ImportStatus = !final ? 'RUNNING' : t.errorRows === 0 ? 'SUCCEEDED' : t.processed > t.errorRows ? 'PARTIAL' : 'FAILED';
        await tx.importJob.update({
          where: { id: job.id },
          data: { ...t.summary(), ...(final ? { status, totalRows: t.processed, finishedAt: new Date(), message: summaryMessage(t, status, t.processed ? undefined : { zh: '文件中没有数据行', en: 'the file has no data rows' }) } : {}) },
        });
        audit.record({
          operation: final ? 'finishImport' : 'importBatch',
          entity: 'ImportJob',
          entityId: job.id,
          after: { kind: spec.kind, batch: n, rows: rows.length, inserted: t.inserted - before.insertedRows, updated: t.updated - before.updatedRows, errors: errors.length, ...(final ? { status, ...t.audit() } : {}) },
        });
      },
      { timeoutMs: 120_000 },
    );
    logger.debug({ jobId: job.id, batch: n, rows: rows.length, ms: Math.round(performance.now() - m0) }, 'import batch');
  }, PARALLEL());
  if (r.headerProblems) await refuse(t, r.headerProblems, NO_HEADER);
}

class Rejected extends Error {}

/** One transaction for the whole file; any bad row rolls everything back and the job lists them all. */
async function runAllOrNothing<F extends string, R>(
  ctx: Context,
  spec: KindSpec<F, R>,
  job: JobInfo,
  t: Tally,
  loop: Loop<R>,
  writeBatch: WriteBatch<R>,
  refuse: Refuse,
) {
  // progress from a second connection: only where there is one (PostgreSQL), and never awaited inside the
  // transaction except once, before the transaction touches the job row itself
  const separateConnection = db().kind === 'postgres';
  let progress: Promise<unknown> = Promise.resolve();
  const report = () => {
    if (!separateConnection) return;
    const processed = t.processed;
    progress = progress
      .then(() => db().raw.query('update import_job set processed_rows = $2 where id = $1::uuid', [job.id, processed]))
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
        const r = await loop(t, async (rows, errs, final) => {
          errors.push(...errs);
          if (t.errorRows === 0) await writeBatch(tx, t, rows, errors);
          if (!final) report();
        }, 1);
        headerProblems = r.headerProblems;
        if (headerProblems) throw new Rejected();
        if (t.errorRows > 0) throw new Rejected();
        await progress;
        const status: ImportStatus = t.processed ? 'SUCCEEDED' : 'FAILED';
        await tx.importJob.update({
          where: { id: job.id },
          data: { ...t.summary(), status, totalRows: t.processed, finishedAt: new Date(), message: summaryMessage(t, status, t.processed ? undefined : { zh: '文件中没有数据行', en: 'the file has no data rows' }) },
        });
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
      await tx.importJob.update({
        where: { id: job.id },
        data: { ...t.summary(), status: 'FAILED', totalRows: t.processed, finishedAt: new Date(), message: summaryMessage(t, 'FAILED') },
      });
      audit.record({ operation: 'failImport', entity: 'ImportJob', entityId: job.id, after: { kind: spec.kind, allOrNothing: true, status: 'FAILED', errorRows: t.errorRows, rolledBack: written } });
    });
  }
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
