// Inspection records (联合抽查情况记录表): the header, item results, attachments, publication (公示) and corrections
// (更正). The rules of this workflow live here, each once; record.schema.ts only maps GraphQL onto these functions.
//
// Flow: a target of the task's LOCKED target draw gets one record. Any participating department (or the office)
// saves the header (first save: task DISPATCHED → INSPECTING); each department enters the results of its own task
// items ("谁检查、谁录入、谁公开"); a record is COMPLETE when every task item has a result, and when every record of
// the draw is complete the task is RESULTS_ENTERED. Each department publishes its part (Publication, due 20 working
// days after the inspection end); published results never change (service refuses PUBLISHED_IMMUTABLE, a database
// trigger backs it up) and feed the credit module. When every part of every record is published the task is
// PUBLISHED. A proven error is corrected beside the original with the department head's approval.
//
// Concurrency: every change to a record first locks its task row (lockTask / transitionTask), so completeness and
// "everything published" are computed by one transaction at a time and the task moves exactly once.
// The report rollup (report/report.rollup.ts) follows every write that changes a report figure — result entry,
// publication, an approved correction — in the same transaction: takeOut before the write, putBack after it.
import { createHash } from 'node:crypto';
import type { Context } from '../../context.ts';
import { prisma } from '../../db/database.ts';
import type { InspectionMethod, SignatureStatus, TaskStatus } from '../../generated/prisma/enums.ts';
import { AppError, InputError, NotFoundError } from '../../shared/errors.ts';
import { idempotent } from '../../shared/idempotency.ts';
import { ATTACHMENT_LIMITS } from '../../shared/limits.ts';
import { mutate, type Audit, type Tx } from '../../shared/mutation.ts';
import { findPage, requireId, type ListArgs } from '../../shared/pagination.ts';
import { formatDate } from '../../shared/scalars.ts';
import { requireUscc } from '../../shared/validation.ts';
import { CORRECTION_WORKING_DAYS, addWorkingDays, todayInChina } from '../../shared/working-days.ts';
import type { Actor } from '../access/actor.ts';
import { visibleWhere, withVisibility } from '../access/visibility.ts';
import { loadCalendarTx, publicationDueTx } from '../calendar/calendar.service.ts';
import { linkCreditForPublished, relinkCreditForCorrection, type PublishedResult } from '../credit/credit.service.ts';
import { TASK_STATUS_ZH, lockTask, transitionTask } from '../task/task.state.ts';
import { putBack, takeOut } from '../report/report.rollup.ts';
import { MAX_RESULT_CODE, MIN_RESULT_CODE, OFF_SITE_CODES, RESULT_CODES, resultCodeZh } from './result-codes.ts';
import type { GraphQLResolveInfo } from 'graphql';

type Ctx = Pick<Context, 'actor' | 'requestId'>;

const MAX_TEXT = 2000;
const MAX_NAME = 100;
const MAX_NOTE = 1000;
const MAX_RESULTS_PER_CALL = 500;

/** Task states in which records are entered and published (after the inspector draw, before closing). */
const ENTRY_STATES: TaskStatus[] = ['DISPATCHED', 'INSPECTING', 'RESULTS_ENTERED', 'PUBLISHED'];

// ───────────────────────── shared checks ─────────────────────────

const role = (a: Actor) => (a.kind === 'user' ? a.role : null);
const isOffice = (a: Actor) => role(a) === 'OFFICE_ADMIN';
const isDeptStaff = (a: Actor) => (role(a) === 'DEPARTMENT_ADMIN' || role(a) === 'INSPECTOR') && !!a.departmentId;

function text(field: string, value: string | null | undefined, max: number, required = false): string | null {
  const v = value?.trim() ?? '';
  if (!v) {
    if (required) throw new InputError(field, 'REQUIRED', { zh: '不能为空', en: 'must not be empty' });
    return null;
  }
  if (v.length > max) throw new InputError(field, 'TOO_LONG', { zh: `不能超过 ${max} 个字符`, en: `at most ${max} characters` });
  return v;
}

function checkCode(field: string, code: number, onSite: boolean): void {
  if (!Number.isInteger(code) || code < MIN_RESULT_CODE || code > MAX_RESULT_CODE)
    throw new InputError(field, 'RESULT_CODE_RANGE', {
      zh: `检查结果代码应为 ${MIN_RESULT_CODE}–${MAX_RESULT_CODE}（见记录表说明）`,
      en: `a result code is an integer from ${MIN_RESULT_CODE} to ${MAX_RESULT_CODE} (see the record form)`,
    });
  if (!onSite && !OFF_SITE_CODES.includes(code))
    throw new InputError(field, 'OFF_SITE_CODE', {
      zh: `未实地检查时只能录入结果 ${OFF_SITE_CODES.map((c) => `${c}（${RESULT_CODES[c]!.zh}）`).join('或')}`,
      en: `without a site visit only codes ${OFF_SITE_CODES.join(' and ')} (${OFF_SITE_CODES.map((c) => RESULT_CODES[c]!.en).join('; ')}) can be recorded`,
    });
}

interface TaskFacts {
  id: string;
  status: TaskStatus;
  windowStart: Date;
  windowEnd: Date;
  inspectionEndOn: Date;
  publicationDueOn: Date | null;
  participants: string[];
  /** departments with task items: the "parts" of each record */
  parts: string[];
  targetDrawId: string | null;
}

/** Locks the task row (serialises every record change of the task) and reads what the record rules need. */
async function lockTaskFacts(tx: Tx, taskId: string): Promise<TaskFacts> {
  await lockTask(tx, taskId);
  const task = await tx.task.findUniqueOrThrow({
    where: { id: taskId },
    select: {
      id: true,
      status: true,
      windowStart: true,
      windowEnd: true,
      inspectionEndOn: true,
      publicationDueOn: true,
      participants: { select: { departmentId: true } },
      items: { select: { departmentId: true } },
      draws: { where: { kind: 'TARGET', status: 'LOCKED' }, select: { id: true } },
    },
  });
  return {
    ...task,
    participants: task.participants.map((p) => p.departmentId),
    parts: [...new Set(task.items.map((i) => i.departmentId))].sort(),
    targetDrawId: task.draws[0]?.id ?? null,
  };
}

