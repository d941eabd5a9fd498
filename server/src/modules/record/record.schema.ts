// Inspection records (联合抽查情况记录表), item results, attachments, publications and corrections; read API.
import { builder } from '../../builder.ts';
import { CorrectionStatus, InspectionMethod, RecordStatus, SignatureStatus } from '../../shared/enums.ts';
import { and, dateRange, eq, idEq, idsIn, oneOf } from '../../shared/filters.ts';
import { defineListQueries } from '../../shared/pagination.ts';
import { Inspector } from '../pool/pool.schema.ts';
import { visibleWhere } from '../access/visibility.ts';

export const ItemResult = builder.prismaObject('ItemResult', {
  description: '事项检查结果（结果代码 1–10）/ One department\'s result for one check item of a record',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeInt('code', { description: '检查结果代码 1–10 / Result code 1–10' }),
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
