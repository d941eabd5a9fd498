// Plans (抽查计划): departmental and joint annual plans with their version history: types, lists, mutations and the
// office's planning queries (thin resolvers; the rules live in plan.service.ts).
import { builder } from '../../builder.ts';
import { InspectionMode, ListKind, ParticipantRole, PlanStatus, TargetType } from '../../shared/enums.ts';
import { and, contains, eq, idEq, idsIn } from '../../shared/filters.ts';
import { queryFromInfo } from '@pothos/plugin-prisma';
import { prisma } from '../../db/database.ts';
import { defineListQueries, requireId } from '../../shared/pagination.ts';
import { selects } from '../../shared/selection.ts';
import { Department } from '../department/department.schema.ts';
import { Target } from '../pool/pool.schema.ts';
import { visibleWhere } from '../access/visibility.ts';
import * as plans from './plan.service.ts';

export const RiskRatios = builder
  .objectRef<{ ratioABp: number; ratioBBp: number; ratioCBp: number; ratioDBp: number }>('RiskRatios')
  .implement({
    description: '按信用风险分类的抽查比例（基点，1% = 100）/ Sampling ratio per risk class, basis points',
    fields: (t) => ({
      A: t.exposeInt('ratioABp'),
      B: t.exposeInt('ratioBBp'),
      C: t.exposeInt('ratioCBp'),
      D: t.exposeInt('ratioDBp'),
    }),
  });

export const TargetScope = builder
  .objectRef<{ scopeIndustryCodes: string[]; scopeRegionCodes: string[]; scopeTargetTypes: string[]; scopeKeywords: string[] }>('TargetScope')
  .implement({
    description: '抽查范围 / Which targets are in scope (empty list = no restriction)',
    fields: (t) => ({
      industryCodes: t.exposeStringList('scopeIndustryCodes', { description: '行业代码前缀' }),
      regionCodes: t.exposeStringList('scopeRegionCodes', { description: '行政区划代码前缀' }),
      targetTypes: t.field({ type: [TargetType], resolve: (s) => s.scopeTargetTypes as never }),
      keywords: t.exposeStringList('scopeKeywords', { description: '经营范围关键词' }),
    }),
  });

export const PlanParticipant = builder.prismaObject('PlanParticipant', {
  fields: (t) => ({
    role: t.expose('role', { type: ParticipantRole }),
    department: t.relation('department'),
  }),
});

export const PlanItem = builder.prismaObject('PlanItem', {
  fields: (t) => ({
    ratioBp: t.exposeInt('ratioBp', { nullable: true }),
    department: t.relation('department'),
    checkItem: t.relation('checkItem'),
  }),
});