function assertEntryState(task: TaskFacts): void {
  if (!ENTRY_STATES.includes(task.status) || !task.targetDrawId)
    throw new AppError(
      'INVALID_TRANSITION',
      {
        zh: `任务状态为“${TASK_STATUS_ZH[task.status]}”，派发检查人员后、办结前才能录入检查记录`,
        en: `the task is ${task.status}; records are entered after the inspector draw (DISPATCHED) and before the task is closed`,
      },
      { current: task.status, reason: 'TASK_STATUS' },
    );
}

/** The office, or staff (admin, inspector) of a department that takes part in the task. */
function assertParticipantStaff(actor: Actor, task: TaskFacts): void {
  if (isOffice(actor)) return;
  if (isDeptStaff(actor) && task.participants.includes(actor.departmentId!)) return;
  throw new AppError(
    'FORBIDDEN',
    { zh: '只有参与该任务的部门或联席会议办公室可以填写检查记录', en: 'only the departments taking part in the task, or the office, fill in its records' },
    { reason: 'NOT_PARTICIPANT' },
  );
}

function publishedImmutable(what: Record<string, unknown>): AppError {
  return new AppError(
    'PUBLISHED_IMMUTABLE',
    {
      zh: '已公示的检查结果不能修改；如确有错误，请由本部门申请更正并经部门负责人批准',
      en: 'published results cannot be changed; a proven error is corrected by a correction request approved by the department head',
    },
    { reason: 'PUBLISHED_IMMUTABLE', ...what },
  );
}

async function publishedPartCount(tx: Tx, recordId: string): Promise<number> {
  return tx.publication.count({ where: { recordId } });
}

// ───────────────────────── record header ─────────────────────────

export interface SaveRecordInput {
  taskId: string;
  targetId: string;
  inspectorIds: string[];
  inspectedOn: Date;
  methods: InspectionMethod[];
  onSite: boolean;
  disposalOpinion?: string | null;
  remarks?: string | null;
  signatureStatus: SignatureStatus;
  signatoryName?: string | null;
  refusalNote?: string | null;
}

function validateHeader(input: SaveRecordInput, now: Date) {
  const taskId = requireId('taskId', input.taskId);
  const targetId = requireId('targetId', input.targetId);
  const inspectorIds = [...new Set(input.inspectorIds.map((id, i) => requireId(`inspectorIds[${i}]`, id)))];
  if (!inspectorIds.length) throw new InputError('inspectorIds', 'REQUIRED', { zh: '请填写到场的执法检查人员', en: 'name the inspectors who were present' });
  const methods = [...new Set(input.methods)];
  if (!methods.length) throw new InputError('methods', 'REQUIRED', { zh: '请选择检查方式', en: 'choose at least one inspection method' });
  if (input.inspectedOn > todayInChina(now))
    throw new InputError('inspectedOn', 'IN_FUTURE', { zh: '检查日期不能晚于今天', en: 'the inspection date cannot be in the future' });
  let signatoryName: string | null = null;
  let refusalNote: string | null = null;
  if (input.signatureStatus === 'SIGNED') signatoryName = text('signatoryName', input.signatoryName, MAX_NAME, true);
  else if (input.signatureStatus === 'REFUSED') refusalNote = text('refusalNote', input.refusalNote, MAX_TEXT, true);
  if (input.signatureStatus !== 'SIGNED' && input.signatoryName?.trim())
    throw new InputError('signatoryName', 'NOT_SIGNED', { zh: '签字状态不是“已签字”时不填签字人', en: 'a signatory is named only when the record is SIGNED' });
  if (input.signatureStatus !== 'REFUSED' && input.refusalNote?.trim())
    throw new InputError('refusalNote', 'NOT_REFUSED', { zh: '签字状态不是“拒绝签字”时不填拒签说明', en: 'a refusal note belongs to a REFUSED signature only' });
  return {
    taskId,
    targetId,
    inspectorIds,
    data: {
      inspectedOn: input.inspectedOn,
      methods,
      onSite: input.onSite,
      disposalOpinion: text('disposalOpinion', input.disposalOpinion, MAX_TEXT),
      remarks: text('remarks', input.remarks, MAX_TEXT),
      signatureStatus: input.signatureStatus,
      signatoryName,
      refusalNote,
    },
  };
}

/**
 * Saves the header of a target's record as a draft (creates it on first save). REFUSED = the target refused to
 * sign and the inspectors signed with a note (拒绝签字，由检查人员签字并注明).
 */
