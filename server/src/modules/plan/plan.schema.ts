// Plans (抽查计划): departmental and joint annual plans with their version history; read API.
import { builder } from '../../builder.ts';
import { InspectionMode, ListKind, ParticipantRole, PlanStatus, TargetType } from '../../shared/enums.ts';
import { and, contains, eq, idEq, idsIn } from '../../shared/filters.ts';
import { defineListQueries } from '../../shared/pagination.ts';

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
    compiledFrom: t.relation('compiledFrom', { description: '汇编的部门计划 / Departmental plans compiled into this joint plan' }),
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
