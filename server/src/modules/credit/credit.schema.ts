// Credit linkage (信用监管衔接) and follow-up (后续处置 / 移送); read API.
import { builder } from '../../builder.ts';
import { prisma } from '../../db/database.ts';
import { CreditEventKind, FollowUpKind, FollowUpStatus, RiskClass } from '../../shared/enums.ts';
import { and, idEq, idsIn, oneOf } from '../../shared/filters.ts';
import { defineListQueries } from '../../shared/pagination.ts';
import * as credit from './credit.service.ts';
import * as followUps from './followup.service.ts';

export const CreditEvent = builder.prismaObject('CreditEvent', {
  description: '信用事件 / A credit consequence of a result: abnormal-operations list, dishonesty record, follow-up',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: CreditEventKind }),
    resultCode: t.exposeInt('resultCode', { nullable: true }),
    effectiveFrom: t.expose('effectiveFrom', { type: 'Date' }),
    effectiveTo: t.expose('effectiveTo', { type: 'Date', nullable: true }),
    repairedAt: t.expose('repairedAt', { type: 'DateTime', nullable: true, description: '信用修复时间 / Credit repair' }),
    repairReason: t.exposeString('repairReason', { nullable: true }),
    repairedBy: t.exposeID('repairedBy', { nullable: true, description: '修复操作人（用户标识）/ User who repaired it' }),
    note: t.exposeString('note', { nullable: true, description: '说明（来源结果、终止原因）/ Origin and, when ended, why' }),
    departmentId: t.exposeID('departmentId', { nullable: true, description: '产生事件的部门 / Department whose result created it' }),
    active: t.boolean({
      description: '今日（中国时间）是否生效：已开始、未终止、未修复 / In effect today (China): started, not ended, not repaired',
      select: { effectiveFrom: true, effectiveTo: true, repairedAt: true },
      resolve: (e) => {
        const today = credit.chinaToday().getTime();
        return !e.repairedAt && e.effectiveFrom.getTime() <= today && (!e.effectiveTo || e.effectiveTo.getTime() > today);
      },
    }),
    target: t.relation('target'),
    itemResult: t.relation('itemResult', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const CreditEventFilter = builder.inputType('CreditEventFilter', {
  fields: (t) => ({
    ids: t.idList({ required: false }),
    targetId: t.id({ required: false }),
    kind: t.field({ type: [CreditEventKind], required: false }),
    repaired: t.boolean({ required: false }),
  }),
});

defineListQueries<typeof CreditEventFilter.$inferInput>({
  model: 'CreditEvent',
  authScopes: { reader: true, partner: 'results:read' },
  name: 'CreditEvent',
  label: '信用事件',
  plural: 'creditEvents',
  singular: 'creditEvent',
  description: '信用事件',
  ref: CreditEvent,
  filter: CreditEventFilter,
  where: (f) =>
    and(
      idsIn(f?.ids),
      idEq('targetId', f?.targetId),
      oneOf('kind', f?.kind),
      f?.repaired == null ? undefined : f.repaired ? { repairedAt: { not: null } } : { repairedAt: null },
    ),
  sortFields: ['effectiveFrom', 'createdAt'],
  defaultSort: [{ effectiveFrom: 'desc' }],
});

export const FollowUp = builder.prismaObject('FollowUp', {
  description: '后续处置 / 移送 / Rectification, case filing or transfer, tracked to closure',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: FollowUpKind }),
    status: t.expose('status', { type: FollowUpStatus }),
    description: t.exposeString('description'),
    dueOn: t.expose('dueOn', { type: 'Date', nullable: true }),
    reference: t.exposeString('reference', { nullable: true, description: '文书编号（整改通知书、立案号、移送函号）/ Document number' }),
    overdue: t.boolean({
      description: '已逾期：处置期限早于今日（中国时间）且未办结 / Due before today (China time) and not closed',
      select: { dueOn: true, status: true },
      resolve: (f) => followUps.isOverdue(f),
    }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
    closureNote: t.exposeString('closureNote', { nullable: true }),
    target: t.relation('target'),
    task: t.relation('task', { nullable: true }),
    itemResult: t.relation('itemResult', { nullable: true }),
    department: t.relation('department'),
    toDepartment: t.relation('toDepartment', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const FollowUpFilter = builder.inputType('FollowUpFilter', {
  fields: (t) => ({
    ids: t.idList({ required: false }),
    departmentId: t.id({ required: false }),
    targetId: t.id({ required: false }),
    taskId: t.id({ required: false }),
    kind: t.field({ type: [FollowUpKind], required: false }),
    status: t.field({ type: [FollowUpStatus], required: false }),
    overdueOn: t.field({ type: 'Date', required: false, description: '在该日已逾期且未办结 / Open and past due on this date' }),
    overdue: t.boolean({ required: false, description: '今日（中国时间）是否逾期 / Overdue today (China time): true or false' }),
  }),
});

defineListQueries<typeof FollowUpFilter.$inferInput>({
  model: 'FollowUp',
  authScopes: { reader: true },
  name: 'FollowUp',
  label: '后续处置',
  plural: 'followUps',
  singular: 'followUp',
  description: '后续处置',
  ref: FollowUp,
  filter: FollowUpFilter,
  where: (f) =>
    and(
      idsIn(f?.ids),
      idEq('departmentId', f?.departmentId),
      idEq('targetId', f?.targetId),
      idEq('taskId', f?.taskId),
      oneOf('kind', f?.kind),
      oneOf('status', f?.status),
      f?.overdueOn ? { status: { not: 'CLOSED' }, dueOn: { lt: f.overdueOn } } : undefined,
      f?.overdue == null ? undefined : followUps.overdueWhere(f.overdue),
    ),
  sortFields: ['dueOn', 'createdAt', 'updatedAt'],
  defaultSort: [{ dueOn: 'asc' }],
});

// ───────────────────────────── mutations ─────────────────────────────

builder.mutationField('repairCreditEvent', (t) =>
  t.prismaField({
    type: 'CreditEvent',
    description: '信用修复（联席会议办公室；须填写理由；事件保留可见，风险分类重算）/ Credit repair by the office: reason required; the event stays visible; the class is recomputed',
    authScopes: { office: true },
    args: { id: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: async (query, _r, args, ctx) => {
      const e = await credit.repairCreditEvent(ctx, String(args.id), args.reason);
      return prisma().creditEvent.findUniqueOrThrow({ ...query, where: { id: e.id } });
    },
  }),
);

const RiskClassChange = builder.objectRef<credit.ClassChange>('RiskClassChange').implement({
  description: '信用风险分类变化 / A change of a target\'s effective risk class',
  fields: (t) => ({
    before: t.field({ type: RiskClass, resolve: (c) => c.before }),
    after: t.field({ type: RiskClass, resolve: (c) => c.after }),
    target: t.prismaField({ type: 'Target', resolve: (query, c) => prisma().target.findUniqueOrThrow({ ...query, where: { id: c.id } }) }),
  }),
});

const RecomputeRiskClassesResult = builder.objectRef<{ checked: number; changes: credit.ClassChange[] }>('RecomputeRiskClassesResult').implement({
  fields: (t) => ({
    checked: t.exposeInt('checked', { description: '重算的检查对象数 / Targets recomputed' }),
    changes: t.field({ type: [RiskClassChange], resolve: (r) => r.changes.slice(0, 100), description: '分类有变化的（最多 100 个）/ Targets whose class changed (first 100)' }),
    changedCount: t.int({ resolve: (r) => r.changes.length }),
  }),
});

builder.mutationField('recomputeRiskClasses', (t) =>
  t.field({
    type: RecomputeRiskClassesResult,
    description:
      '重算信用事件已开始或已到期的检查对象的风险分类（办公室，摇号前或每日）/ Recompute the class of targets whose credit events started or expired since their last computation (office; before draws or daily)',
    authScopes: { office: true },
    resolve: (_r, _a, ctx) => credit.recomputeDueRiskClasses(ctx),
  }),
);

const CreateFollowUpInput = builder.inputType('CreateFollowUpInput', {
  fields: (t) => ({
    itemResultId: t.id({ required: false, description: '本部门录入的检查结果 / A result the department entered' }),
    targetId: t.id({ required: false, description: '无结果时：本部门名录库或任务中的检查对象 / Without a result: a target of the department' }),
    departmentId: t.id({ required: false, description: '承办部门（办公室代办时填写）/ Owner department (the office acting for it)' }),
    kind: t.field({ type: FollowUpKind, required: true }),
    description: t.string({ required: true }),
    dueOn: t.field({ type: 'Date', required: false, description: '处置期限（整改必填）/ Due date (required for rectification)' }),
    toDepartmentId: t.id({ required: false, description: '移送主管部门时必填 / Required for TRANSFER_DEPARTMENT' }),
    reference: t.string({ required: false }),
  }),
});

const UpdateFollowUpInput = builder.inputType('UpdateFollowUpInput', {
  fields: (t) => ({
    status: t.field({ type: FollowUpStatus, required: false, description: 'OPEN → IN_PROGRESS（办结用 closeFollowUp）' }),
    kind: t.field({ type: FollowUpKind, required: false, description: '整改 / 立案（移送用 transferFollowUp）' }),
    reference: t.string({ required: false }),
    dueOn: t.field({ type: 'Date', required: false }),
    description: t.string({ required: false }),
  }),
});

const followUpField = (resolveFn: (args: any, ctx: any) => Promise<{ id: string }>) => ({
  type: 'FollowUp' as const,
  authScopes: { office: true, departmentAdmin: true },
  resolve: async (query: object, _r: unknown, args: any, ctx: any) => {
    const f = await resolveFn(args, ctx);
    return prisma().followUp.findUniqueOrThrow({ ...query, where: { id: f.id } });
  },
});

builder.mutationField('createFollowUp', (t) =>
  t.prismaField({
    ...followUpField((args, ctx) => followUps.createFollowUp(ctx, args.input)),
    description: '发起后续处置（部门对本部门的结果或检查对象）/ Open a follow-up for a result or target of the department',
    args: { input: t.arg({ type: CreateFollowUpInput, required: true }) },
  }),
);

builder.mutationField('updateFollowUp', (t) =>
  t.prismaField({
    ...followUpField((args, ctx) => followUps.updateFollowUp(ctx, String(args.id), args.input)),
    description: '后续处置进展：状态、文书编号、期限 / Progress of a follow-up: status, document number, due date',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateFollowUpInput, required: true }) },
  }),
);

builder.mutationField('transferFollowUp', (t) =>
  t.prismaField({
    ...followUpField((args, ctx) => followUps.transferFollowUp(ctx, String(args.id), args.kind, args.toDepartmentId ? String(args.toDepartmentId) : null, args.reference)),
    description: '移送主管部门（接收部门随后可见并办理）或移送司法机关 / Transfer to the competent department (which then sees it) or to the police',
    args: {
      id: t.arg.id({ required: true }),
      kind: t.arg({ type: FollowUpKind, required: true, description: 'TRANSFER_DEPARTMENT 或 TRANSFER_POLICE' }),
      toDepartmentId: t.arg.id({ required: false }),
      reference: t.arg.string({ required: false, description: '移送函号 / Transfer letter number' }),
    },
  }),
);

builder.mutationField('closeFollowUp', (t) =>
  t.prismaField({
    ...followUpField((args, ctx) => followUps.closeFollowUp(ctx, String(args.id), args.closureNote)),
    description: '办结（闭环，须填写办结说明）/ Close a follow-up (closure note required)',
    args: { id: t.arg.id({ required: true }), closureNote: t.arg.string({ required: true }) },
  }),
);