export async function saveRecord(ctx: Ctx, input: SaveRecordInput, idempotencyKey?: string | null): Promise<{ recordId: string }> {
  const now = new Date();
  const v = validateHeader(input, now);
  return mutate(ctx, (tx, audit) =>
    idempotent(tx, audit, ctx.actor, { key: idempotencyKey, operation: 'saveRecord', input: { ...v } }, async () => {
      const task = await lockTaskFacts(tx, v.taskId);
      assertParticipantStaff(ctx.actor, task);
      assertEntryState(task);
      const drawn = await tx.drawTarget.findUnique({ where: { drawId_targetId: { drawId: task.targetDrawId!, targetId: v.targetId } }, select: { targetId: true } });
      if (!drawn)
        throw new InputError('targetId', 'NOT_DRAWN', { zh: '该检查对象不在本任务锁定的抽取名单中', en: 'this target is not on the task\'s locked target list' });
      if (v.data.inspectedOn < task.windowStart || v.data.inspectedOn > task.windowEnd)
        throw new InputError('inspectedOn', 'OUTSIDE_WINDOW', {
          zh: `检查日期应在任务执行期内（${formatDate(task.windowStart)} 至 ${formatDate(task.windowEnd)}）`,
          en: `the inspection date lies in the task window (${formatDate(task.windowStart)} to ${formatDate(task.windowEnd)})`,
        });
      const assigned = await tx.$queryRaw<{ id: string }[]>`
        select distinct a.inspector_id::text as id from inspector_assignment a join draw d on d.id = a.draw_id and d.status = 'LOCKED'
         where a.task_id = ${task.id}::uuid and a.inspector_id = any(${v.inspectorIds}::uuid[])`;
      const assignedIds = new Set(assigned.map((a) => a.id));
      const stranger = v.inspectorIds.findIndex((id) => !assignedIds.has(id));
      if (stranger >= 0)
        throw new InputError(`inspectorIds[${stranger}]`, 'NOT_ASSIGNED', {
          zh: '该执法检查人员未被随机匹配到本任务',
          en: 'this inspector was not matched to the task by its inspector draw',
        });

      const before = await tx.inspectionRecord.findUnique({ where: { taskId_targetId: { taskId: task.id, targetId: v.targetId } }, include: { inspectors: true } });
      if (before) {
        if ((await publishedPartCount(tx, before.id)) >= task.parts.length) throw publishedImmutable({ recordId: before.id });
        if (!v.data.onSite) {
          const onSiteOnly = await tx.itemResult.findFirst({ where: { recordId: before.id, code: { notIn: [...OFF_SITE_CODES] } }, select: { code: true } });
          if (onSiteOnly)
            throw new InputError('onSite', 'RESULTS_NEED_SITE_VISIT', {
              zh: `已录入的结果 ${onSiteOnly.code} 需要实地检查；请先修改结果`,
              en: `an entered result (code ${onSiteOnly.code}) needs a site visit; change the results first`,
            });
        }
      }
      const record = before
        ? await tx.inspectionRecord.update({ where: { id: before.id }, data: v.data })
        : await tx.inspectionRecord.create({ data: { ...v.data, taskId: task.id, targetId: v.targetId, drawId: task.targetDrawId } });
      await tx.recordInspector.deleteMany({ where: { recordId: record.id } });
      await tx.recordInspector.createMany({ data: v.inspectorIds.map((inspectorId) => ({ recordId: record.id, inspectorId })) });
      const snapshot = (r: typeof record, inspectors: string[]) => ({
        inspectedOn: r.inspectedOn ? formatDate(r.inspectedOn) : null,
        methods: r.methods,
        onSite: r.onSite,
        disposalOpinion: r.disposalOpinion,
        remarks: r.remarks,
        signatureStatus: r.signatureStatus,
        signatoryName: r.signatoryName,
        refusalNote: r.refusalNote,
        inspectorIds: [...inspectors].sort(),
      });
      audit.record({
        operation: before ? 'updateRecord' : 'createRecord',
        entity: 'InspectionRecord',
        entityId: record.id,
        before: before ? snapshot(before, before.inspectors.map((i) => i.inspectorId)) : null,
        after: { taskId: task.id, targetId: v.targetId, ...snapshot(record, v.inspectorIds) },
      });
      if (task.status === 'DISPATCHED') await transitionTask(tx, task.id, 'INSPECTING', audit, { reason: `first record ${record.id} saved` });
      return { recordId: record.id };
    }),
  );
}

// ───────────────────────── item results ─────────────────────────

export interface ItemResultInput {
  checkItemId: string;
  code: number;
  note?: string | null;
}

/** Locks the record's task and reads the record (NOT_FOUND / FORBIDDEN / state checks shared by results and files). */
async function lockRecord(tx: Tx, actor: Actor, recordId: string) {
  const found = await tx.inspectionRecord.findUnique({ where: { id: recordId }, select: { taskId: true } });
  if (!found) throw new NotFoundError('检查记录', recordId);
  const task = await lockTaskFacts(tx, found.taskId);
  assertParticipantStaff(actor, task);
  const record = await tx.inspectionRecord.findUniqueOrThrow({ where: { id: recordId } });
  return { task, record };
}

/**
 * A department enters (or changes) the results of its own task items on a record. The office may enter them for
 * any department. Completing the record, and then the whole draw, moves the record and the task on.
 */
