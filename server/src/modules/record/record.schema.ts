// Inspection records (联合抽查情况记录表), item results, attachments, publications and corrections: the read API, the
// record mutations (header, results, attachments, publication, corrections; rules in record.service.ts) and
// publicResults, the rows the national publicity system shows.
import { builder } from '../../builder.ts';
import { prisma } from '../../db/database.ts';
import { CorrectionStatus, InspectionMethod, RecordStatus, SignatureStatus } from '../../shared/enums.ts';
import { and, dateRange, eq, idEq, idsIn, oneOf } from '../../shared/filters.ts';
import { ATTACHMENT_LIMITS } from '../../shared/limits.ts';
import { defineListQueries, MAX_PAGE_SIZE, pageFields, SortOrder, type ListArgs, type Page } from '../../shared/pagination.ts';
import { Inspector } from '../pool/pool.schema.ts';
import { visibleWhere } from '../access/visibility.ts';
import { resultCodeZh } from './result-codes.ts';
import * as records from './record.service.ts';

export const ItemResult = builder.prismaObject('ItemResult', {
  description: '事项检查结果（结果代码 1–10）/ One department\'s result for one check item of a record',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeInt('code', { description: '检查结果代码 1–10 / Result code 1–10' }),
    codeText: t.string({ description: '检查结果（中文）/ The code\'s text on the record form', select: { code: true }, resolve: (r) => resultCodeZh(r.code)! }),
    note: t.exposeString('note', { nullable: true }),
    enteredAt: t.expose('enteredAt', { type: 'DateTime' }),
    record: t.relation('record'),
    department: t.relation('department'),
    checkItem: t.relation('checkItem'),
    publication: t.relation('publication', { nullable: true }),
    corrections: t.relation('corrections', { query: { orderBy: { requestedAt: 'asc' } } }),
  }),
});

