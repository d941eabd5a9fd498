// The inspection record through GraphQL (issue 6, part A), on PGlite and PostgreSQL: the header (联合抽查情况记录表),
// item results with department isolation and the off-site rule, completeness and the task's moves, attachments
// (upload, hash, authenticated download), publication (on time and late, immutable afterwards, batch),
// idempotent retries, corrections approved by the department head only, and publicResults (≤ 2 SQL statements).
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../server/src/db/database.ts';
import { todayInChina } from '../../server/src/shared/working-days.ts';
import { ATTACHMENT_LIMITS } from '../../server/src/shared/limits.ts';
import { yoga } from '../../server/src/yoga.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { gql, gqlOk } from '../helpers/graphql.ts';
import { upload } from '../fixtures/pools.ts';
import {
  DECIDE_CORRECTION,
  ENTER_RESULTS,
  PUBLIC_RESULTS,
  PUBLISH_PART,
  PUBLISH_TASK_PART,
  REQUEST_CORRECTION,
  SAVE_RECORD,
  UPLOAD_ATTACHMENT,
  recordScenario,
  type RecordScenario,
} from '../fixtures/records.ts';

useTestDatabase();

type Headers = Record<string, string>;
type Errors = { errors?: { message: string; extensions?: Record<string, any> }[] };
const code = (r: Errors) => r.errors?.[0]?.extensions?.code;
const reason = (r: Errors) => r.errors?.[0]?.extensions?.reason;
const field = (r: Errors) => r.errors?.[0]?.extensions?.field;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const iso = (x: Date) => x.toISOString().slice(0, 10);

function header(s: RecordScenario, targetIndex: number, extra: Record<string, unknown> = {}) {
  const targetId = s.drawn[targetIndex]!.targetId;
  return {
    taskId: s.task.id,
    targetId,
    inspectorIds: s.teamOf(targetId),
    inspectedOn: s.window[0],
    methods: ['ON_SITE'],
    onSite: true,
    disposalOpinion: '责令限期整改',
    remarks: null,
    signatureStatus: 'SIGNED',
    signatoryName: '张三',
    ...extra,
  };
}
const save = async (s: RecordScenario, i: number, headers: Headers, extra: Record<string, unknown> = {}) =>
  (await gqlOk<{ saveRecord: any }>(SAVE_RECORD, { input: header(s, i, extra) }, headers)).saveRecord;
const enter = (recordId: string, results: { checkItemId: string; code: number; note?: string }[], headers: Headers, key?: string) =>
  gql<{ enterItemResults: any }>(ENTER_RESULTS, { recordId, results, key }, headers);
const enterOk = async (recordId: string, results: { checkItemId: string; code: number; note?: string }[], headers: Headers) => {
  const r = await enter(recordId, results, headers);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data!.enterItemResults;
};
const taskStatus = async (id: string) => (await prisma().task.findUniqueOrThrow({ where: { id } })).status;

/** Enters every item of both departments on a record (lead: codes, other: code). */
async function completeRecord(s: RecordScenario, recordId: string, leadCodes: [number, number] = [1, 9], otherCode = 1) {
  await enterOk(recordId, s.items.lead.map((it, i) => ({ checkItemId: it.id, code: leadCodes[i]! })), s.actors.leadInspector.headers);
  return enterOk(recordId, [{ checkItemId: s.items.other[0]!.id, code: otherCode }], s.actors.otherInspector.headers);
}