export async function enterItemResults(ctx: Ctx, recordId: string, results: ItemResultInput[], idempotencyKey?: string | null): Promise<{ recordId: string }> {
  const id = requireId('recordId', recordId);
  if (!results.length) throw new InputError('results', 'REQUIRED', { zh: '请至少录入一项结果', en: 'enter at least one result' });
  if (results.length > MAX_RESULTS_PER_CALL)
    throw new InputError('results', 'TOO_MANY', { zh: `每次至多录入 ${MAX_RESULTS_PER_CALL} 项`, en: `at most ${MAX_RESULTS_PER_CALL} results per call` });
  const rows = results.map((r, i) => ({ checkItemId: requireId(`results[${i}].checkItemId`, r.checkItemId), code: r.code, note: text(`results[${i}].note`, r.note, MAX_NOTE) }));
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    if (seen.has(r.checkItemId)) throw new InputError(`results[${i}].checkItemId`, 'DUPLICATE', { zh: '同一事项重复录入', en: 'the same check item appears twice' });
    seen.add(r.checkItemId);
  });
  return mutate(ctx, (tx, audit) =>
    idempotent(tx, audit, ctx.actor, { key: idempotencyKey, operation: 'enterItemResults', input: { recordId: id, results: rows } }, async () => {
      const { task, record } = await lockRecord(tx, ctx.actor, id);
      assertEntryState(task);
      const items = await tx.taskItem.findMany({ where: { taskId: task.id, checkItemId: { in: rows.map((r) => r.checkItemId) } }, select: { checkItemId: true, departmentId: true } });
      const deptOf = new Map(items.map((i) => [i.checkItemId, i.departmentId]));
      rows.forEach((r, i) => {
        const dept = deptOf.get(r.checkItemId);
        if (!dept)
          throw new InputError(`results[${i}].checkItemId`, 'NOT_TASK_ITEM', { zh: '该事项不是本任务的抽查事项', en: 'this check item is not an item of the task' });
        // department isolation (谁检查、谁录入): staff write their own department's items only
        if (!isOffice(ctx.actor) && dept !== ctx.actor.departmentId)
          throw new AppError(
            'FORBIDDEN',
            { zh: '只能录入本部门抽查事项的结果', en: 'a department enters the results of its own check items only' },
            { field: `results[${i}].checkItemId`, reason: 'OTHER_DEPARTMENT_ITEM' },
          );
        checkCode(`results[${i}].code`, r.code, record.onSite);
      });
      const existing = await tx.itemResult.findMany({ where: { recordId: id, checkItemId: { in: rows.map((r) => r.checkItemId) } } });
      const published = existing.find((e) => e.publicationId);
      if (published) throw publishedImmutable({ recordId: id, itemResultId: published.id, field: `results[${rows.findIndex((r) => r.checkItemId === published.checkItemId)}]` });
      const byItem = new Map(existing.map((e) => [e.checkItemId, e]));
      // the report rollup: the record's contribution out before the write, back in after it (report.rollup.ts)
      await takeOut(tx, { recordIds: [id] });
      // one statement for the whole set; the conflict branch never touches a published row (refused above, trigger below)
      await tx.$executeRaw`
        insert into item_result (record_id, department_id, check_item_id, code, note, entered_by, entered_at)
        select ${id}::uuid, ti.department_id, u.check_item_id, u.code, u.note, ${ctx.actor.id}::uuid, now()
          from unnest(${rows.map((r) => r.checkItemId)}::uuid[], ${rows.map((r) => r.code)}::int[], ${rows.map((r) => r.note)}::text[]) as u(check_item_id, code, note)
          join task_item ti on ti.task_id = ${task.id}::uuid and ti.check_item_id = u.check_item_id
        on conflict (record_id, check_item_id) do update
          set code = excluded.code, note = excluded.note, entered_by = excluded.entered_by, entered_at = excluded.entered_at
          where item_result.publication_id is null`;
      await putBack(tx, { recordIds: [id] });
      audit.record({
        operation: 'enterItemResults',
        entity: 'InspectionRecord',
        entityId: id,
        before: Object.fromEntries(rows.filter((r) => byItem.has(r.checkItemId)).map((r) => [r.checkItemId, { code: byItem.get(r.checkItemId)!.code, note: byItem.get(r.checkItemId)!.note }])),
        after: Object.fromEntries(rows.map((r) => [r.checkItemId, { code: r.code, note: r.note, departmentId: deptOf.get(r.checkItemId) }])),
      });
      await settleCompleteness(tx, audit, task, id);
      return { recordId: id };
    }),
  );
}

/** COMPLETE = every task item of every participant has a result; every record of the draw complete → RESULTS_ENTERED. */
async function settleCompleteness(tx: Tx, audit: Audit, task: TaskFacts, recordId: string): Promise<void> {
  const [c] = await tx.$queryRaw<{ items: number; results: number; status: string }[]>`
    select (select count(*) from task_item where task_id = ${task.id}::uuid)::int as items,
           (select count(*) from item_result where record_id = ${recordId}::uuid)::int as results,
           (select status::text from inspection_record where id = ${recordId}::uuid) as status`;
  if (!c || c.results < c.items || c.status === 'COMPLETE') return;
  const completedAt = new Date();
  await tx.inspectionRecord.update({ where: { id: recordId }, data: { status: 'COMPLETE', completedAt } });
  audit.record({ operation: 'completeRecord', entity: 'InspectionRecord', entityId: recordId, before: { status: 'DRAFT' }, after: { status: 'COMPLETE', completedAt } });
  const [d] = await tx.$queryRaw<{ targets: number; complete: number }[]>`
    select count(*)::int as targets, count(r.id) filter (where r.status = 'COMPLETE')::int as complete
      from draw_target dt left join inspection_record r on r.task_id = ${task.id}::uuid and r.target_id = dt.target_id
     where dt.draw_id = ${task.targetDrawId}::uuid`;
  if (d && d.targets > 0 && d.complete === d.targets && task.status === 'INSPECTING')
    await transitionTask(tx, task.id, 'RESULTS_ENTERED', audit, { reason: 'every record of the locked target draw is complete' });
}

// ───────────────────────── attachments ─────────────────────────