export const PlanVersion = builder.prismaObject('PlanVersion', {
  description: '计划发布与调整历史 / A published version of a plan, with the reason for an adjustment',
  fields: (t) => ({
    id: t.exposeID('id'),
    version: t.exposeInt('version'),
    reason: t.exposeString('reason', { nullable: true }),
    snapshot: t.expose('snapshot', { type: 'JSON' }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime' }),
  }),
});

export const Plan = builder.prismaObject('Plan', {
  description: '抽查计划 / An annual departmental or joint inspection plan',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    year: t.exposeInt('year'),
    kind: t.expose('kind', { type: ListKind }),
    mode: t.expose('mode', { type: InspectionMode }),
    status: t.expose('status', { type: PlanStatus }),
    version: t.exposeInt('version'),
    windowStart: t.expose('windowStart', { type: 'Date' }),
    windowEnd: t.expose('windowEnd', { type: 'Date' }),
    frequencyPerYear: t.exposeInt('frequencyPerYear'),
    ratios: t.field({ type: RiskRatios, resolve: (p) => p }),
    scope: t.field({ type: TargetScope, resolve: (p) => p }),
    description: t.exposeString('description', { nullable: true }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    department: t.relation('department', { description: '编制部门 / Owning department' }),
    jointPlan: t.relation('jointPlan', { nullable: true }),
    compiledFrom: t.relation('compiledFrom', {
      description: '汇编的部门计划 / Departmental plans compiled into this joint plan',
      // A compiled joint plan links SUBMITTED (unpublished) departmental plans: only those the caller may see.
      query: (_a, ctx) => ({ where: visibleWhere('Plan', ctx.actor), orderBy: { id: 'asc' } }),
    }),
    participants: t.relation('participants'),
    items: t.relation('items'),
    versions: t.relation('versions', { query: { orderBy: { version: 'desc' } } }),
    tasks: t.relation('tasks', { query: { orderBy: { windowStart: 'asc' } } }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const PlanFilter = builder.inputType('PlanFilter', {
  fields: (t) => ({
    ids: t.idList({ required: false }),
    q: t.string({ required: false }),
    year: t.int({ required: false }),
    departmentId: t.id({ required: false, description: '编制或参与 / Owning or participating' }),
    kind: t.field({ type: ListKind, required: false }),
    status: t.field({ type: PlanStatus, required: false }),
    mode: t.field({ type: InspectionMode, required: false }),
  }),
});

defineListQueries<typeof PlanFilter.$inferInput>({
  model: 'Plan',
  authScopes: { reader: true, partner: 'registers:read' },
  name: 'Plan',
  label: '抽查计划',
  plural: 'plans',
  singular: 'plan',
  description: '抽查计划',
  ref: Plan,
  filter: PlanFilter,
  where: (f) =>
    and(
      idsIn(f?.ids),
      contains(['name'], f?.q),
      eq('year', f?.year),
      f?.departmentId
        ? { OR: [idEq('departmentId', f.departmentId), { participants: { some: idEq('departmentId', f.departmentId) } }] }
        : undefined,
      eq('kind', f?.kind),
      eq('status', f?.status),
      eq('mode', f?.mode),
    ),
  sortFields: ['year', 'name', 'windowStart', 'createdAt'],
  defaultSort: [{ year: 'desc' }, { name: 'asc' }],
});

// ── computed facts ──

builder.objectFields(Plan, (t) => ({
  submittedAt: t.field({
    type: 'DateTime',
    nullable: true,
    description: '报送联席会议办公室的时间（审计记录）/ When the plan was submitted to the office (from its audit trail)',
    resolve: (p, _a, ctx) => ctx.loaders.planSubmittedAt.load(p.id),
  }),
  submittedLate: t.boolean({
    nullable: true,
    description: '是否晚于 1 月 20 日报送（未报送为 null）/ Submitted after 20 January of the plan year; null when not submitted',
    resolve: async (p, _a, ctx) => {
      const at = await ctx.loaders.planSubmittedAt.load(p.id);
      return at ? at >= plans.submissionDeadline(p.year) : null;
    },
  }),
}));

builder.objectFields(PlanVersion, (t) => ({
  publishedById: t.exposeID('publishedBy', { nullable: true, description: '发布或调整人 / Who published this version' }),
}));

// ── mutations (rules in plan.service.ts) ──

const RiskRatiosInput = builder.inputType('RiskRatiosInput', {
  description: '按信用风险分类的抽查比例（基点，0–10000）/ Ratios per risk class, basis points',
  fields: (t) => ({
    A: t.int({ required: true }),
    B: t.int({ required: true }),
    C: t.int({ required: true }),
    D: t.int({ required: true }),
  }),
});

const TargetScopeInput = builder.inputType('TargetScopeInput', {
  description: '抽查范围：各项为空表示不限，非空时须满足其中之一 / Scope: an empty list does not restrict; otherwise one entry must match',
  fields: (t) => ({
    industryCodes: t.stringList({ required: false, description: '行业代码前缀（GB/T 4754，如 C13）' }),
    regionCodes: t.stringList({ required: false, description: '行政区划代码前缀（GB/T 2260）' }),
    targetTypes: t.field({ type: [TargetType], required: false }),
    keywords: t.stringList({ required: false, description: '经营范围关键词' }),
  }),
});

const PlanItemInput = builder.inputType('PlanItemInput', {
  fields: (t) => ({
    checkItemId: t.id({ required: true }),
    ratioBp: t.int({ required: false, description: '该事项抽查比例（基点）；一般事项必填且不超过上限 / Required for GENERAL items, at most the cap' }),
  }),
});

const planChangeFields = (t: Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0]) => ({
  mode: t.field({ type: InspectionMode, required: false }),
  windowStart: t.field({ type: 'Date', required: false }),
  windowEnd: t.field({ type: 'Date', required: false }),
  frequencyPerYear: t.int({ required: false, description: '抽查频次（次/年，1–12）' }),
  ratios: t.field({ type: RiskRatiosInput, required: false }),
  scope: t.field({ type: TargetScopeInput, required: false }),
  description: t.string({ required: false }),
  leadDepartmentId: t.id({ required: false, description: '牵头部门（部门计划为本部门）/ Lead department' }),
  participantDepartmentIds: t.idList({ required: false, description: '参与部门 / Participating departments' }),
  items: t.field({ type: [PlanItemInput], required: false, description: '抽查事项（给出即整体替换）/ Items; given = replaced as a whole' }),
});

const CreatePlanInput = builder.inputType('CreatePlanInput', {
  description: '新建计划草稿 / A new plan draft',
  fields: (t) => ({
    ...planChangeFields(t),
    name: t.string({ required: true }),
    year: t.int({ required: true }),
    kind: t.field({ type: ListKind, required: true }),
    departmentId: t.id({ required: false, description: '部门计划的编制部门（联合计划为办公室所在部门）/ Owning department of a departmental plan' }),
    mode: t.field({ type: InspectionMode, required: true }),
    windowStart: t.field({ type: 'Date', required: true }),
    windowEnd: t.field({ type: 'Date', required: true }),
    ratios: t.field({ type: RiskRatiosInput, required: true }),
  }),
});

const UpdatePlanInput = builder.inputType('UpdatePlanInput', {
  description: '修改计划（只改给出的字段）/ Changes to a plan; absent fields stay as they are',
  fields: (t) => ({
    ...planChangeFields(t),
    name: t.string({ required: false }),
  }),
});

type PlanChangesArg = typeof UpdatePlanInput.$inferInput;

/** GraphQL input → service changes: ids checked, null means "unchanged" except for description (null clears it). */
function toChanges(input: PlanChangesArg, prefix: string): plans.PlanChanges {
  const c: plans.PlanChanges = {};
  if (input.name != null) c.name = input.name;
  if (input.mode != null) c.mode = input.mode;
  if (input.windowStart != null) c.windowStart = input.windowStart;
  if (input.windowEnd != null) c.windowEnd = input.windowEnd;
  if (input.frequencyPerYear != null) c.frequencyPerYear = input.frequencyPerYear;
  if (input.ratios != null) c.ratios = input.ratios;
  if (input.scope != null) c.scope = input.scope as plans.ScopeInput;
  if (input.description !== undefined) c.description = input.description;
  if (input.leadDepartmentId != null) c.leadDepartmentId = requireId(`${prefix}.leadDepartmentId`, String(input.leadDepartmentId));
  if (input.participantDepartmentIds != null)
    c.participantDepartmentIds = input.participantDepartmentIds.map((id, i) => requireId(`${prefix}.participantDepartmentIds[${i}]`, String(id)));
  if (input.items != null)
    c.items = input.items.map((it, i) => ({ checkItemId: requireId(`${prefix}.items[${i}].checkItemId`, String(it.checkItemId)), ratioBp: it.ratioBp ?? null }));
  return c;
}

const planResult = (query: object, id: string) => prisma().plan.findUniqueOrThrow({ ...query, where: { id } });

builder.mutationField('createPlan', (t) =>
  t.prismaField({
    type: 'Plan',
    description: '新建计划草稿（部门计划：本部门管理员或办公室；联合计划：办公室）/ Create a plan draft (departmental: own department admin or office; joint: office)',
    authScopes: { office: true, departmentAdmin: true },
    args: { input: t.arg({ type: CreatePlanInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const plan = await plans.createPlan(ctx, {
        ...toChanges(input, 'input'),
        name: input.name,
        year: input.year,
        kind: input.kind,
        departmentId: input.departmentId ? requireId('input.departmentId', String(input.departmentId)) : null,
        mode: input.mode,
        windowStart: input.windowStart,
        windowEnd: input.windowEnd,
        ratios: input.ratios,
      });
      return planResult(query, plan.id);
    },
  }),
);

builder.mutationField('updatePlan', (t) =>
  t.prismaField({
    type: 'Plan',
    description: '修改计划草稿（仅草稿）/ Edit a DRAFT plan',
    authScopes: { office: true, departmentAdmin: true },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdatePlanInput, required: true }) },
    resolve: async (query, _r, args, ctx) => {
      const plan = await plans.updatePlan(ctx, requireId('id', String(args.id)), toChanges(args.input, 'input'));
      return planResult(query, plan.id);
    },
  }),
);

builder.mutationField('submitPlan', (t) =>
  t.prismaField({
    type: 'Plan',
    description: '报送部门年度计划（每年 1 月 20 日前；逾期照收并标记 submittedLate）/ Submit a departmental plan to the office (due 20 January; late ones are accepted and flagged)',
    authScopes: { office: true, departmentAdmin: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _r, args, ctx) => planResult(query, (await plans.submitPlan(ctx, requireId('id', String(args.id)))).id),
  }),
);

builder.mutationField('publishPlan', (t) =>
  t.prismaField({
    type: 'Plan',
    description: '发布计划：冻结为新版本 / Publish a plan: freezes its content as the next version',
    authScopes: { office: true, departmentAdmin: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _r, args, ctx) => planResult(query, (await plans.publishPlan(ctx, requireId('id', String(args.id)))).id),
  }),
);

builder.mutationField('adjustPlan', (t) =>
  t.prismaField({
    type: 'Plan',
    description: '调整已发布计划：须说明理由，调整后发布新版本 / Adjust a published plan: a reason is required; publishes the next version',
    authScopes: { office: true, departmentAdmin: true },
    args: {
      id: t.arg.id({ required: true }),
      reason: t.arg.string({ required: true, description: '调整理由 / Why' }),
      changes: t.arg({ type: UpdatePlanInput, required: true }),
    },
    resolve: async (query, _r, args, ctx) =>
      planResult(query, (await plans.adjustPlan(ctx, requireId('id', String(args.id)), args.reason, toChanges(args.changes, 'changes'))).id),
  }),
);

builder.mutationField('compileJointPlan', (t) =>
  t.prismaField({
    type: 'Plan',
    description: '办公室汇编年度联合抽查计划草稿（关联已报送或已发布的部门计划）/ The office compiles the joint annual plan draft from submitted and published departmental plans',
    authScopes: { office: true },
    args: { year: t.arg.int({ required: true }), name: t.arg.string({ required: false }), mode: t.arg({ type: InspectionMode, required: false }) },
    resolve: async (query, _r, args, ctx) => planResult(query, (await plans.compileJointPlan(ctx, args.year, { name: args.name, mode: args.mode })).id),
  }),
);

// ── office queries ──

builder.queryField('departmentsWithoutJointTask', (t) =>
  t.prismaField({
    type: [Department],
    description: '本年度既未牵头也未参与部门联合抽查的部门（每部门每年至少一次）/ Departments that have neither led nor joined a joint task this year',
    authScopes: { office: true },
    args: { year: t.arg.int({ required: true }) },
    resolve: async (query, _r, args) => {
      const ids = await plans.departmentsWithoutJointTask(args.year);
      const rows = await prisma().department.findMany({ ...query, where: { id: { in: ids } } });
      const order = new Map(ids.map((id, i) => [id, i]));
      return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    },
  }),
);

interface OpportunityShape extends plans.JointOpportunityRow {
  plans: unknown[];
  sampleTargets: unknown[];
}

const JointOpportunity = builder.objectRef<OpportunityShape>('JointOpportunity').implement({
  description: '联合抽查机会：两个部门的已发布计划时间重叠、范围选中共同对象，可合并为一次联合抽查（进一次门、查多项事）/ Two departments\' published plans that overlap in time and select common targets',
  fields: (t) => ({
    plans: t.field({ type: [Plan], resolve: (o) => o.plans as never }),
    windowStart: t.expose('windowStart', { type: 'Date', description: '重叠时段开始 / Overlap starts' }),
    windowEnd: t.expose('windowEnd', { type: 'Date', description: '重叠时段结束 / Overlap ends' }),
    targetCount: t.exposeInt('targetCount', { description: '两计划共同选中的检查对象数 / Targets both plans select' }),
    sampleTargets: t.field({
      type: [Target],
      description: `共同对象样例（最多 ${plans.OPPORTUNITY_SAMPLE} 个，高风险在前）/ Up to ${plans.OPPORTUNITY_SAMPLE} of them, highest risk first`,
      resolve: (o) => o.sampleTargets as never,
    }),
  }),
});

builder.queryField('jointOpportunities', (t) =>
  t.field({
    type: [JointOpportunity],
    description: '联合抽查机会（按共同对象数降序）/ Joint opportunities of the year, most common targets first',
    authScopes: { office: true },
    args: { year: t.arg.int({ required: true }), minTargets: t.arg.int({ required: false, defaultValue: 1 }) },
    resolve: async (_r, args, ctx, info) => {
      const rows = await plans.jointOpportunities(args.year, args.minTargets ?? 1);
      // Plans and sample targets are loaded once for all rows, with the selection planned from the query.
      const planIds = [...new Set(rows.flatMap((r) => r.planIds))];
      const targetIds = [...new Set(rows.flatMap((r) => r.sampleTargetIds))];
      const [planRows, targetRows] = await Promise.all([
        rows.length && selects(info, 'plans')
          ? prisma().plan.findMany({ ...(queryFromInfo({ context: ctx, info, path: ['plans'] }) as object), where: { id: { in: planIds } } })
          : [],
        targetIds.length && selects(info, 'sampleTargets')
          ? prisma().target.findMany({ ...(queryFromInfo({ context: ctx, info, path: ['sampleTargets'] }) as object), where: { id: { in: targetIds } } })
          : [],
      ]);
      const planById = new Map((planRows as { id: string }[]).map((p) => [p.id, p]));
      const targetById = new Map((targetRows as { id: string }[]).map((x) => [x.id, x]));
      return rows.map((r) => ({
        ...r,
        plans: planById.size ? r.planIds.map((id) => planById.get(id)!) : [],
        sampleTargets: targetById.size ? r.sampleTargetIds.map((id) => targetById.get(id)!) : [],
      }));
    },
  }),
);
