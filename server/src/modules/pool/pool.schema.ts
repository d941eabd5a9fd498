// The two pools (两库): target pools with their targets, inspector pools with their inspectors; read API.
import { builder } from '../../builder.ts';
import { RiskClass, TargetStatus, TargetType } from '../../shared/enums.ts';
import { and, contains, eq, idEq, idsIn, oneOf, prefix } from '../../shared/filters.ts';
import { defineListQueries } from '../../shared/pagination.ts';
import { normalizeUscc } from '../../shared/uscc.ts';
import { requireUscc } from '../../shared/validation.ts';
import { visibleWhere } from '../access/visibility.ts';

export const TargetPool = builder.prismaObject('TargetPool', {
  description: '检查对象名录库（及分库）/ A target pool or sub-pool of a department',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    domain: t.exposeString('domain', { nullable: true }),
    department: t.relation('department'),
    parent: t.relation('parent', { nullable: true }),
    subPools: t.relation('subPools', { query: { orderBy: { name: 'asc' } } }),
    confirmedAt: t.expose('confirmedAt', { type: 'DateTime', nullable: true, description: '两库更新确认时间 / When the pool was last confirmed current' }),
    targetCount: t.relationCount('members'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const TargetPoolFilter = builder.inputType('TargetPoolFilter', {
  fields: (t) => ({
    ids: t.idList({ required: false }),
    q: t.string({ required: false }),
    departmentId: t.id({ required: false }),
    parentId: t.id({ required: false }),
  }),
});

defineListQueries<typeof TargetPoolFilter.$inferInput>({
  model: 'TargetPool',
  authScopes: { staff: true },
  name: 'TargetPool',
  label: '检查对象名录库',
  plural: 'targetPools',
  singular: 'targetPool',
  description: '检查对象名录库',
  ref: TargetPool,
  filter: TargetPoolFilter,
  where: (f) => and(idsIn(f?.ids), contains(['name', 'domain'], f?.q), idEq('departmentId', f?.departmentId), idEq('parentId', f?.parentId)),
  sortFields: ['name', 'createdAt'],
  defaultSort: [{ name: 'asc' }],
});

export const Target = builder.prismaObject('Target', {
  description: '检查对象 / 市场主体 / A business (or product, project, behaviour) that may be inspected',
  fields: (t) => ({
    id: t.exposeID('id'),
    uscc: t.exposeString('uscc', { description: '统一社会信用代码 / Unified social credit code (GB 32100)' }),
    name: t.exposeString('name'),
    legalRepresentative: t.exposeString('legalRepresentative', { nullable: true }),
    address: t.exposeString('address', { nullable: true }),
    regionCode: t.exposeString('regionCode'),
    industryCode: t.exposeString('industryCode', { description: '国民经济行业分类 GB/T 4754' }),
    businessScope: t.exposeString('businessScope', { nullable: true }),
    type: t.expose('type', { type: TargetType }),
    riskClass: t.expose('riskClass', { type: RiskClass }),
    onAbnormalList: t.exposeBoolean('onAbnormalList'),
    onKeyAttentionList: t.exposeBoolean('onKeyAttentionList'),
    complaintCount: t.exposeInt('complaintCount'),
    seriousViolation: t.exposeBoolean('seriousViolation'),
    status: t.expose('status', { type: TargetStatus }),
    establishedOn: t.expose('establishedOn', { type: 'Date', nullable: true }),
    pools: t.field({
      type: [TargetPool],
      description: '所在名录库（仅本部门可见的）/ Pools holding this target that the caller may see',
      select: (_a, ctx, nested) => ({ pools: { where: { pool: visibleWhere('TargetPool', ctx.actor) }, include: { pool: nested(true) } } }),
      resolve: (target) => target.pools.map((m) => m.pool),
    }),
    timesDrawnInYear: t.int({
      description: '该年度被锁定摇号抽中的次数（原则上不超过 2 次）/ Times drawn in locked draws that year',
      args: { year: t.arg.int({ required: true }) },
      resolve: (target, args, ctx) => ctx.loaders.timesDrawnInYear.load(`${target.id}:${args.year}`),
    }),
    creditEvents: t.relation('creditEvents', { query: { orderBy: { effectiveFrom: 'desc' } } }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const TargetFilter = builder.inputType('TargetFilter', {
  fields: (t) => ({
    ids: t.idList({ required: false }),
    q: t.string({ required: false, description: '名称包含，或统一社会信用代码前缀 / Name contains, or USCC prefix' }),
    uscc: t.string({ required: false, description: '统一社会信用代码（精确，校验）/ Exact USCC, validated' }),
    riskClass: t.field({ type: [RiskClass], required: false }),
    status: t.field({ type: [TargetStatus], required: false }),
    type: t.field({ type: [TargetType], required: false }),
    industryCode: t.string({ required: false, description: '行业代码前缀 / Industry code prefix' }),
    regionCode: t.string({ required: false, description: '行政区划代码前缀 / Region code prefix' }),
    departmentId: t.id({ required: false, description: '在该部门任一名录库中 / In any pool of this department' }),
    poolId: t.id({ required: false }),
    onAbnormalList: t.boolean({ required: false }),
    onKeyAttentionList: t.boolean({ required: false }),
    seriousViolation: t.boolean({ required: false }),
  }),
});

defineListQueries<typeof TargetFilter.$inferInput>({
  model: 'Target',
  authScopes: { reader: true, partner: 'registers:read' },
  name: 'Target',
  label: '检查对象',
  plural: 'targets',
  singular: 'target',
  description: '检查对象',
  ref: Target,
  filter: TargetFilter,
  where: (f) => {
    const q = f?.q?.trim();
    return and(
      idsIn(f?.ids),
      q ? { OR: [{ name: { contains: q, mode: 'insensitive' } }, { uscc: { startsWith: normalizeUscc(q) } }] } : undefined,
      f?.uscc != null ? { uscc: requireUscc('filter.uscc', f.uscc) } : undefined,
      oneOf('riskClass', f?.riskClass),
      oneOf('status', f?.status),
      oneOf('type', f?.type),
      prefix('industryCode', f?.industryCode),
      prefix('regionCode', f?.regionCode),
      f?.departmentId ? { pools: { some: { pool: idEq('departmentId', f.departmentId) } } } : undefined,
      f?.poolId ? { pools: { some: idEq('poolId', f.poolId) } } : undefined,
      eq('onAbnormalList', f?.onAbnormalList),
      eq('onKeyAttentionList', f?.onKeyAttentionList),
      eq('seriousViolation', f?.seriousViolation),
    );
  },
  sortFields: ['name', 'uscc', 'riskClass', 'industryCode', 'regionCode', 'complaintCount', 'createdAt', 'updatedAt'],
  defaultSort: [{ uscc: 'asc' }],
});

export const InspectorPool = builder.prismaObject('InspectorPool', {
  description: '执法检查人员名录库 / A department\'s pool of qualified inspectors',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    department: t.relation('department'),
    confirmedAt: t.expose('confirmedAt', { type: 'DateTime', nullable: true }),
    inspectorCount: t.relationCount('inspectors', { where: { active: true } }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const InspectorPoolFilter = builder.inputType('InspectorPoolFilter', {
  fields: (t) => ({ ids: t.idList({ required: false }), q: t.string({ required: false }), departmentId: t.id({ required: false }) }),
});

defineListQueries<typeof InspectorPoolFilter.$inferInput>({
  model: 'InspectorPool',
  authScopes: { staff: true },
  name: 'InspectorPool',
  label: '执法检查人员名录库',
  plural: 'inspectorPools',
  singular: 'inspectorPool',
  description: '执法检查人员名录库',
  ref: InspectorPool,
  filter: InspectorPoolFilter,
  where: (f) => and(idsIn(f?.ids), contains(['name'], f?.q), idEq('departmentId', f?.departmentId)),
  sortFields: ['name', 'createdAt'],
  defaultSort: [{ name: 'asc' }],
});

export const InspectorLeave = builder.prismaObject('InspectorLeave', {
  description: '请假 / 不可用时段 / A period an inspector cannot be drawn',
  fields: (t) => ({
    id: t.exposeID('id'),
    startsOn: t.expose('startsOn', { type: 'Date' }),
    endsOn: t.expose('endsOn', { type: 'Date' }),
    reason: t.exposeString('reason', { nullable: true }),
  }),
});

export const Inspector = builder.prismaObject('Inspector', {
  description: '执法检查人员（含第三方专家）/ An inspector with enforcement qualification, or a third-party expert',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    certificateNo: t.exposeString('certificateNo', { authScopes: { staff: true }, description: '执法证号 / Enforcement certificate number (staff only)' }),
    qualifications: t.exposeStringList('qualifications', { authScopes: { staff: true } }),
    expertiseTags: t.exposeStringList('expertiseTags', { authScopes: { staff: true } }),
    isThirdPartyExpert: t.exposeBoolean('isThirdPartyExpert'),
    active: t.exposeBoolean('active'),
    department: t.relation('department'),
    pool: t.relation('pool', { nullable: true, authScopes: { staff: true } }),
    leaves: t.relation('leaves', { authScopes: { staff: true }, query: { orderBy: { startsOn: 'desc' } } }),
    recusals: t.relation('recusals', { authScopes: { staff: true } }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const InspectorFilter = builder.inputType('InspectorFilter', {
  fields: (t) => ({
    ids: t.idList({ required: false }),
    q: t.string({ required: false, description: '姓名或执法证号包含' }),
    departmentId: t.id({ required: false }),
    poolId: t.id({ required: false }),
    active: t.boolean({ required: false }),
    isThirdPartyExpert: t.boolean({ required: false }),
    expertiseTag: t.string({ required: false }),
  }),
});

defineListQueries<typeof InspectorFilter.$inferInput>({
  model: 'Inspector',
  authScopes: { staff: true, analyst: true },
  name: 'Inspector',
  label: '执法检查人员',
  plural: 'inspectors',
  singular: 'inspector',
  description: '执法检查人员',
  ref: Inspector,
  filter: InspectorFilter,
  where: (f) =>
    and(
      idsIn(f?.ids),
      contains(['name', 'certificateNo'], f?.q),
      idEq('departmentId', f?.departmentId),
      idEq('poolId', f?.poolId),
      eq('active', f?.active),
      eq('isThirdPartyExpert', f?.isThirdPartyExpert),
      f?.expertiseTag ? { expertiseTags: { has: f.expertiseTag } } : undefined,
    ),
  sortFields: ['name', 'certificateNo', 'createdAt'],
  defaultSort: [{ certificateNo: 'asc' }],
});

export const Recusal = builder.prismaObject('Recusal', {
  description: '回避 / An inspector who must not inspect a target, with the reason',
  fields: (t) => ({
    id: t.exposeID('id'),
    inspector: t.relation('inspector'),
    target: t.relation('target'),
    reason: t.exposeString('reason'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const RecusalFilter = builder.inputType('RecusalFilter', {
  fields: (t) => ({ ids: t.idList({ required: false }), inspectorId: t.id({ required: false }), targetId: t.id({ required: false }) }),
});

defineListQueries<typeof RecusalFilter.$inferInput>({
  model: 'Recusal',
  authScopes: { staff: true },
  name: 'Recusal',
  label: '回避',
  plural: 'recusals',
  singular: 'recusal',
  description: '回避',
  ref: Recusal,
  filter: RecusalFilter,
  where: (f) => and(idsIn(f?.ids), idEq('inspectorId', f?.inspectorId), idEq('targetId', f?.targetId)),
  sortFields: ['createdAt'],
  defaultSort: [{ createdAt: 'desc' }],
});