describe('record header and item results', () => {
  let s: RecordScenario;
  let r1: string;
  let r2: string;

  beforeAll(async () => {
    s = await recordScenario({ window: ['2026-11-02', '2026-11-20'] });
  });

  it('validates the header: participants only, drawn target, matched inspectors, window, not in the future, signature', async () => {
    expect(await taskStatus(s.task.id)).toBe('DISPATCHED');
    const outsider = await gql(SAVE_RECORD, { input: header(s, 0) }, s.actors.outsiderAdmin.headers);
    expect([code(outsider), reason(outsider)]).toEqual(['FORBIDDEN', 'NOT_PARTICIPANT']);
    const analyst = await gql(SAVE_RECORD, { input: header(s, 0) }, s.actors.analyst.headers);
    expect(code(analyst)).toBe('FORBIDDEN');
    const notDrawn = await gql(SAVE_RECORD, { input: header(s, 0, { targetId: s.targets.find((t) => !s.drawn.some((x) => x.targetId === t.id))?.id ?? s.outsider.id }) }, s.actors.leadAdmin.headers);
    expect([code(notDrawn), field(notDrawn)]).toEqual(['BAD_USER_INPUT', 'targetId']);
    const stranger = await gql(SAVE_RECORD, { input: header(s, 0, { inspectorIds: [s.outsider.inspectors[0]!.id] }) }, s.actors.leadAdmin.headers);
    expect([field(stranger), reason(stranger)]).toEqual(['inspectorIds[0]', 'NOT_ASSIGNED']);
    const early = await gql(SAVE_RECORD, { input: header(s, 0, { inspectedOn: '2026-10-30' }) }, s.actors.leadAdmin.headers);
    expect([field(early), reason(early)]).toEqual(['inspectedOn', 'OUTSIDE_WINDOW']);
    const future = await gql(SAVE_RECORD, { input: header(s, 0, { inspectedOn: iso(new Date(todayInChina().getTime() + 86_400_000)) }) }, s.actors.leadAdmin.headers);
    expect([field(future), reason(future)]).toEqual(['inspectedOn', 'IN_FUTURE']);
    const unsigned = await gql(SAVE_RECORD, { input: header(s, 0, { signatoryName: ' ' }) }, s.actors.leadAdmin.headers);
    expect([field(unsigned), reason(unsigned)]).toEqual(['signatoryName', 'REQUIRED']);
    expect(unsigned.errors![0]!.extensions!.messageZh).toMatch(/不能为空/);
    expect(unsigned.errors![0]!.extensions!.messageEn).toMatch(/must not be empty/);
    expect(await prisma().inspectionRecord.count({ where: { taskId: s.task.id } })).toBe(0);
    expect(await taskStatus(s.task.id)).toBe('DISPATCHED');
  });

  it('first save creates a draft and moves the task DISPATCHED → INSPECTING; later saves update (refusal to sign)', async () => {
    const rec = await save(s, 0, s.actors.otherInspector.headers);
    r1 = rec.id;
    expect(rec).toMatchObject({ status: 'DRAFT', completedAt: null, signatureStatus: 'SIGNED', signatoryName: '张三', task: { status: 'INSPECTING' } });
    expect(rec.inspectors.map((i: { id: string }) => i.id).sort()).toEqual(s.teamOf(s.drawn[0]!.targetId).sort());
    const again = await save(s, 0, s.actors.leadAdmin.headers, { signatureStatus: 'REFUSED', signatoryName: null, refusalNote: '检查对象拒绝签字，由检查人员签字注明', remarks: '现场责令停止违法行为' });
    expect(again).toMatchObject({ id: r1, signatureStatus: 'REFUSED', signatoryName: null, refusalNote: '检查对象拒绝签字，由检查人员签字注明', remarks: '现场责令停止违法行为' });
    expect(await prisma().inspectionRecord.count({ where: { taskId: s.task.id } })).toBe(1);
    const ops = await prisma().auditEvent.findMany({ where: { entityId: { in: [r1, s.task.id] } }, select: { operation: true } });
    expect(ops.map((o) => o.operation)).toEqual(expect.arrayContaining(['createRecord', 'updateRecord', 'task:DISPATCHED->INSPECTING']));
  });

  it('department isolation: a department never writes another department\'s items, by mutation', async () => {
    const leadItem = s.items.lead[0]!.id;
    for (const h of [s.actors.otherAdmin.headers, s.actors.otherInspector.headers]) {
      const r = await enter(r1, [{ checkItemId: leadItem, code: 1 }], h);
      expect([code(r), reason(r), field(r)]).toEqual(['FORBIDDEN', 'OTHER_DEPARTMENT_ITEM', 'results[0].checkItemId']);
    }
    // mixed with an own item: nothing of the call is written
    const mixed = await enter(r1, [{ checkItemId: s.items.other[0]!.id, code: 1 }, { checkItemId: leadItem, code: 1 }], s.actors.otherAdmin.headers);
    expect(reason(mixed)).toBe('OTHER_DEPARTMENT_ITEM');
    const outsider = await enter(r1, [{ checkItemId: leadItem, code: 1 }], s.actors.outsiderAdmin.headers);
    expect(reason(outsider)).toBe('NOT_PARTICIPANT');
    expect(await prisma().itemResult.count({ where: { recordId: r1 } })).toBe(0);
  });

  it('codes 1–10 only (typed error naming the field, zh + en)', async () => {
    for (const bad of [0, 11, -3]) {
      const r = await enter(r1, [{ checkItemId: s.items.lead[0]!.id, code: bad }], s.actors.leadInspector.headers);
      expect([code(r), field(r), reason(r)]).toEqual(['BAD_USER_INPUT', 'results[0].code', 'RESULT_CODE_RANGE']);
      expect(r.errors![0]!.extensions!.messageZh).toMatch(/1–10/);
      expect(r.errors![0]!.extensions!.messageEn).toMatch(/from 1 to 10/);
    }
    const other = await enter(r1, [{ checkItemId: s.outsider.id, code: 1 }], s.actors.leadInspector.headers);
    expect(reason(other)).toBe('NOT_TASK_ITEM');
  });

  it('a record is COMPLETE when every item of every department has a result; all records complete → RESULTS_ENTERED', async () => {
    const partial = await enterOk(r1, s.items.lead.map((it) => ({ checkItemId: it.id, code: 5, note: '责令整改' })), s.actors.leadInspector.headers);
    expect(partial).toMatchObject({ status: 'DRAFT', completedAt: null });
    expect(partial.results.map((x: { codeText: string }) => x.codeText)).toEqual(['发现问题已责令整改', '发现问题已责令整改']);
    // a department corrects its own unpublished result freely
    await enterOk(r1, [{ checkItemId: s.items.lead[1]!.id, code: 9 }], s.actors.leadAdmin.headers);
    const done = await enterOk(r1, [{ checkItemId: s.items.other[0]!.id, code: 1 }], s.actors.otherInspector.headers);
    expect(done.status).toBe('COMPLETE');
    expect(done.completedAt).toBeTruthy();
    expect(done.task.status).toBe('INSPECTING'); // the second target's record is still missing
    expect(done.results.map((x: { code: number }) => x.code)).toEqual([1]); // the other department's own result only
    expect((await prisma().itemResult.findMany({ where: { recordId: r1 } })).map((x) => x.code).sort()).toEqual([1, 5, 9]);

    const rec2 = await save(s, 1, s.actors.leadAdmin.headers);
    r2 = rec2.id;
    const last = await completeRecord(s, r2, [1, 1], 1);
    expect(last).toMatchObject({ status: 'COMPLETE', task: { status: 'RESULTS_ENTERED' } });
    // changing an unpublished result of a complete record keeps it complete and the task where it is
    const changed = await enterOk(r2, [{ checkItemId: s.items.lead[0]!.id, code: 8 }], s.actors.leadAdmin.headers);
    expect(changed).toMatchObject({ status: 'COMPLETE', task: { status: 'RESULTS_ENTERED' } });
  });

  it('department staff see their own results and published ones; others\' unpublished results stay hidden', async () => {
    const q = `query($id: ID!) { inspectionRecord(id: $id) { results { department { id } code } } }`;
    const asOther = await gqlOk<{ inspectionRecord: { results: { department: { id: string } }[] } }>(q, { id: r1 }, s.actors.otherAdmin.headers);
    expect(asOther.inspectionRecord.results.map((x) => x.department.id)).toEqual([s.other.id]);
    const asOffice = await gqlOk<{ inspectionRecord: { results: unknown[] } }>(q, { id: r1 }, s.actors.office.headers);
    expect(asOffice.inspectionRecord.results).toHaveLength(3);
  });

  it('publishing needs every item of the department; publishing another department\'s part is refused', async () => {
    const rec3 = await prisma().inspectionRecord.findUniqueOrThrow({ where: { id: r1 } });
    expect(rec3.status).toBe('COMPLETE');
    const foreign = await gql(PUBLISH_PART, { recordId: r1, departmentId: s.lead.id }, s.actors.otherAdmin.headers);
    expect([code(foreign), reason(foreign)]).toEqual(['FORBIDDEN', 'OTHER_DEPARTMENT']);
    const inspector = await gql(PUBLISH_PART, { recordId: r1 }, s.actors.leadInspector.headers);
    expect(code(inspector)).toBe('FORBIDDEN');
    const office = await gql(PUBLISH_PART, { recordId: r1 }, s.actors.office.headers);
    expect([code(office), field(office)]).toEqual(['BAD_USER_INPUT', 'departmentId']);
  });

  it('publication on time: due = task.publicationDueOn (20 working days after the inspection end), results linked', async () => {
    const p = (await gqlOk<{ publishRecordPart: any }>(PUBLISH_PART, { recordId: r1 }, s.actors.leadAdmin.headers)).publishRecordPart;
    expect(p).toMatchObject({ dueOn: iso(s.dueOn), onTime: true, department: { id: s.lead.id } });
    expect(p.results).toHaveLength(2);
    const rows = await prisma().itemResult.findMany({ where: { recordId: r1 } });
    expect(rows.filter((x) => x.publicationId === p.id)).toHaveLength(2);
    expect(rows.filter((x) => x.departmentId === s.other.id && x.publicationId)).toHaveLength(0);
    // each linked result carries its publication's time (kept by the database), the unpublished ones none
    const publication = await prisma().publication.findUniqueOrThrow({ where: { id: p.id } });
    for (const x of rows) expect(x.publishedAt?.toISOString() ?? null).toBe(x.publicationId ? publication.publishedAt.toISOString() : null);
    const task = (await prisma().inspectionRecord.findUniqueOrThrow({ where: { id: r1 } })).taskId;
    expect(rows.every((x) => x.taskId === task)).toBe(true);
    // the copy cannot be set by hand: the database derives it from the publication again
    await prisma().itemResult.updateMany({ where: { publicationId: p.id }, data: { publishedAt: new Date('2000-01-01T00:00:00Z'), taskId: crypto.randomUUID() } });
    for (const x of await prisma().itemResult.findMany({ where: { publicationId: p.id } })) {
      expect(x.publishedAt!.toISOString()).toBe(publication.publishedAt.toISOString());
      expect(x.taskId).toBe(task);
    }
    const again = await gql(PUBLISH_PART, { recordId: r1 }, s.actors.leadAdmin.headers);
    expect([code(again), reason(again)]).toEqual(['CONFLICT', 'ALREADY_PUBLISHED']);
  });

  it('a published part cannot be edited by anyone, the office included (PUBLISHED_IMMUTABLE before the trigger)', async () => {
    for (const h of [s.actors.leadAdmin.headers, s.actors.leadInspector.headers, s.actors.office.headers]) {
      const r = await enter(r1, [{ checkItemId: s.items.lead[0]!.id, code: 1 }], h);
      expect([code(r), reason(r)]).toEqual(['PUBLISHED_IMMUTABLE', 'PUBLISHED_IMMUTABLE']);
      expect(r.errors![0]!.extensions!.messageZh).toMatch(/已公示/);
      expect(r.errors![0]!.extensions!.messageEn).toMatch(/published/);
    }
    expect((await prisma().itemResult.findFirstOrThrow({ where: { recordId: r1, checkItemId: s.items.lead[0]!.id } })).code).toBe(5);
    // the database refuses too, should anything bypass the service
    await expect(prisma().itemResult.updateMany({ where: { recordId: r1, checkItemId: s.items.lead[0]!.id }, data: { code: 1 } })).rejects.toThrow(/immutable/);
    // the other department's unpublished part stays editable, and so does the header
    await enterOk(r1, [{ checkItemId: s.items.other[0]!.id, code: 9 }], s.actors.otherInspector.headers);
    await save(s, 0, s.actors.leadAdmin.headers, { remarks: '补充说明' });
  });

  it('batch publication: one department\'s part of every complete record; the last part moves the task to PUBLISHED', async () => {
    const other = (await gqlOk<{ publishTaskPart: any[] }>(PUBLISH_TASK_PART, { taskId: s.task.id }, s.actors.otherAdmin.headers)).publishTaskPart;
    expect(other.map((p) => p.record.id).sort()).toEqual([r1, r2].sort());
    expect(other.every((p) => p.onTime && p.results.length === 1)).toBe(true);
    expect(await taskStatus(s.task.id)).toBe('RESULTS_ENTERED');
    const nothing = await gql(PUBLISH_TASK_PART, { taskId: s.task.id }, s.actors.otherAdmin.headers);
    expect(reason(nothing)).toBe('NOTHING_TO_PUBLISH');
    const lead = (await gqlOk<{ publishTaskPart: any[] }>(PUBLISH_TASK_PART, { taskId: s.task.id, departmentId: s.lead.id }, s.actors.office.headers)).publishTaskPart;
    expect(lead.map((p) => p.record.id)).toEqual([r2]);
    expect(lead[0]!.record.task.status).toBe('PUBLISHED');
    // every part published: the header is frozen too
    const frozen = await gql(SAVE_RECORD, { input: header(s, 0, { remarks: '再改' }) }, s.actors.office.headers);
    expect(code(frozen)).toBe('PUBLISHED_IMMUTABLE');
  });
});