/** What Yoga hands over for the `File` scalar (a Web File). */
export interface Upload {
  name: string;
  size: number;
  type?: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

const isUpload = (f: unknown): f is Upload =>
  !!f && typeof f === 'object' && typeof (f as Upload).arrayBuffer === 'function' && typeof (f as Upload).size === 'number';

/** Allowed types by extension, with the magic bytes their content must start with (declared types are not trusted). */
const ATTACHMENT_TYPES: Record<string, { mime: string; magic: number[] }> = {
  pdf: { mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  jpg: { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  png: { mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: [0x50, 0x4b, 0x03, 0x04] },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [0x50, 0x4b, 0x03, 0x04] },
};
export const ATTACHMENT_EXTENSIONS = Object.keys(ATTACHMENT_TYPES);

function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return base.slice(-ATTACHMENT_LIMITS.maxFileNameLength) || 'attachment';
}

async function readAttachment(file: unknown) {
  if (!isUpload(file))
    throw new InputError('file', 'FILE_REQUIRED', { zh: '请以 multipart 请求上传文件', en: 'send the file as a GraphQL multipart upload' });
  if (file.size === 0) throw new InputError('file', 'FILE_EMPTY', { zh: '文件为空', en: 'the file is empty' });
  const max = ATTACHMENT_LIMITS.maxFileBytes;
  if (file.size > max)
    throw new InputError('file', 'FILE_TOO_LARGE', { zh: `附件不能超过 ${max / 1024 / 1024} MiB`, en: `an attachment is at most ${max / 1024 / 1024} MiB` });
  const fileName = cleanFileName(file.name);
  const ext = fileName.includes('.') ? fileName.split('.').pop()!.toLowerCase() : '';
  const type = ATTACHMENT_TYPES[ext];
  if (!type)
    throw new InputError('file', 'FILE_TYPE', {
      zh: `只接受 ${ATTACHMENT_EXTENSIONS.join('、')} 文件`,
      en: `only ${ATTACHMENT_EXTENSIONS.join(', ')} files are accepted`,
    });
  const declared = (file.type ?? '').split(';')[0]!.trim().toLowerCase();
  if (declared && declared !== 'application/octet-stream' && declared !== type.mime)
    throw new InputError('file', 'FILE_TYPE_MISMATCH', { zh: `文件类型（${declared}）与扩展名 .${ext} 不符`, en: `the declared type ${declared} does not match .${ext}` });
  const content = Buffer.from(await file.arrayBuffer());
  if (content.length > max)
    throw new InputError('file', 'FILE_TOO_LARGE', { zh: `附件不能超过 ${max / 1024 / 1024} MiB`, en: `an attachment is at most ${max / 1024 / 1024} MiB` });
  if (!type.magic.every((b, i) => content[i] === b))
    throw new InputError('file', 'FILE_CONTENT', { zh: `文件内容不是 .${ext} 格式`, en: `the content is not a .${ext} file` });
  return { fileName, mimeType: type.mime, size: content.length, sha256: createHash('sha256').update(content).digest('hex'), content };
}

/** Attaches a file (scanned signed form, photo, document) to a record; content, size and SHA-256 are stored. */
export async function uploadAttachment(ctx: Ctx, recordId: string, file: unknown, idempotencyKey?: string | null): Promise<{ attachmentId: string }> {
  const id = requireId('recordId', recordId);
  const f = await readAttachment(file);
  return mutate(ctx, (tx, audit) =>
    idempotent(tx, audit, ctx.actor, { key: idempotencyKey, operation: 'uploadAttachment', input: { recordId: id, fileName: f.fileName, size: f.size, sha256: f.sha256 } }, async () => {
      const { task } = await lockRecord(tx, ctx.actor, id);
      assertEntryState(task);
      const row = await tx.attachment.create({
        data: { recordId: id, fileName: f.fileName, mimeType: f.mimeType, size: f.size, sha256: f.sha256, content: f.content, uploadedBy: ctx.actor.id },
        select: { id: true },
      });
      audit.record({ operation: 'uploadAttachment', entity: 'Attachment', entityId: row.id, after: { recordId: id, fileName: f.fileName, mimeType: f.mimeType, size: f.size, sha256: f.sha256 } });
      return { attachmentId: row.id };
    }),
  );
}

export type AttachmentDownload =
  | { status: 200; fileName: string; mimeType: string; size: number; sha256: string; content: Uint8Array }
  | { status: 401 | 403 | 404; code: string; message: string };

/**
 * GET /attachments/:id — staff only (office, and the departments of the record's task: the record's row rule);
 * never anonymous callers, partner keys or analysts (attachments are staff-only, like InspectionRecord.attachments).
 */
export async function attachmentForDownload(actor: Actor, id: string): Promise<AttachmentDownload> {
  if (actor.kind === 'anonymous') return { status: 401, code: 'UNAUTHENTICATED', message: '请先登录 / sign in first' };
  if (!isOffice(actor) && !isDeptStaff(actor)) return { status: 403, code: 'FORBIDDEN', message: '附件仅供工作人员查看 / attachments are for staff only' };
  let attachmentId: string;
  try {
    attachmentId = requireId('id', id);
  } catch {
    return { status: 404, code: 'NOT_FOUND', message: '未找到附件 / no such attachment' };
  }
  const row = await prisma().attachment.findFirst({
    where: { id: attachmentId, record: visibleWhere('InspectionRecord', actor) ?? {} },
    select: { fileName: true, mimeType: true, size: true, sha256: true, content: true },
  });
  if (row?.content) return { status: 200, fileName: row.fileName, mimeType: row.mimeType, size: row.size, sha256: row.sha256, content: row.content };
  if (!row && (await prisma().attachment.count({ where: { id: attachmentId } })))
    return { status: 403, code: 'FORBIDDEN', message: '无权查看该附件 / not allowed to see this attachment' };
  return { status: 404, code: 'NOT_FOUND', message: '未找到附件 / no such attachment' };
}

// ───────────────────────── publication ─────────────────────────

/** Which department's part: staff publish their own; the office names the department it publishes for. */
function partDepartment(actor: Actor, departmentId: string | null | undefined): string {
  if (isOffice(actor)) {
    if (!departmentId)
      throw new InputError('departmentId', 'REQUIRED', { zh: '联席会议办公室代为公示时须指定部门', en: 'the office names the department whose part it publishes' });
    return requireId('departmentId', departmentId);
  }
  const own = actor.departmentId;
  if (!own || (departmentId && requireId('departmentId', departmentId) !== own))
    throw new AppError('FORBIDDEN', { zh: '只能公示本部门的检查结果', en: 'a department publishes its own part only' }, { field: 'departmentId', reason: 'OTHER_DEPARTMENT' });
  return own;
}

/**
 * Publishes one department's part of the given records (or of every record whose part is complete), set-based:
 * one INSERT … SELECT creates the publications and one UPDATE links their results. Then credit linkage, and the
 * task moves to PUBLISHED when every part of every record is published.
 */
async function publishParts(tx: Tx, audit: Audit, actor: Actor, task: TaskFacts, departmentId: string, recordIds: string[] | null): Promise<string[]> {
  const now = new Date();
  const dueOn = task.publicationDueOn ?? (await publicationDueTx(tx, task.inspectionEndOn));
  const onTime = todayInChina(now) <= dueOn;
  const itemCount = (await tx.taskItem.count({ where: { taskId: task.id, departmentId } })) | 0;
  const rollup = recordIds ? { recordIds } : { taskIds: [task.id] };
  await takeOut(tx, rollup);
  const published = await tx.$queryRaw<{ publicationId: string; recordId: string; itemResultId: string; targetId: string; code: number }[]>`
    with parts as (
      select r.id from inspection_record r
       where r.task_id = ${task.id}::uuid
         and (${recordIds}::uuid[] is null or r.id = any(${recordIds}::uuid[]))
         and not exists (select 1 from publication p where p.record_id = r.id and p.department_id = ${departmentId}::uuid)
         and (select count(*) from item_result ir where ir.record_id = r.id and ir.department_id = ${departmentId}::uuid) = ${itemCount}::int
    ), pub as (
      insert into publication (record_id, department_id, published_at, due_on, on_time, published_by)
      select id, ${departmentId}::uuid, ${now}, ${formatDate(dueOn)}::date, ${onTime}, ${actor.id}::uuid from parts
      returning id, record_id
    ), linked as (
      update item_result ir set publication_id = pub.id from pub
       where ir.record_id = pub.record_id and ir.department_id = ${departmentId}::uuid and ir.publication_id is null
      returning ir.id, ir.record_id, ir.code, pub.id as publication_id
    )
    select l.publication_id::text as "publicationId", l.record_id::text as "recordId", l.id::text as "itemResultId", r.target_id::text as "targetId", l.code
      from linked l join inspection_record r on r.id = l.record_id
     order by l.record_id, l.id`;
  await putBack(tx, rollup);
  const byPublication = new Map<string, { recordId: string; results: { id: string; code: number }[] }>();
  for (const p of published) {
    const entry = byPublication.get(p.publicationId) ?? { recordId: p.recordId, results: [] };
    entry.results.push({ id: p.itemResultId, code: p.code });
    byPublication.set(p.publicationId, entry);
  }
  for (const [publicationId, p] of byPublication)
    audit.record({
      operation: 'publishRecordPart',
      entity: 'Publication',
      entityId: publicationId,
      after: { recordId: p.recordId, departmentId, publishedAt: now, dueOn: formatDate(dueOn), onTime, results: p.results },
    });
  if (published.length) {
    const results: PublishedResult[] = published.map((p) => ({ itemResultId: p.itemResultId, targetId: p.targetId, departmentId, taskId: task.id, code: p.code }));
    await linkCreditForPublished(tx, audit, results, now);
  }
  const [all] = await tx.$queryRaw<{ expected: number; published: number }[]>`
    select (select count(*) from draw_target where draw_id = ${task.targetDrawId}::uuid)::int * ${task.parts.length}::int as expected,
           (select count(*) from publication p join inspection_record r on r.id = p.record_id
             where r.task_id = ${task.id}::uuid and r.draw_id = ${task.targetDrawId}::uuid)::int as published`;
  if (all && all.expected > 0 && all.published >= all.expected && task.status === 'RESULTS_ENTERED')
    await transitionTask(tx, task.id, 'PUBLISHED', audit, { reason: 'every part of every record is published' });
  return [...byPublication.keys()];
}

function assertPublishState(task: TaskFacts): void {
  assertEntryState(task);
  if (task.status === 'DISPATCHED' || task.status === 'PUBLISHED')
    throw new AppError(
      'INVALID_TRANSITION',
      { zh: `任务状态为“${TASK_STATUS_ZH[task.status]}”，无可公示的结果`, en: `the task is ${task.status}: there is nothing to publish` },
      { current: task.status, reason: 'TASK_STATUS' },
    );
}

/** A department publishes its part of one record: every one of its items must have a result. */
export async function publishRecordPart(ctx: Ctx, recordId: string, departmentId?: string | null, idempotencyKey?: string | null): Promise<{ publicationId: string }> {
  const id = requireId('recordId', recordId);
  const dept = partDepartment(ctx.actor, departmentId);
  return mutate(ctx, (tx, audit) =>
    idempotent(tx, audit, ctx.actor, { key: idempotencyKey, operation: 'publishRecordPart', input: { recordId: id, departmentId: dept } }, async () => {
      const { task } = await lockRecord(tx, ctx.actor, id);
      assertPublishState(task);
      if (!task.parts.includes(dept))
        throw new InputError('departmentId', 'NO_PART', { zh: '该部门在本任务中没有抽查事项', en: 'this department has no check items in the task' });
      const existing = await tx.publication.findUnique({ where: { recordId_departmentId: { recordId: id, departmentId: dept } }, select: { id: true } });
      if (existing)
        throw new AppError('CONFLICT', { zh: '本部门的结果已公示', en: 'this department\'s part is already published' }, { reason: 'ALREADY_PUBLISHED', publicationId: existing.id });
      const missing = await tx.$queryRaw<{ name: string }[]>`
        select ci.name from task_item ti join check_item ci on ci.id = ti.check_item_id
         where ti.task_id = ${task.id}::uuid and ti.department_id = ${dept}::uuid
           and not exists (select 1 from item_result ir where ir.record_id = ${id}::uuid and ir.check_item_id = ti.check_item_id)
         order by ci.code limit 10`;
      if (missing.length)
        throw new AppError(
          'CONFLICT',
          { zh: `以下事项尚未录入结果：${missing.map((m) => m.name).join('、')}`, en: `results are missing for: ${missing.map((m) => m.name).join(', ')}` },
          { reason: 'RESULTS_MISSING', items: missing.map((m) => m.name) },
        );
      const [publicationId] = await publishParts(tx, audit, ctx.actor, task, dept, [id]);
      if (!publicationId) throw new Error(`publishRecordPart: nothing published for record ${id}`);
      return { publicationId };
    }),
  );
}

/** Batch: a department publishes its part of every record of the task where that part is complete and unpublished. */
export async function publishTaskPart(ctx: Ctx, taskId: string, departmentId?: string | null, idempotencyKey?: string | null): Promise<{ publicationIds: string[] }> {
  const id = requireId('taskId', taskId);
  const dept = partDepartment(ctx.actor, departmentId);
  return mutate(ctx, (tx, audit) =>
    idempotent(tx, audit, ctx.actor, { key: idempotencyKey, operation: 'publishTaskPart', input: { taskId: id, departmentId: dept } }, async () => {
      const exists = await tx.task.count({ where: { id } });
      if (!exists) throw new NotFoundError('抽查任务', id);
      const task = await lockTaskFacts(tx, id);
      assertParticipantStaff(ctx.actor, task);
      assertPublishState(task);
      if (!task.parts.includes(dept))
        throw new InputError('departmentId', 'NO_PART', { zh: '该部门在本任务中没有抽查事项', en: 'this department has no check items in the task' });
      const publicationIds = await publishParts(tx, audit, ctx.actor, task, dept, null);
      if (!publicationIds.length)
        throw new AppError('CONFLICT', { zh: '没有可公示的记录（本部门结果未录齐或已公示）', en: 'nothing to publish: no record has this department\'s part complete and unpublished' }, { reason: 'NOTHING_TO_PUBLISH' });
      return { publicationIds };
    }),
  );
}

// ───────────────────────── corrections ─────────────────────────

/** The department that owns a published result asks to correct it (one open request per result). */
export async function requestCorrection(
  ctx: Ctx,
  input: { itemResultId: string; newCode: number; newNote?: string | null; reason: string },
  idempotencyKey?: string | null,
): Promise<{ correctionId: string }> {
  const itemResultId = requireId('itemResultId', input.itemResultId);
  const reason = text('reason', input.reason, MAX_TEXT, true)!;
  const newNote = text('newNote', input.newNote, MAX_NOTE);
  const now = new Date();
  return mutate(ctx, (tx, audit) =>
    idempotent(tx, audit, ctx.actor, { key: idempotencyKey, operation: 'requestCorrection', input: { itemResultId, newCode: input.newCode, newNote, reason } }, async () => {
      const locked = await tx.$queryRaw<{ id: string }[]>`select id::text from item_result where id = ${itemResultId}::uuid for update`;
      if (!locked.length) throw new NotFoundError('检查结果', itemResultId);
      const result = await tx.itemResult.findUniqueOrThrow({
        where: { id: itemResultId },
        include: { record: { select: { onSite: true } }, corrections: { orderBy: { requestedAt: 'desc' } } },
      });
      if (!isDeptStaff(ctx.actor) || ctx.actor.departmentId !== result.departmentId)
        throw new AppError(
          'FORBIDDEN',
          { zh: '只有录入该结果的部门可以申请更正', en: 'only the department that entered the result can ask to correct it' },
          { reason: 'NOT_OWNING_DEPARTMENT' },
        );
      if (!result.publicationId)
        throw new AppError(
          'CONFLICT',
          { zh: '该结果尚未公示，可直接修改，无需更正', en: 'the result is not published yet: change it directly, no correction is needed' },
          { field: 'itemResultId', reason: 'NOT_PUBLISHED' },
        );
      if (result.corrections.some((c) => c.status === 'REQUESTED'))
        throw new AppError('CONFLICT', { zh: '该结果已有待批准的更正申请', en: 'this result already has an open correction request' }, { reason: 'CORRECTION_OPEN' });
      checkCode('newCode', input.newCode, result.record.onSite);
      const current = result.corrections.find((c) => c.status === 'APPROVED');
      const oldCode = current?.newCode ?? result.code;
      const oldNote = current ? current.newNote : result.note;
      if (oldCode === input.newCode && (oldNote ?? null) === newNote)
        throw new InputError('newCode', 'UNCHANGED', { zh: '更正后的结果与现有结果相同', en: 'the corrected result is the same as the current one' });
      const today = todayInChina(now);
      const y = today.getUTCFullYear();
      const dueOn = addWorkingDays(today, CORRECTION_WORKING_DAYS, await loadCalendarTx(tx, y, y + 1));
      const row = await tx.correction.create({
        data: { itemResultId, publicationId: result.publicationId, reason, oldCode, newCode: input.newCode, oldNote, newNote, dueOn, requestedBy: ctx.actor.id, requestedAt: now },
        select: { id: true },
      });
      audit.record({
        operation: 'requestCorrection',
        entity: 'Correction',
        entityId: row.id,
        after: { itemResultId, oldCode, newCode: input.newCode, oldNote, newNote, reason, dueOn: formatDate(dueOn) },
      });
      return { correctionId: row.id };
    }),
  );
}

/**
 * The head of the department that owns the result approves or rejects a correction (the office cannot decide for a
 * department). Approval publishes the correction beside the original, which never changes, and relinks credit.
 */
export async function decideCorrection(ctx: Ctx, correctionId: string, approve: boolean, note?: string | null): Promise<{ correctionId: string }> {
  const id = requireId('correctionId', correctionId);
  const decisionNote = text('note', note, MAX_TEXT, !approve);
  const a = ctx.actor;
  if (isOffice(a))
    throw new AppError(
      'FORBIDDEN',
      { zh: '更正须由结果所属部门的负责人批准，联席会议办公室不能代为批准', en: 'a correction is decided by the head of the department that owns the result; the office cannot decide for it' },
      { reason: 'OFFICE_CANNOT_DECIDE' },
    );
  return mutate(ctx, async (tx, audit) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`select id::text from correction where id = ${id}::uuid for update`;
    if (!locked.length) throw new NotFoundError('更正', id);
    const c = await tx.correction.findUniqueOrThrow({
      where: { id },
      include: { publication: { select: { departmentId: true } }, itemResult: { select: { id: true, recordId: true, departmentId: true, record: { select: { taskId: true, targetId: true } } } } },
    });
    if (!isDeptStaff(a) || a.departmentId !== c.publication.departmentId)
      throw new AppError('FORBIDDEN', { zh: '只有结果所属部门的负责人可以决定更正', en: 'only the head of the department that owns the result decides a correction' }, { reason: 'NOT_OWNING_DEPARTMENT' });
    if (!a.isDepartmentHead)
      throw new AppError(
        'FORBIDDEN',
        { zh: '更正须经部门负责人批准；您的账号不是部门负责人', en: 'a correction needs the department head\'s approval; your account is not the department head' },
        { reason: 'NOT_DEPARTMENT_HEAD' },
      );
    if (c.status !== 'REQUESTED')
      throw new AppError(
        'INVALID_TRANSITION',
        { zh: `该更正已${c.status === 'APPROVED' ? '批准' : '驳回'}，不能再次决定`, en: `this correction is already ${c.status}` },
        { current: c.status, requested: approve ? 'APPROVED' : 'REJECTED' },
      );
    const now = new Date();
    const status = approve ? 'APPROVED' : 'REJECTED';
    // an approval changes the result's effective code: the record's report rollup is taken out and put back around
    // it (this also locks the task row, which serialises it with the task's other record writes)
    if (approve) await takeOut(tx, { recordIds: [c.itemResult.recordId] });
    await tx.correction.update({ where: { id }, data: { status, decidedBy: a.id, decidedAt: now, decisionNote } });
    if (approve) await putBack(tx, { recordIds: [c.itemResult.recordId] });
    audit.record({ operation: approve ? 'approveCorrection' : 'rejectCorrection', entity: 'Correction', entityId: id, before: { status: 'REQUESTED' }, after: { status, decisionNote, decidedAt: now } });
    if (approve)
      await relinkCreditForCorrection(
        tx,
        audit,
        { itemResultId: c.itemResult.id, targetId: c.itemResult.record.targetId, departmentId: c.itemResult.departmentId, taskId: c.itemResult.record.taskId, code: c.newCode, oldCode: c.oldCode },
        now,
      );
    return { correctionId: id };
  });
}

