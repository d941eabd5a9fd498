// The two pools (两库): target pools with their targets, inspector pools with their inspectors; read API.
import { builder } from '../../builder.ts';
import { RiskClass, TargetStatus, TargetType } from '../../shared/enums.ts';
import { and, contains, eq, idEq, idsIn, oneOf, prefix } from '../../shared/filters.ts';
import { defineListQueries } from '../../shared/pagination.ts';
import { prisma } from '../../db/database.ts';
import { normalizeUscc } from '../../shared/uscc.ts';
import { requireUscc } from '../../shared/validation.ts';
import { visibleWhere } from '../access/visibility.ts';
import * as pools from './pool.service.ts';

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
    confirmedBy: t.exposeID('confirmedBy', { nullable: true, description: '确认人（用户标识）/ Who confirmed it (user id)' }),
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
  // Select mode: a nested read loads only the columns its query asks for (docs/BENCHMARKS.md, "Peer comparison").
  select: { id: true },
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
    riskClass: t.expose('riskClass', { type: RiskClass, description: '生效分类（摇号分层使用；见 docs/CREDIT.md）/ Effective class, used by draws' }),
    riskClassBase: t.expose('riskClassBase', { type: RiskClass, description: '登记 / 导入的基础分类 / Registered or imported class' }),
    riskClassComputedAt: t.expose('riskClassComputedAt', { type: 'DateTime', nullable: true, description: '生效分类最近重算时间 / Last recomputation' }),
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
    confirmedBy: t.exposeID('confirmedBy', { nullable: true, description: '确认人（用户标识）/ Who confirmed it (user id)' }),
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
    phone: t.exposeString('phone', { nullable: true, authScopes: { staff: true }, description: '联系电话（仅工作人员可见）/ Phone (staff only)' }),
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

// ───────────────────────────── changes: pools, targets, inspectors (pool.service.ts holds the rules) ─────────────────────────────

const CreateTargetPoolInput = builder.inputType('CreateTargetPoolInput', {
  fields: (t) => ({
    departmentId: t.id({ required: true }),
    name: t.string({ required: true, description: '名录库名称（部门内唯一）/ Unique within the department' }),
    domain: t.string({ required: false, description: '所属领域（分库）/ Domain of a sub-pool' }),
    parentId: t.id({ required: false, description: '上级库（建分库时）/ Parent pool, for a sub-pool' }),
  }),
});