describe('off-site records: only codes 4 and 6', () => {
  it('onSite = false accepts 4 and 6 only, and cannot be set over results that need a visit', async () => {
    const s = await recordScenario({ window: ['2026-10-08', '2026-11-13'], targets: 1 });
    const rec = await save(s, 0, s.actors.leadAdmin.headers, { onSite: false, methods: ['DOCUMENT'] });
    const r = await enter(rec.id, [{ checkItemId: s.items.lead[0]!.id, code: 1 }], s.actors.leadAdmin.headers);
    expect([code(r), field(r), reason(r)]).toEqual(['BAD_USER_INPUT', 'results[0].code', 'OFF_SITE_CODE']);
    expect(r.errors![0]!.extensions!.messageZh).toMatch(/4（通过登记的住所/);
    const ok = await enterOk(rec.id, [{ checkItemId: s.items.lead[0]!.id, code: 4 }, { checkItemId: s.items.lead[1]!.id, code: 6 }], s.actors.leadAdmin.headers);
    expect(ok.results.map((x: { code: number }) => x.code).sort()).toEqual([4, 6]);
    // back on site, a visit result; then off site again is refused while it stands
    await save(s, 0, s.actors.leadAdmin.headers, { onSite: true });
    await enterOk(rec.id, [{ checkItemId: s.items.other[0]!.id, code: 1 }], s.actors.otherAdmin.headers);
    const back = await gql(SAVE_RECORD, { input: header(s, 0, { onSite: false }) }, s.actors.leadAdmin.headers);
    expect([field(back), reason(back)]).toEqual(['onSite', 'RESULTS_NEED_SITE_VISIT']);
  });
});