export const Attachment = builder.prismaObject('Attachment', {
  description: '附件（元数据）/ Attachment metadata; the content is served only to those allowed',
  select: { id: true, fileName: true, mimeType: true, size: true, sha256: true, createdAt: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    fileName: t.exposeString('fileName'),
    mimeType: t.exposeString('mimeType'),
    size: t.exposeInt('size'),
    sha256: t.exposeString('sha256'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const InspectionRecord = builder.prismaObject('InspectionRecord', {
  description: '联合抽查情况记录表 / The joint inspection record of one target in one task',
  fields: (t) => ({
    id: t.exposeID('id'),
    inspectedOn: t.expose('inspectedOn', { type: 'Date', nullable: true }),
    methods: t.expose('methods', { type: [InspectionMethod] }),
    onSite: t.exposeBoolean('onSite'),
    disposalOpinion: t.exposeString('disposalOpinion', { nullable: true, description: '处理意见' }),
    remarks: t.exposeString('remarks', { nullable: true }),
    signatureStatus: t.expose('signatureStatus', { type: SignatureStatus }),
    refusalNote: t.exposeString('refusalNote', { nullable: true }),
    signatoryName: t.exposeString('signatoryName', { nullable: true, description: '检查对象签字人 / Who signed for the target' }),
    status: t.expose('status', { type: RecordStatus }),
    completedAt: t.expose('completedAt', { type: 'DateTime', nullable: true }),
    task: t.relation('task'),
    target: t.relation('target'),
    draw: t.relation('draw', { nullable: true }),
    inspectors: t.field({
      type: [Inspector],
      select: (_a, _c, nested) => ({ inspectors: { include: { inspector: nested(true) } } }),
      resolve: (r) => r.inspectors.map((i) => i.inspector),
    }),
    results: t.relation('results', {
      description: '事项结果（他部门未公示的结果不可见）/ Item results the caller may see',
      query: (_a, ctx) => ({ where: visibleWhere('ItemResult', ctx.actor), orderBy: [{ departmentId: 'asc' }, { checkItemId: 'asc' }] }),
    }),
    attachments: t.relation('attachments', { authScopes: { staff: true } }),
    publications: t.relation('publications'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const InspectionRecordFilter = builder.inputType('InspectionRecordFilter', {
  fields: (t) => ({
    ids: t.idList({ required: false }),
    taskId: t.id({ required: false }),
    targetId: t.id({ required: false }),
    status: t.field({ type: RecordStatus, required: false }),
    departmentId: t.id({ required: false, description: '任务的参与部门 / A participant of the record\'s task' }),
    inspectedFrom: t.field({ type: 'Date', required: false }),
    inspectedTo: t.field({ type: 'Date', required: false }),
  }),
});

defineListQueries<typeof InspectionRecordFilter.$inferInput>({
  model: 'InspectionRecord',
  authScopes: { reader: true },
  name: 'InspectionRecord',
  label: '检查记录',
  plural: 'inspectionRecords',
  singular: 'inspectionRecord',
  description: '联合抽查情况记录表',
  ref: InspectionRecord,
  filter: InspectionRecordFilter,
  where: (f) =>
    and(
      idsIn(f?.ids),
      idEq('taskId', f?.taskId),
      idEq('targetId', f?.targetId),
      eq('status', f?.status),
      f?.departmentId ? { task: { participants: { some: idEq('departmentId', f.departmentId) } } } : undefined,
      dateRange('inspectedOn', f?.inspectedFrom, f?.inspectedTo),
    ),
  sortFields: ['inspectedOn', 'createdAt', 'updatedAt'],
  defaultSort: [{ createdAt: 'desc' }],
});

const ItemResultFilter = builder.inputType('ItemResultFilter', {
  fields: (t) => ({
    ids: t.idList({ required: false }),
    recordId: t.id({ required: false }),
    departmentId: t.id({ required: false }),
    checkItemId: t.id({ required: false }),
    code: t.intList({ required: false }),
    published: t.boolean({ required: false }),
  }),
});

defineListQueries<typeof ItemResultFilter.$inferInput>({
  model: 'ItemResult',
  authScopes: { reader: true, partner: 'results:read' },
  name: 'ItemResult',
  label: '检查结果',
  plural: 'itemResults',
  singular: 'itemResult',
  description: '事项检查结果',
  ref: ItemResult,
  filter: ItemResultFilter,
  where: (f) =>
    and(
      idsIn(f?.ids),
      idEq('recordId', f?.recordId),
      idEq('departmentId', f?.departmentId),
      idEq('checkItemId', f?.checkItemId),
      oneOf('code', f?.code),
      f?.published == null ? undefined : f.published ? { publicationId: { not: null } } : { publicationId: null },
    ),
  sortFields: ['enteredAt', 'code'],
  defaultSort: [{ enteredAt: 'desc' }],
});

export const Publication = builder.prismaObject('Publication', {
  description: '公示 / A department\'s published part of a record (immutable once published)',
  fields: (t) => ({
    id: t.exposeID('id'),
    publishedAt: t.expose('publishedAt', { type: 'DateTime' }),
    dueOn: t.expose('dueOn', { type: 'Date', description: '公示截止日 / Due date (20 working days after inspection end)' }),
    onTime: t.exposeBoolean('onTime'),
    record: t.relation('record'),
    department: t.relation('department'),
    results: t.relation('results'),
    corrections: t.relation('corrections'),
  }),
});

const PublicationFilter = builder.inputType('PublicationFilter', {
  fields: (t) => ({
    ids: t.idList({ required: false }),
    recordId: t.id({ required: false }),
    departmentId: t.id({ required: false }),
    onTime: t.boolean({ required: false }),
    publishedFrom: t.field({ type: 'DateTime', required: false }),
    publishedTo: t.field({ type: 'DateTime', required: false }),
  }),
});

defineListQueries<typeof PublicationFilter.$inferInput>({
  model: 'Publication',
  authScopes: { reader: true, partner: 'results:read' },
  name: 'Publication',
  label: '公示',
  plural: 'publications',
  singular: 'publication',
  description: '公示',
  ref: Publication,
  filter: PublicationFilter,
  where: (f) =>
    and(idsIn(f?.ids), idEq('recordId', f?.recordId), idEq('departmentId', f?.departmentId), eq('onTime', f?.onTime), dateRange('publishedAt', f?.publishedFrom, f?.publishedTo)),
  sortFields: ['publishedAt', 'dueOn'],
  defaultSort: [{ publishedAt: 'desc' }],
});

export const Correction = builder.prismaObject('Correction', {
  description: '更正 / A correction of a published result, approved by the department head; the original is kept',
  fields: (t) => ({
    id: t.exposeID('id'),
    reason: t.exposeString('reason'),
    oldCode: t.exposeInt('oldCode'),
    newCode: t.exposeInt('newCode'),
    oldNote: t.exposeString('oldNote', { nullable: true }),
    newNote: t.exposeString('newNote', { nullable: true }),
    status: t.expose('status', { type: CorrectionStatus }),
    dueOn: t.expose('dueOn', { type: 'Date' }),
    requestedAt: t.expose('requestedAt', { type: 'DateTime' }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    decisionNote: t.exposeString('decisionNote', { nullable: true }),
    itemResult: t.relation('itemResult'),
    publication: t.relation('publication'),
  }),
});

const CorrectionFilter = builder.inputType('CorrectionFilter', {
  fields: (t) => ({
    ids: t.idList({ required: false }),
    status: t.field({ type: [CorrectionStatus], required: false }),
    departmentId: t.id({ required: false }),
    itemResultId: t.id({ required: false }),
  }),
});

defineListQueries<typeof CorrectionFilter.$inferInput>({
  model: 'Correction',
  authScopes: { reader: true, partner: 'results:read' },
  name: 'Correction',
  label: '更正',
  plural: 'corrections',
  singular: 'correction',
  description: '更正',
  ref: Correction,
  filter: CorrectionFilter,
  where: (f) =>
    and(
      idsIn(f?.ids),
      oneOf('status', f?.status),
      f?.departmentId ? { publication: idEq('departmentId', f.departmentId) } : undefined,
      idEq('itemResultId', f?.itemResultId),
    ),
  sortFields: ['requestedAt', 'dueOn', 'decidedAt'],
  defaultSort: [{ requestedAt: 'desc' }],
});

// ───────────────────────── mutations ─────────────────────────

const IDEMPOTENCY_DESCRIPTION =
  '幂等键（可选，8–100 字符，建议 UUID）：同一用户重试时返回首次结果而不重复写入；同一键不同参数 → IDEMPOTENCY_KEY_REUSED / Optional idempotency key: a retry returns the first response without writing again';

const SaveRecordInput = builder.inputType('SaveRecordInput', {
  description: '联合抽查情况记录表表头（草稿，可多次保存）/ The record header, saved as a draft',
  fields: (t) => ({
    taskId: t.id({ required: true }),
    targetId: t.id({ required: true, description: '本任务锁定名单中的检查对象 / A target of the task\'s locked target draw' }),
    inspectorIds: t.idList({ required: true, description: '到场的执法检查人员（须为本任务匹配的人员）/ Inspectors present (matched to this task)' }),
    inspectedOn: t.field({ type: 'Date', required: true, description: '检查日期（任务执行期内，不晚于今天）' }),
    methods: t.field({ type: [InspectionMethod], required: true }),
    onSite: t.boolean({ required: true, description: '是否实地检查；否则只能录入结果 4、6 / Whether the team got on site; if not, only codes 4 and 6' }),
    disposalOpinion: t.string({ required: false, description: '处理意见' }),
    remarks: t.string({ required: false, description: '备注' }),
    signatureStatus: t.field({ type: SignatureStatus, required: true }),
    signatoryName: t.string({ required: false, description: '签字人（已签字时必填）' }),
    refusalNote: t.string({ required: false, description: '拒签说明（拒绝签字时必填，由检查人员签字注明）' }),
  }),
});

builder.mutationField('saveRecord', (t) =>
  t.prismaField({
    type: 'InspectionRecord',
    description: '保存联合抽查情况记录表表头（首次保存：任务 已派发 → 检查中）/ Save a record header as a draft (first save: task DISPATCHED → INSPECTING)',
    authScopes: { office: true, departmentAdmin: true, inspector: true },
    args: { input: t.arg({ type: SaveRecordInput, required: true }), idempotencyKey: t.arg.string({ required: false, description: IDEMPOTENCY_DESCRIPTION }) },
    resolve: async (query, _r, args, ctx) => {
      const { recordId } = await records.saveRecord(ctx, { ...args.input, disposalOpinion: args.input.disposalOpinion, inspectorIds: args.input.inspectorIds.map(String) }, args.idempotencyKey);
      return prisma().inspectionRecord.findUniqueOrThrow({ ...query, where: { id: recordId } });
    },
  }),
);

const ItemResultInput = builder.inputType('ItemResultInput', {
  fields: (t) => ({
    checkItemId: t.id({ required: true, description: '本部门在本任务中的抽查事项 / One of the caller\'s department\'s task items' }),
    code: t.int({ required: true, description: '检查结果代码 1–10' }),
    note: t.string({ required: false }),
  }),
});

builder.mutationField('enterItemResults', (t) =>
  t.prismaField({
    type: 'InspectionRecord',
    description: '录入本部门事项的检查结果（已公示的不能修改）/ Enter the results of the caller\'s department\'s items (published ones never change)',
    authScopes: { office: true, departmentAdmin: true, inspector: true },
    args: {
      recordId: t.arg.id({ required: true }),
      results: t.arg({ type: [ItemResultInput], required: true }),
      idempotencyKey: t.arg.string({ required: false, description: IDEMPOTENCY_DESCRIPTION }),
    },
    resolve: async (query, _r, args, ctx) => {
      const { recordId } = await records.enterItemResults(ctx, String(args.recordId), args.results.map((r) => ({ ...r, checkItemId: String(r.checkItemId) })), args.idempotencyKey);
      return prisma().inspectionRecord.findUniqueOrThrow({ ...query, where: { id: recordId } });
    },
  }),
);

builder.mutationField('uploadAttachment', (t) =>
  t.prismaField({
    type: 'Attachment',
    description: `上传记录附件（${records.ATTACHMENT_EXTENSIONS.join('/')}，≤ ${ATTACHMENT_LIMITS.maxFileBytes / 1024 / 1024} MiB；下载：GET /attachments/{id}）/ Attach a file to a record; download with GET /attachments/{id}`,
    authScopes: { office: true, departmentAdmin: true, inspector: true },
    args: {
      recordId: t.arg.id({ required: true }),
      file: t.arg({ type: 'File', required: true }),
      idempotencyKey: t.arg.string({ required: false, description: IDEMPOTENCY_DESCRIPTION }),
    },
    resolve: async (query, _r, args, ctx) => {
      const { attachmentId } = await records.uploadAttachment(ctx, String(args.recordId), args.file, args.idempotencyKey);
      return prisma().attachment.findUniqueOrThrow({ ...query, where: { id: attachmentId } });
    },
  }),
);

builder.mutationField('publishRecordPart', (t) =>
  t.prismaField({
    type: 'Publication',
    description: '公示本部门在记录表中的部分（结果须录齐；公示后不可修改）/ Publish the caller\'s department\'s part of a record',
    authScopes: { office: true, departmentAdmin: true },
    args: {
      recordId: t.arg.id({ required: true }),
      departmentId: t.arg.id({ required: false, description: '默认本部门；办公室代为公示时必填 / Defaults to the caller\'s department; the office must name one' }),
      idempotencyKey: t.arg.string({ required: false, description: IDEMPOTENCY_DESCRIPTION }),
    },
    resolve: async (query, _r, args, ctx) => {
      const { publicationId } = await records.publishRecordPart(ctx, String(args.recordId), args.departmentId == null ? null : String(args.departmentId), args.idempotencyKey);
      return prisma().publication.findUniqueOrThrow({ ...query, where: { id: publicationId } });
    },
  }),
);

builder.mutationField('publishTaskPart', (t) =>
  t.prismaField({
    type: ['Publication'],
    description: '批量公示：本部门在任务中所有已录齐、未公示的记录 / Publish the department\'s part of every record of the task where it is complete',
    authScopes: { office: true, departmentAdmin: true },
    args: {
      taskId: t.arg.id({ required: true }),
      departmentId: t.arg.id({ required: false, description: '默认本部门；办公室代为公示时必填' }),
      idempotencyKey: t.arg.string({ required: false, description: IDEMPOTENCY_DESCRIPTION }),
    },
    resolve: async (query, _r, args, ctx) => {
      const { publicationIds } = await records.publishTaskPart(ctx, String(args.taskId), args.departmentId == null ? null : String(args.departmentId), args.idempotencyKey);
      return prisma().publication.findMany({ ...query, where: { id: { in: publicationIds } }, orderBy: { id: 'asc' } });
    },
  }),
);

const RequestCorrectionInput = builder.inputType('RequestCorrectionInput', {
  fields: (t) => ({
    itemResultId: t.id({ required: true, description: '已公示的检查结果 / A published item result of the caller\'s department' }),
    newCode: t.int({ required: true, description: '更正后的结果代码 1–10' }),
    newNote: t.string({ required: false }),
    reason: t.string({ required: true, description: '更正理由' }),
  }),
});

builder.mutationField('requestCorrection', (t) =>
  t.prismaField({
    type: 'Correction',
    description: '申请更正已公示的结果（由结果所属部门；5 个工作日内由部门负责人决定）/ Ask to correct a published result',
    authScopes: { departmentAdmin: true, inspector: true },
    args: { input: t.arg({ type: RequestCorrectionInput, required: true }), idempotencyKey: t.arg.string({ required: false, description: IDEMPOTENCY_DESCRIPTION }) },
    resolve: async (query, _r, args, ctx) => {
      const { correctionId } = await records.requestCorrection(ctx, { ...args.input, itemResultId: String(args.input.itemResultId) }, args.idempotencyKey);
      return prisma().correction.findUniqueOrThrow({ ...query, where: { id: correctionId } });
    },
  }),
);

builder.mutationField('decideCorrection', (t) =>
  t.prismaField({
    type: 'Correction',
    description: '部门负责人批准或驳回更正；批准后与原结果并列公示，原结果不变 / The department head approves or rejects a correction',
    authScopes: { office: true, departmentAdmin: true },
    args: {
      correctionId: t.arg.id({ required: true }),
      approve: t.arg.boolean({ required: true }),
      note: t.arg.string({ required: false, description: '决定说明（驳回时必填）' }),
    },
    resolve: async (query, _r, args, ctx) => {
      const { correctionId } = await records.decideCorrection(ctx, String(args.correctionId), args.approve, args.note);
      return prisma().correction.findUniqueOrThrow({ ...query, where: { id: correctionId } });
    },
  }),
);

// ───────────────────────── publicResults ─────────────────────────

const PublicResult = builder.objectRef<records.PublicResultRow>('PublicResult').implement({
  description: '公示结果（国家企业信用信息公示系统展示的一行）/ One published item result, as the national publicity system shows it',
  fields: (t) => ({
    id: t.exposeID('id', { description: '检查结果标识 / The item result id' }),
    planName: t.exposeString('planName', { nullable: true, description: '抽查计划' }),
    taskId: t.exposeID('taskId'),
    taskCode: t.exposeString('taskCode', { description: '任务编号' }),
    taskName: t.exposeString('taskName', { description: '任务名称' }),
    departmentId: t.exposeID('departmentId'),
    departmentName: t.exposeString('departmentName', { description: '检查部门' }),
    inspectedOn: t.expose('inspectedOn', { type: 'Date', nullable: true, description: '检查日期' }),
    targetUscc: t.exposeString('targetUscc', { description: '统一社会信用代码' }),
    targetName: t.exposeString('targetName', { description: '检查对象名称' }),
    checkItemName: t.exposeString('checkItemName', { description: '检查事项' }),
    code: t.exposeInt('code', { description: '检查结果代码（原公示）' }),
    codeText: t.exposeString('codeText', { description: '检查结果' }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', description: '公示时间' }),
    correctedCode: t.exposeInt('correctedCode', { nullable: true, description: '更正后的结果代码（已批准的更正）' }),
    correctedCodeText: t.exposeString('correctedCodeText', { nullable: true, description: '更正后的检查结果' }),
    correctedOn: t.expose('correctedOn', { type: 'Date', nullable: true, description: '更正日期' }),
  }),
});

const PublicResultFilter = builder.inputType('PublicResultFilter', {
  fields: (t) => ({
    taskId: t.id({ required: false }),
    departmentId: t.id({ required: false }),
    targetUscc: t.string({ required: false }),
    publishedFrom: t.field({ type: 'DateTime', required: false }),
    publishedTo: t.field({ type: 'DateTime', required: false }),
    code: t.intList({ required: false, description: '原公示的结果代码 / Codes as originally published' }),
  }),
});

const PublicResultSortField = builder.enumType('PublicResultSortField', {
  values: Object.fromEntries(records.PUBLIC_RESULT_SORT_FIELDS.map((f) => [f, { value: f }])) as Record<string, { value: string }>,
});
const PublicResultSort = builder.inputType('PublicResultSort', {
  fields: (t) => ({
    field: t.field({ type: PublicResultSortField, required: true }),
    order: t.field({ type: SortOrder, required: false, defaultValue: 'asc' }),
  }),
});

const PublicResultPage = builder.objectRef<Page<records.PublicResultRow>>('PublicResultPage').implement({
  description: '公示结果（分页）',
  fields: (t) => pageFields(t, PublicResult),
});

builder.queryField('publicResults', (t) =>
  t.field({
    type: PublicResultPage,
    description: '公示结果：每个已公示的事项结果一行，已批准的更正并列显示（默认按公示时间倒序）/ Published results with approved corrections beside them',
    authScopes: { reader: true, partner: 'results:read' },
    args: {
      filter: t.arg({ type: PublicResultFilter, required: false }),
      sort: t.arg({ type: PublicResultSort, required: false }),
      page: t.arg.int({ required: false, description: '页码（从 1 起），与 perPage 配合 / 1-based page' }),
      perPage: t.arg.int({ required: false, description: `每页条数（≤ ${MAX_PAGE_SIZE}）` }),
      first: t.arg.int({ required: false, description: `游标分页：条数（≤ ${MAX_PAGE_SIZE}）` }),
      after: t.arg.string({ required: false, description: '游标分页：上一页 endCursor' }),
    },
    resolve: (_r, args, ctx, info) => records.publicResults(ctx, args as ListArgs, args.filter, info),
  }),
);