builder.mutationField('createTargetPool', (t) =>
  t.prismaField({
    type: 'TargetPool',
    description: '新建检查对象名录库或分库 / Create a target pool, or a sub-pool under a parent',
    authScopes: { office: true, departmentAdmin: true },
    args: { input: t.arg({ type: CreateTargetPoolInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const pool = await pools.createTargetPool(ctx, { ...input, departmentId: String(input.departmentId), parentId: input.parentId ? String(input.parentId) : null });
      return prisma().targetPool.findUniqueOrThrow({ ...query, where: { id: pool.id } });
    },
  }),
);

builder.mutationField('renameTargetPool', (t) =>
  t.prismaField({
    type: 'TargetPool',
    description: '修改名录库名称或领域 / Rename a target pool (and optionally its domain)',
    authScopes: { office: true, departmentAdmin: true },
    args: { id: t.arg.id({ required: true }), name: t.arg.string({ required: true }), domain: t.arg.string({ required: false }) },
    resolve: async (query, _r, args, ctx) => {
      const pool = await pools.renameTargetPool(ctx, String(args.id), args.name, args.domain);
      return prisma().targetPool.findUniqueOrThrow({ ...query, where: { id: pool.id } });
    },
  }),
);

const PoolKind = builder.enumType('PoolKind', {
  description: '名录库类型 / Kind of pool',
  values: { TARGET: { description: '检查对象名录库' }, INSPECTOR: { description: '执法检查人员名录库' } } as const,
});

const ConfirmedPool = builder.objectRef<pools.ConfirmedPool>('ConfirmedPool').implement({
  description: '两库更新确认结果 / A pool confirmed current',
  fields: (t) => ({
    kind: t.field({ type: PoolKind, resolve: (c) => c.kind }),
    confirmedAt: t.expose('confirmedAt', { type: 'DateTime' }),
    confirmedPoolCount: t.int({ description: '含分库在内确认的名录库数 / Pools confirmed, sub-pools included', resolve: (c) => c.confirmedIds.length }),
    targetPool: t.prismaField({
      type: 'TargetPool',
      nullable: true,
      resolve: (query, c) => (c.kind === 'TARGET' ? prisma().targetPool.findUnique({ ...query, where: { id: c.id } }) : null),
    }),
    inspectorPool: t.prismaField({
      type: 'InspectorPool',
      nullable: true,
      resolve: (query, c) => (c.kind === 'INSPECTOR' ? prisma().inspectorPool.findUnique({ ...query, where: { id: c.id } }) : null),
    }),
  }),
});

builder.mutationField('confirmPool', (t) =>
  t.field({
    type: ConfirmedPool,
    description: '两库更新确认：确认名录库（检查对象库连同分库，或执法检查人员库）为最新 / Confirm a target pool (with its sub-pools) or an inspector pool is current',
    authScopes: { office: true, departmentAdmin: true },
    args: { id: t.arg.id({ required: true, description: '检查对象名录库或执法检查人员名录库的标识 / A target or inspector pool id' }) },
    resolve: (_r, args, ctx) => pools.confirmPool(ctx, String(args.id)),
  }),
);

const StalePool = builder.objectRef<pools.StalePool>('StalePool').implement({
  description: '未确认或确认已过期的名录库 / A pool never confirmed or confirmed too long ago',
  fields: (t) => ({
    kind: t.field({ type: PoolKind, resolve: (p) => p.kind }),
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    confirmedAt: t.expose('confirmedAt', { type: 'DateTime', nullable: true }),
  }),
});

const PoolConfirmationReason = builder.enumType('PoolConfirmationReason', {
  values: {
    CURRENT: { description: '已在有效期内确认' },
    NO_POOLS: { description: '尚无名录库' },
    NOT_CONFIRMED: { description: '有名录库从未确认' },
    EXPIRED: { description: '确认已过期' },
  } as const,
});

const PoolConfirmationStatus = builder.objectRef<pools.PoolConfirmationStatus>('PoolConfirmationStatus').implement({
  description: '部门两库更新确认情况 / Whether a department confirmed its pools within the configured age',
  fields: (t) => ({
    department: t.prismaField({ type: 'Department', resolve: (query, s) => prisma().department.findUniqueOrThrow({ ...query, where: { id: s.departmentId } }) }),
    current: t.exposeBoolean('current'),
    reason: t.field({ type: PoolConfirmationReason, resolve: (s) => s.reason }),
    maxAgeDays: t.exposeInt('maxAgeDays'),
    targetPoolCount: t.exposeInt('targetPoolCount'),
    inspectorPoolCount: t.exposeInt('inspectorPoolCount'),
    oldestConfirmedAt: t.expose('oldestConfirmedAt', { type: 'DateTime', nullable: true }),
    validUntil: t.expose('validUntil', { type: 'DateTime', nullable: true }),
    stalePools: t.field({ type: [StalePool], resolve: (s) => s.stalePools }),
  }),
});

builder.queryField('poolConfirmationStatus', (t) =>
  t.field({
    type: [PoolConfirmationStatus],
    description: '两库更新确认情况（办公室：任意部门，默认全部；部门：本部门）/ Pool confirmation status per department',
    authScopes: { staff: true },
    args: { departmentIds: t.arg.idList({ required: false }) },
    resolve: (_r, args, ctx) => pools.poolConfirmationStatusFor(ctx, args.departmentIds?.map(String)),
  }),
);

const targetFields = (t: PothosSchemaTypes.InputFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<never>, 'InputObject'>, required: boolean) => ({
  uscc: t.string({ required, description: '统一社会信用代码（自动规范化并校验）/ USCC, normalised and checked' }),
  name: t.string({ required }),
  legalRepresentative: t.string({ required: false }),
  address: t.string({ required: false }),
  regionCode: t.string({ required, description: '行政区划代码，6 或 9 位 / Region code, 6 or 9 digits' }),
  industryCode: t.string({ required, description: 'GB/T 4754 行业代码，如 C1391 / Industry code, e.g. C1391' }),
  businessScope: t.string({ required: false }),
  establishedOn: t.field({ type: 'Date', required: false }),
  complaintCount: t.int({ required: false }),
  onAbnormalList: t.boolean({ required: false }),
  onKeyAttentionList: t.boolean({ required: false }),
  seriousViolation: t.boolean({ required: false }),
});

const CreateTargetInput = builder.inputType('CreateTargetInput', {
  fields: (t) => ({
    poolId: t.id({ required: true, description: '放入的名录库（及其上级库）/ Pool to add it to (and the pool\'s parents)' }),
    ...targetFields(t as never, true),
    type: t.field({ type: TargetType, required: false }),
    riskClass: t.field({ type: RiskClass, required: false }),
    status: t.field({ type: TargetStatus, required: false }),
  }),
});

const UpdateTargetInput = builder.inputType('UpdateTargetInput', {
  description: '只修改给出的字段 / Only the given fields change',
  fields: (t) => ({
    ...targetFields(t as never, false),
    type: t.field({ type: TargetType, required: false }),
    riskClass: t.field({ type: RiskClass, required: false }),
    status: t.field({ type: TargetStatus, required: false }),
  }),
});

builder.mutationField('createTarget', (t) =>
  t.prismaField({
    type: 'Target',
    description: '新建检查对象并放入名录库 / Create a target in a pool',
    authScopes: { office: true, departmentAdmin: true },
    args: { input: t.arg({ type: CreateTargetInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const { poolId, ...fields } = input;
      const target = await pools.createTarget(ctx, String(poolId), fields as pools.TargetInput);
      return prisma().target.findUniqueOrThrow({ ...query, where: { id: target.id } });
    },
  }),
);

builder.mutationField('updateTarget', (t) =>
  t.prismaField({
    type: 'Target',
    description: '修改检查对象（部门管理员：本部门名录库中的对象）/ Update a target (department admins: targets in their pools)',
    authScopes: { office: true, departmentAdmin: true },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateTargetInput, required: true }) },
    resolve: async (query, _r, args, ctx) => {
      const target = await pools.updateTarget(ctx, String(args.id), args.input as pools.TargetInput);
      return prisma().target.findUniqueOrThrow({ ...query, where: { id: target.id } });
    },
  }),
);

const AddTargetsToPoolResult = builder.objectRef<{ poolId: string; added: number }>('AddTargetsToPoolResult').implement({
  fields: (t) => ({
    added: t.exposeInt('added', { description: '新加入的个数（已在库中的不计）/ Newly added (members already there not counted)' }),
    pool: t.prismaField({ type: 'TargetPool', resolve: (query, r) => prisma().targetPool.findUniqueOrThrow({ ...query, where: { id: r.poolId } }) }),
  }),
});

builder.mutationField('addTargetsToPool', (t) =>
  t.field({
    type: AddTargetsToPoolResult,
    description: '将已有检查对象加入名录库（同时加入上级库；每次 ≤ 1000 个）/ Add existing targets to a pool and its parents (≤ 1000 per call)',
    authScopes: { office: true, departmentAdmin: true },
    args: { poolId: t.arg.id({ required: true }), targetIds: t.arg.idList({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const r = await pools.addTargetsToPool(ctx, String(args.poolId), args.targetIds.map(String));
      return { poolId: r.pool.id, added: r.added };
    },
  }),
);

builder.mutationField('removeTargetFromPool', (t) =>
  t.prismaField({
    type: 'TargetPool',
    description: '将检查对象移出名录库（同时移出其分库）/ Remove a target from a pool and its sub-pools',
    authScopes: { office: true, departmentAdmin: true },
    args: { poolId: t.arg.id({ required: true }), targetId: t.arg.id({ required: true }) },
    resolve: async (query, _r, args, ctx) => {
      const pool = await pools.removeTargetFromPool(ctx, String(args.poolId), String(args.targetId));
      return prisma().targetPool.findUniqueOrThrow({ ...query, where: { id: pool.id } });
    },
  }),
);

const CreateInspectorPoolInput = builder.inputType('CreateInspectorPoolInput', {
  fields: (t) => ({ departmentId: t.id({ required: true }), name: t.string({ required: true }) }),
});

builder.mutationField('createInspectorPool', (t) =>
  t.prismaField({
    type: 'InspectorPool',
    description: '新建执法检查人员名录库 / Create an inspector pool',
    authScopes: { office: true, departmentAdmin: true },
    args: { input: t.arg({ type: CreateInspectorPoolInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const pool = await pools.createInspectorPool(ctx, { departmentId: String(input.departmentId), name: input.name });
      return prisma().inspectorPool.findUniqueOrThrow({ ...query, where: { id: pool.id } });
    },
  }),
);

const inspectorFields = (t: PothosSchemaTypes.InputFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<never>, 'InputObject'>, required: boolean) => ({
  poolId: t.id({ required: false, description: '所在执法检查人员名录库 / Inspector pool' }),
  name: t.string({ required }),
  certificateNo: t.string({ required, description: '执法证号（唯一）/ Enforcement certificate number (unique)' }),
  qualifications: t.stringList({ required: false, description: '执法资格 / Qualifications' }),
  expertiseTags: t.stringList({ required: false, description: '专业特长标签 / Expertise tags' }),
  isThirdPartyExpert: t.boolean({ required: false, description: '第三方专家 / Third-party expert' }),
  active: t.boolean({ required: false }),
  phone: t.string({ required: false }),
});

const CreateInspectorInput = builder.inputType('CreateInspectorInput', {
  fields: (t) => ({
    departmentId: t.id({ required: false, description: '所属部门（给出 poolId 时可省略）/ Department (implied by poolId)' }),
    ...inspectorFields(t as never, true),
  }),
});

const UpdateInspectorInput = builder.inputType('UpdateInspectorInput', {
  description: '只修改给出的字段 / Only the given fields change',
  fields: (t) => inspectorFields(t as never, false),
});

builder.mutationField('createInspector', (t) =>
  t.prismaField({
    type: 'Inspector',
    description: '登记执法检查人员或第三方专家 / Register an inspector or third-party expert',
    authScopes: { office: true, departmentAdmin: true },
    args: { input: t.arg({ type: CreateInspectorInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const i = await pools.createInspector(ctx, { ...(input as pools.InspectorInput), departmentId: input.departmentId ? String(input.departmentId) : null, poolId: input.poolId ? String(input.poolId) : null });
      return prisma().inspector.findUniqueOrThrow({ ...query, where: { id: i.id } });
    },
  }),
);

builder.mutationField('updateInspector', (t) =>
  t.prismaField({
    type: 'Inspector',
    description: '修改执法检查人员（含启用 / 停用）/ Update an inspector (including active)',
    authScopes: { office: true, departmentAdmin: true },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateInspectorInput, required: true }) },
    resolve: async (query, _r, args, ctx) => {
      const { poolId, ...rest } = args.input;
      const i = await pools.updateInspector(ctx, String(args.id), { ...(rest as pools.InspectorInput), ...(poolId !== undefined ? { poolId: poolId === null ? null : String(poolId) } : {}) });
      return prisma().inspector.findUniqueOrThrow({ ...query, where: { id: i.id } });
    },
  }),
);

const InspectorLeaveInput = builder.inputType('InspectorLeaveInput', {
  fields: (t) => ({
    startsOn: t.field({ type: 'Date', required: true }),
    endsOn: t.field({ type: 'Date', required: true, description: '含当日 / Inclusive' }),
    reason: t.string({ required: false }),
  }),
});

builder.mutationField('setInspectorLeave', (t) =>
  t.prismaField({
    type: 'Inspector',
    description: '设置执法检查人员的请假 / 不可用时段（整体替换）/ Replace an inspector\'s leave and unavailability windows',
    authScopes: { office: true, departmentAdmin: true },
    args: { inspectorId: t.arg.id({ required: true }), leaves: t.arg({ type: [InspectorLeaveInput], required: true }) },
    resolve: async (query, _r, args, ctx) => {
      const i = await pools.setInspectorLeave(ctx, String(args.inspectorId), args.leaves);
      return prisma().inspector.findUniqueOrThrow({ ...query, where: { id: i.id } });
    },
  }),
);

const AddRecusalInput = builder.inputType('AddRecusalInput', {
  fields: (t) => ({
    inspectorId: t.id({ required: true }),
    targetId: t.id({ required: false, description: '检查对象标识（与 targetUscc 二选一）/ Target id, or give targetUscc' }),
    targetUscc: t.string({ required: false, description: '检查对象统一社会信用代码 / Target USCC' }),
    reason: t.string({ required: true, description: '回避事由 / Why the inspector must not inspect the target' }),
  }),
});

builder.mutationField('addRecusal', (t) =>
  t.prismaField({
    type: 'Recusal',
    description: '登记回避（执法检查人员与检查对象存在利害关系）/ Record that an inspector must not inspect a target',
    authScopes: { office: true, departmentAdmin: true },
    args: { input: t.arg({ type: AddRecusalInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const r = await pools.addRecusal(ctx, { ...input, inspectorId: String(input.inspectorId), targetId: input.targetId ? String(input.targetId) : null });
      return prisma().recusal.findUniqueOrThrow({ ...query, where: { id: r.id } });
    },
  }),
);

builder.mutationField('removeRecusal', (t) =>
  t.id({
    description: '撤销回避登记，返回被删除的标识 / Remove a recusal; returns its id',
    authScopes: { office: true, departmentAdmin: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => (await pools.removeRecusal(ctx, String(args.id))).id,
  }),
);