describe('late publication', () => {
  it('published after the due date: onTime = false', async () => {
    const s = await recordScenario({ targets: 1 }); // window ends 2026-06-30: due in July, today is later
    const rec = await save(s, 0, s.actors.leadAdmin.headers, { inspectedOn: '2026-06-15' });
    await completeRecord(s, rec.id);
    const p = (await gqlOk<{ publishRecordPart: any }>(PUBLISH_PART, { recordId: rec.id }, s.actors.leadAdmin.headers)).publishRecordPart;
    expect(p.dueOn).toBe(iso(s.dueOn));
    expect(p.dueOn < iso(todayInChina())).toBe(true);
    expect(p.onTime).toBe(false);
  });
});

describe('idempotent retries', () => {
  let s: RecordScenario;
  let recordId: string;
  beforeAll(async () => {
    s = await recordScenario({ window: ['2026-11-02', '2026-11-20'], targets: 1 });
    recordId = (await save(s, 0, s.actors.leadAdmin.headers)).id;
  });

  it('same key and input twice: the first response, one write; same key with other input: IDEMPOTENCY_KEY_REUSED', async () => {
    const key = 'c8a1d2e0-7f3b-4c55-9d1e-5b0f3a2e9c11';
    const results = [{ checkItemId: s.items.lead[0]!.id, code: 5, note: '已责令整改' }];
    const first = await enter(recordId, results, s.actors.leadInspector.headers, key);
    expect(first.errors).toBeUndefined();
    const enteredAt = (await prisma().itemResult.findFirstOrThrow({ where: { recordId } })).enteredAt;
    const second = await enter(recordId, results, s.actors.leadInspector.headers, key);
    expect(second.data!.enterItemResults.id).toBe(first.data!.enterItemResults.id);
    expect((await prisma().itemResult.findFirstOrThrow({ where: { recordId } })).enteredAt).toEqual(enteredAt); // not written again
    expect(await prisma().auditEvent.count({ where: { operation: 'enterItemResults', entityId: recordId } })).toBe(1);
    expect(await prisma().auditEvent.count({ where: { operation: 'enterItemResults:replay' } })).toBe(1);
    const reused = await enter(recordId, [{ ...results[0]!, code: 8 }], s.actors.leadInspector.headers, key);
    expect([code(reused), field(reused)]).toEqual(['IDEMPOTENCY_KEY_REUSED', 'idempotencyKey']);
    expect(reused.errors![0]!.extensions!.messageEn).toMatch(/different request/);
    expect((await prisma().itemResult.findFirstOrThrow({ where: { recordId } })).code).toBe(5);
    // keys belong to their actor: another user's identical key is a new request
    const other = await enter(recordId, [{ checkItemId: s.items.lead[1]!.id, code: 1 }], s.actors.leadAdmin.headers, key);
    expect(other.errors).toBeUndefined();
    const bad = await enter(recordId, results, s.actors.leadInspector.headers, 'short');
    expect([code(bad), reason(bad)]).toEqual(['BAD_USER_INPUT', 'INVALID_IDEMPOTENCY_KEY']);
  });

  it('an upload retried with its key stores one attachment', async () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
    const key = 'upload-2026-11-22-0001';
    const a = await upload(UPLOAD_ATTACHMENT, { recordId, key }, { name: '现场照片.pdf', body: pdf, type: 'application/pdf' }, s.actors.leadAdmin.headers);
    const b = await upload(UPLOAD_ATTACHMENT, { recordId, key }, { name: '现场照片.pdf', body: pdf, type: 'application/pdf' }, s.actors.leadAdmin.headers);
    expect(b.data.uploadAttachment.id).toBe(a.data.uploadAttachment.id);
    expect(await prisma().attachment.count({ where: { recordId } })).toBe(1);
    const c = await upload(UPLOAD_ATTACHMENT, { recordId, key }, { name: '另一个.pdf', body: pdf, type: 'application/pdf' }, s.actors.leadAdmin.headers);
    expect(c.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('concurrent calls with one key: one does the work, the other waits and replays it', async () => {
    const pdf = Buffer.from('%PDF-1.4\n% concurrent\n%%EOF\n');
    const send = () => upload(UPLOAD_ATTACHMENT, { recordId, key: 'concurrent-upload-0001' }, { name: '并发.pdf', body: pdf, type: 'application/pdf' }, s.actors.leadAdmin.headers);
    const [a, b] = await Promise.all([send(), send()]);
    expect(a.errors ?? b.errors).toBeUndefined();
    expect(a.data.uploadAttachment.id).toBe(b.data.uploadAttachment.id);
    expect(await prisma().attachment.count({ where: { recordId, sha256: sha(pdf) } })).toBe(1);
  });

  it('a publication retried with its key publishes once', async () => {
    await completeRecord(s, recordId);
    const key = 'publish-lead-0001';
    const a = (await gqlOk<{ publishRecordPart: any }>(PUBLISH_PART, { recordId, key }, s.actors.leadAdmin.headers)).publishRecordPart;
    const b = (await gqlOk<{ publishRecordPart: any }>(PUBLISH_PART, { recordId, key }, s.actors.leadAdmin.headers)).publishRecordPart;
    expect(b.id).toBe(a.id);
    expect(await prisma().publication.count({ where: { recordId } })).toBe(1);
  });
});

describe('attachments', () => {
  let s: RecordScenario;
  let recordId: string;
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR fake image body')]);
  const get = (id: string, headers: Headers = {}) => yoga.fetch(`http://localhost/attachments/${id}`, { method: 'GET', headers });

  beforeAll(async () => {
    s = await recordScenario({ window: ['2026-11-02', '2026-11-20'], targets: 1 });
    recordId = (await save(s, 0, s.actors.leadAdmin.headers)).id;
  });

  it('upload stores content, size and SHA-256; download is for the staff of the record\'s task only', async () => {
    const up = await upload(UPLOAD_ATTACHMENT, { recordId }, { name: 'C:\\fakepath\\签字页.png', body: png, type: 'image/png' }, s.actors.otherInspector.headers);
    expect(up.errors).toBeUndefined();
    const a = up.data.uploadAttachment;
    expect(a).toMatchObject({ fileName: '签字页.png', mimeType: 'image/png', size: png.length, sha256: sha(png) });
    const row = await prisma().attachment.findUniqueOrThrow({ where: { id: a.id } });
    expect(Buffer.from(row.content!).equals(png)).toBe(true);

    for (const h of [s.actors.leadAdmin.headers, s.actors.otherInspector.headers, s.actors.office.headers]) {
      const res = await get(a.id, h);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(res.headers.get('x-content-sha256')).toBe(sha(png));
      expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('签字页.png')}`);
      expect(sha(Buffer.from(await res.arrayBuffer()))).toBe(sha(png));
    }
    expect((await get(a.id)).status).toBe(401);
    expect((await get(a.id, s.actors.resultsPartner.headers)).status).toBe(403);
    expect((await get(a.id, s.actors.registersPartner.headers)).status).toBe(403);
    expect((await get(a.id, s.actors.analyst.headers)).status).toBe(403);
    expect((await get(a.id, s.actors.outsiderAdmin.headers)).status).toBe(403);
    expect((await get('00000000-0000-4000-8000-000000000000', s.actors.office.headers)).status).toBe(404);
    expect((await get('not-an-id', s.actors.office.headers)).status).toBe(404);
    // metadata on the record: staff only
    const meta = await gql(`query($id: ID!) { inspectionRecord(id: $id) { attachments { id sha256 } } }`, { id: recordId }, s.actors.leadAdmin.headers);
    expect(meta.data.inspectionRecord.attachments).toEqual([{ id: a.id, sha256: sha(png) }]);
  });

  it('refuses other types, lying content, empty and oversized files, and outsiders', async () => {
    const u = (name: string, body: Buffer, type: string, headers = s.actors.leadAdmin.headers) => upload(UPLOAD_ATTACHMENT, { recordId }, { name, body, type }, headers);
    expect((await u('run.exe', Buffer.from('MZ....'), 'application/octet-stream')).errors?.[0]?.extensions).toMatchObject({ field: 'file', reason: 'FILE_TYPE' });
    expect((await u('fake.pdf', Buffer.from('<html>not a pdf</html>'), 'application/pdf')).errors?.[0]?.extensions?.reason).toBe('FILE_CONTENT');
    expect((await u('photo.png', png, 'application/pdf')).errors?.[0]?.extensions?.reason).toBe('FILE_TYPE_MISMATCH');
    expect((await u('empty.pdf', Buffer.alloc(0), 'application/pdf')).errors?.[0]?.extensions?.reason).toBe('FILE_EMPTY');
    const big = Buffer.alloc(ATTACHMENT_LIMITS.maxFileBytes + 1, 0x20);
    big.write('%PDF-1.7');
    expect((await u('big.pdf', big, 'application/pdf')).errors?.[0]?.extensions?.reason).toBe('FILE_TOO_LARGE');
    const outsider = await u('x.png', png, 'image/png', s.actors.outsiderAdmin.headers);
    expect(outsider.errors?.[0]?.extensions?.reason).toBe('NOT_PARTICIPANT');
    const partner = await u('x.png', png, 'image/png', s.actors.resultsPartner.headers);
    expect(partner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await prisma().attachment.count({ where: { recordId } })).toBe(1);
  });
});

describe('corrections and publicResults', () => {
  let s: RecordScenario;
  let recordId: string;
  let resultId: string;
  let correctionId: string;

  beforeAll(async () => {
    s = await recordScenario({ window: ['2026-11-02', '2026-11-20'], targets: 2 });
    recordId = (await save(s, 0, s.actors.leadAdmin.headers, { inspectedOn: '2026-11-05' })).id;
    await completeRecord(s, recordId, [10, 1], 9);
    await gqlOk(PUBLISH_PART, { recordId }, s.actors.leadAdmin.headers);
    resultId = (await prisma().itemResult.findFirstOrThrow({ where: { recordId, checkItemId: s.items.lead[0]!.id } })).id;
  });

  it('only the owning department asks, only for published results, one open request per result', async () => {
    const input = { itemResultId: resultId, newCode: 5, newNote: '复核后确认已当场整改', reason: '录入时误选结果代码' };
    const byOther = await gql(REQUEST_CORRECTION, { input }, s.actors.otherAdmin.headers);
    expect([code(byOther), reason(byOther)]).toEqual(['FORBIDDEN', 'NOT_OWNING_DEPARTMENT']);
    expect(code(await gql(REQUEST_CORRECTION, { input }, s.actors.office.headers))).toBe('FORBIDDEN');
    const unpublishedId = (await prisma().itemResult.findFirstOrThrow({ where: { recordId, departmentId: s.other.id } })).id;
    const unpublished = await gql(REQUEST_CORRECTION, { input: { ...input, itemResultId: unpublishedId } }, s.actors.otherAdmin.headers);
    expect(reason(unpublished)).toBe('NOT_PUBLISHED');
    const badCode = await gql(REQUEST_CORRECTION, { input: { ...input, newCode: 12 } }, s.actors.leadAdmin.headers);
    expect([field(badCode), reason(badCode)]).toEqual(['newCode', 'RESULT_CODE_RANGE']);

    const key = 'correction-request-0001';
    const c = (await gqlOk<{ requestCorrection: any }>(REQUEST_CORRECTION, { input, key }, s.actors.leadAdmin.headers)).requestCorrection;
    const replay = (await gqlOk<{ requestCorrection: any }>(REQUEST_CORRECTION, { input, key }, s.actors.leadAdmin.headers)).requestCorrection;
    expect(replay.id).toBe(c.id);
    correctionId = c.id;
    expect(c).toMatchObject({ status: 'REQUESTED', oldCode: 10, newCode: 5, itemResult: { id: resultId, code: 10 } });
    // due: 5 working days after the request (2026-11-22 is a Sunday → Fri 2026-11-27 when requested today)
    const today = todayInChina();
    let n = 0;
    let due = today;
    while (n < 5) {
      due = new Date(due.getTime() + 86_400_000);
      if (![0, 6].includes(due.getUTCDay())) n++;
    }
    expect(c.dueOn).toBe(iso(due));
    expect(await prisma().correction.count({ where: { itemResultId: resultId } })).toBe(1);
    const second = await gql(REQUEST_CORRECTION, { input: { ...input, reason: '再次申请' } }, s.actors.leadAdmin.headers);
    expect([code(second), reason(second)]).toEqual(['CONFLICT', 'CORRECTION_OPEN']);
  });

  it('only the owning department\'s head decides: non-head admin, office and another head are refused', async () => {
    const nonHead = await gql(DECIDE_CORRECTION, { id: correctionId, approve: true }, s.actors.leadAdmin.headers);
    expect([code(nonHead), reason(nonHead)]).toEqual(['FORBIDDEN', 'NOT_DEPARTMENT_HEAD']);
    expect(nonHead.errors![0]!.extensions!.messageZh).toMatch(/部门负责人/);
    expect(nonHead.errors![0]!.extensions!.messageEn).toMatch(/department head/);
    const office = await gql(DECIDE_CORRECTION, { id: correctionId, approve: true }, s.actors.office.headers);
    expect([code(office), reason(office)]).toEqual(['FORBIDDEN', 'OFFICE_CANNOT_DECIDE']);
    const otherHead = await gql(DECIDE_CORRECTION, { id: correctionId, approve: true }, s.actors.otherHead.headers);
    expect([code(otherHead), reason(otherHead)]).toEqual(['FORBIDDEN', 'NOT_OWNING_DEPARTMENT']);
    const inspector = await gql(DECIDE_CORRECTION, { id: correctionId, approve: true }, s.actors.leadInspector.headers);
    expect(code(inspector)).toBe('FORBIDDEN');
    expect((await prisma().correction.findUniqueOrThrow({ where: { id: correctionId } })).status).toBe('REQUESTED');
  });

  it('the head approves: the correction is published beside the original, which never changes', async () => {
    const before = await prisma().itemResult.findUniqueOrThrow({ where: { id: resultId } });
    const d = (await gqlOk<{ decideCorrection: any }>(DECIDE_CORRECTION, { id: correctionId, approve: true, note: '核实无误' }, s.actors.leadHead.headers)).decideCorrection;
    expect(d).toMatchObject({ status: 'APPROVED', decisionNote: '核实无误', oldCode: 10, newCode: 5, itemResult: { code: 10 } });
    const after = await prisma().itemResult.findUniqueOrThrow({ where: { id: resultId } });
    expect(after).toEqual(before);
    const again = await gql(DECIDE_CORRECTION, { id: correctionId, approve: false, note: 'x' }, s.actors.leadHead.headers);
    expect(code(again)).toBe('INVALID_TRANSITION');

    const rows = (await gqlOk<{ publicResults: any }>(PUBLIC_RESULTS, { filter: { taskId: s.task.id } }, s.actors.resultsPartner.headers)).publicResults;
    expect(rows.totalCount).toBe(2); // only the lead's published part; the other department has not published
    const row = rows.nodes.find((n: { id: string }) => n.id === resultId);
    expect(row).toMatchObject({
      planName: null,
      taskCode: s.task.code,
      taskName: s.task.name,
      departmentName: `摇号测试部门${s.lead.code}`,
      inspectedOn: '2026-11-05',
      targetUscc: s.drawn[0]!.uscc,
      checkItemName: s.items.lead[0]!.name,
      code: 10,
      codeText: '不合格',
      correctedCode: 5,
      correctedCodeText: '发现问题已责令整改',
      correctedOn: iso(todayInChina()),
    });
    const plain = rows.nodes.find((n: { id: string }) => n.id !== resultId);
    expect(plain).toMatchObject({ code: 1, codeText: '未发现问题', correctedCode: null, correctedCodeText: null, correctedOn: null });
  });

  it('a rejection needs a note and leaves the result as it was', async () => {
    const other = (await prisma().itemResult.findFirstOrThrow({ where: { recordId, checkItemId: s.items.lead[1]!.id } })).id;
    const c = (await gqlOk<{ requestCorrection: any }>(REQUEST_CORRECTION, { input: { itemResultId: other, newCode: 9, reason: '应为合格' } }, s.actors.leadInspector.headers)).requestCorrection;
    const noNote = await gql(DECIDE_CORRECTION, { id: c.id, approve: false }, s.actors.leadHead.headers);
    expect([field(noNote), reason(noNote)]).toEqual(['note', 'REQUIRED']);
    const d = (await gqlOk<{ decideCorrection: any }>(DECIDE_CORRECTION, { id: c.id, approve: false, note: '证据不足' }, s.actors.leadHead.headers)).decideCorrection;
    expect(d.status).toBe('REJECTED');
    const rows = (await gqlOk<{ publicResults: any }>(PUBLIC_RESULTS, { filter: { taskId: s.task.id, code: [1] } }, s.actors.analyst.headers)).publicResults;
    expect(rows.nodes).toHaveLength(1);
    expect(rows.nodes[0]).toMatchObject({ id: other, code: 1, correctedCode: null });
  });

  it('publicResults: every reader and results:read keys; filters; at most 2 SQL statements per page', async () => {
    // more published rows: the second record, both departments
    const r2 = (await save(s, 1, s.actors.leadAdmin.headers)).id;
    await completeRecord(s, r2, [3, 1], 10);
    await gqlOk(PUBLISH_TASK_PART, { taskId: s.task.id }, s.actors.otherAdmin.headers);
    await gqlOk(PUBLISH_TASK_PART, { taskId: s.task.id }, s.actors.leadAdmin.headers);
    expect(await taskStatus(s.task.id)).toBe('PUBLISHED');

    const all = await gql(PUBLIC_RESULTS, { filter: { taskId: s.task.id }, perPage: 100 }, s.actors.analyst.headers);
    expect(all.data.publicResults.totalCount).toBe(6);
    expect(all.statements).toBeGreaterThan(0);
    expect(all.statements).toBeLessThanOrEqual(2);
    const times = all.data.publicResults.nodes.map((n: { publishedAt: string }) => n.publishedAt);
    expect([...times].sort().reverse()).toEqual(times); // newest first

    for (const h of [s.actors.office.headers, s.actors.outsiderAdmin.headers, s.actors.leadInspector.headers, s.actors.resultsPartner.headers]) {
      const r = await gql(PUBLIC_RESULTS, { filter: { taskId: s.task.id }, perPage: 2 }, h);
      expect(r.errors).toBeUndefined();
      expect(r.data.publicResults.totalCount).toBe(6);
      expect(r.data.publicResults.nodes).toHaveLength(2);
      expect(r.statements).toBeLessThanOrEqual(2);
    }
    expect(code(await gql(PUBLIC_RESULTS, {}, s.actors.registersPartner.headers))).toBe('FORBIDDEN');
    expect(code(await gql(PUBLIC_RESULTS, {}, {}))).toBe('UNAUTHENTICATED');

    const byUscc = await gqlOk<{ publicResults: any }>(PUBLIC_RESULTS, { filter: { targetUscc: s.drawn[1]!.uscc } }, s.actors.analyst.headers);
    expect(byUscc.publicResults.nodes.map((n: { code: number }) => n.code).sort((a: number, b: number) => a - b)).toEqual([1, 3, 10]);
    const byDept = await gqlOk<{ publicResults: any }>(PUBLIC_RESULTS, { filter: { taskId: s.task.id, departmentId: s.other.id } }, s.actors.analyst.headers);
    expect(byDept.publicResults.totalCount).toBe(2);
    const none = await gqlOk<{ publicResults: any }>(PUBLIC_RESULTS, { filter: { taskId: s.task.id, publishedTo: '2026-01-01T00:00:00Z' } }, s.actors.analyst.headers);
    expect(none.publicResults.totalCount).toBe(0);
    const badUscc = await gql(PUBLIC_RESULTS, { filter: { targetUscc: '123' } }, s.actors.analyst.headers);
    expect(field(badUscc)).toBe('filter.targetUscc');

    // cursor pages walk every row once, in order
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const p: any = (await gqlOk<{ publicResults: any }>(PUBLIC_RESULTS, { filter: { taskId: s.task.id }, first: 4, after }, s.actors.resultsPartner.headers)).publicResults;
      seen.push(...p.nodes.map((n: { id: string }) => n.id));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.data.publicResults.nodes.map((n: { id: string }) => n.id));
  });
});
