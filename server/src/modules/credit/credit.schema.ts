// Credit linkage (信用监管衔接) and follow-up (后续处置 / 移送); read API.
import { builder } from '../../builder.ts';
import { CreditEventKind, FollowUpKind, FollowUpStatus } from '../../shared/enums.ts';
import { and, eq, idEq, idsIn, oneOf } from '../../shared/filters.ts';
import { defineListQueries } from '../../shared/pagination.ts';

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
    ),
  sortFields: ['dueOn', 'createdAt', 'updatedAt'],
  defaultSort: [{ dueOn: 'asc' }],
});