// ───────────────────────── publicResults ─────────────────────────

export interface PublicResultFilter {
  taskId?: string | null;
  departmentId?: string | null;
  targetUscc?: string | null;
  publishedFrom?: Date | null;
  publishedTo?: Date | null;
  code?: number[] | null;
}

export interface PublicResultRow {
  id: string;
  planName: string | null;
  taskId: string;
  taskCode: string;
  taskName: string;
  departmentId: string;
  departmentName: string;
  inspectedOn: Date | null;
  targetUscc: string;
  targetName: string;
  checkItemName: string;
  code: number;
  codeText: string;
  publishedAt: Date;
  correctedCode: number | null;
  correctedCodeText: string | null;
  correctedOn: Date | null;
}

/** The flat row the national publicity system shows; one SQL statement for the page (relationJoins). */
const PUBLIC_RESULT_SELECT = (actor: Actor) => ({
  select: {
    id: true,
    code: true,
    departmentId: true,
    department: { select: { name: true } },
    checkItem: { select: { name: true } },
    publishedAt: true,
    record: { select: { inspectedOn: true, target: { select: { uscc: true, name: true } }, task: { select: { id: true, code: true, name: true, plan: { select: { name: true } } } } } },
    corrections: { where: withVisibility('Correction', actor, { status: 'APPROVED' }), orderBy: { decidedAt: 'desc' as const }, take: 1, select: { newCode: true, decidedAt: true } },
  },
});

type PublicResultDb = {
  id: string;
  code: number;
  departmentId: string;
  department: { name: string };
  checkItem: { name: string };
  publishedAt: Date | null;
  record: { inspectedOn: Date | null; target: { uscc: string; name: string }; task: { id: string; code: string; name: string; plan: { name: string } | null } };
  corrections: { newCode: number; decidedAt: Date | null }[];
};

type Order = 'asc' | 'desc';
const PUBLIC_SORT: Record<string, (o: Order) => Record<string, Order | Record<string, Order>>> = {
  // item_result.published_at: the publication's time, copied onto the row by the database (index (published_at, id))
  publishedAt: (o) => ({ publishedAt: o }),
  inspectedOn: (o) => ({ record: { inspectedOn: o } }),
  code: (o) => ({ code: o }),
};
export const PUBLIC_RESULT_SORT_FIELDS = Object.keys(PUBLIC_SORT);

/** Published item results with their approved corrections, for every reader and `results:read` partner keys. */
export async function publicResults(ctx: Context, args: ListArgs, filter: PublicResultFilter | null | undefined, info: GraphQLResolveInfo) {
  const f = filter ?? {};
  const and: Record<string, unknown>[] = [{ publicationId: { not: null } }];
  // item_result.task_id: the record's task, copied onto the row by the database (index (task_id, published_at, id))
  if (f.taskId) and.push({ taskId: requireId('filter.taskId', f.taskId) });
  if (f.departmentId) and.push({ departmentId: requireId('filter.departmentId', f.departmentId) });
  if (f.targetUscc) and.push({ record: { target: { uscc: requireUscc('filter.targetUscc', f.targetUscc) } } });
  if (f.publishedFrom || f.publishedTo) and.push({ publishedAt: { ...(f.publishedFrom ? { gte: f.publishedFrom } : {}), ...(f.publishedTo ? { lte: f.publishedTo } : {}) } });
  if (f.code?.length) and.push({ code: { in: f.code } });
  const sortKey = args.sort?.field ?? 'publishedAt';
  const sort = PUBLIC_SORT[sortKey];
  if (!sort) throw new InputError('sort.field', 'SORT_FIELD', { zh: '不支持的排序字段', en: 'not a sort field of this list' });
  // default: newest publications first
  const order = sort(args.sort ? (args.sort.order ?? 'asc') : 'desc');
  const page = await findPage<PublicResultDb>('ItemResult', args, withVisibility('ItemResult', ctx.actor, { AND: and }), [order], ctx, info, PUBLIC_RESULT_SELECT(ctx.actor));
  return {
    ...page,
    nodes: page.nodes.map((r): PublicResultRow => {
      const corr = r.corrections[0];
      return {
        id: r.id,
        planName: r.record.task.plan?.name ?? null,
        taskId: r.record.task.id,
        taskCode: r.record.task.code,
        taskName: r.record.task.name,
        departmentId: r.departmentId,
        departmentName: r.department.name,
        inspectedOn: r.record.inspectedOn,
        targetUscc: r.record.target.uscc,
        targetName: r.record.target.name,
        checkItemName: r.checkItem.name,
        code: r.code,
        codeText: resultCodeZh(r.code)!,
        publishedAt: r.publishedAt!,
        correctedCode: corr?.newCode ?? null,
        correctedCodeText: resultCodeZh(corr?.newCode),
        correctedOn: corr?.decidedAt ? todayInChina(corr.decidedAt) : null,
      };
    }),
  };
}
