// Tasks (抽查任务) with participants, acceptance and items per participant; read API.
import { builder } from '../../builder.ts';
import { AcceptanceState, InspectionMode, ParticipantRole, TaskStatus } from '../../shared/enums.ts';
import { and, contains, dateRange, eq, idEq, idsIn, oneOf } from '../../shared/filters.ts';
import { defineListQueries } from '../../shared/pagination.ts';
import { RiskRatios, TargetScope } from '../plan/plan.schema.ts';

export const TaskItem = builder.prismaObject('TaskItem', {
  description: '参与部门在任务中的抽查事项 / A check item a participating department brings to the task',
  fields: (t) => ({
    ratioBp: t.exposeInt('ratioBp', { nullable: true }),
    department: t.relation('department'),
    checkItem: t.relation('checkItem'),
  }),
});

export const TaskParticipant = builder.prismaObject('TaskParticipant', {
  description: '任务的牵头 / 参与部门及签收情况 / A department in a task and its acceptance',
  fields: (t) => ({
    role: t.expose('role', { type: ParticipantRole }),
    acceptance: t.expose('acceptance', { type: AcceptanceState }),
    respondedAt: t.expose('respondedAt', { type: 'DateTime', nullable: true }),
    declineReason: t.exposeString('declineReason', { nullable: true }),
    invitedAt: t.expose('invitedAt', { type: 'DateTime', nullable: true }),
    department: t.relation('department'),
    items: t.relation('items'),
  }),
});

export const Task = builder.prismaObject('Task', {
  description: '抽查任务 / One execution of a plan: window, lead and participants, items, draws and records',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    year: t.exposeInt('year'),
    mode: t.expose('mode', { type: InspectionMode }),
    status: t.expose('status', { type: TaskStatus }),
    windowStart: t.expose('windowStart', { type: 'Date' }),
    windowEnd: t.expose('windowEnd', { type: 'Date' }),
    inspectionEndOn: t.expose('inspectionEndOn', { type: 'Date', description: '检查结束日期 / Inspection end date' }),
    acceptanceDueOn: t.expose('acceptanceDueOn', { type: 'Date', nullable: true }),
    drawDueOn: t.expose('drawDueOn', { type: 'Date', nullable: true }),
    publicationDueOn: t.expose('publicationDueOn', { type: 'Date', nullable: true, description: '公示截止（检查结束后第 20 个工作日）' }),
    stratified: t.exposeBoolean('stratified', { description: '按信用风险分类分层抽取 / Stratified by credit risk class' }),
    ratios: t.field({ type: RiskRatios, resolve: (task) => task }),
    scope: t.field({ type: TargetScope, resolve: (task) => task }),
    reissueReason: t.exposeString('reissueReason', { nullable: true }),
    cancelReason: t.exposeString('cancelReason', { nullable: true }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
    plan: t.relation('plan', { nullable: true }),
    leadDepartment: t.relation('leadDepartment'),
    participants: t.relation('participants', { query: { orderBy: [{ role: 'asc' }, { departmentId: 'asc' }] } }),
    items: t.relation('items'),
    reissuedFrom: t.relation('reissuedFrom', { nullable: true, description: '原任务 / The task this one re-issues' }),
    reissues: t.relation('reissues', { description: '重新派发的任务 / Tasks re-issued from this one' }),
    draws: t.relation('draws', { query: { orderBy: { committedAt: 'asc' } } }),
    recordCount: t.relationCount('records'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const TaskFilter = builder.inputType('TaskFilter', {
  fields: (t) => ({
    ids: t.idList({ required: false }),
    q: t.string({ required: false, description: '名称或编号包含' }),
    year: t.int({ required: false }),
    status: t.field({ type: [TaskStatus], required: false }),
    mode: t.field({ type: InspectionMode, required: false }),
    departmentId: t.id({ required: false, description: '牵头或参与 / Leading or participating' }),
    leadDepartmentId: t.id({ required: false }),
    planId: t.id({ required: false }),
    windowFrom: t.field({ type: 'Date', required: false, description: '执行窗口开始不早于' }),
    windowTo: t.field({ type: 'Date', required: false, description: '执行窗口开始不晚于' }),
  }),
});

defineListQueries<typeof TaskFilter.$inferInput>({
  model: 'Task',
  authScopes: { reader: true },
  name: 'Task',
  label: '抽查任务',
  plural: 'tasks',
  singular: 'task',
  description: '抽查任务',
  ref: Task,
  filter: TaskFilter,
  where: (f) =>
    and(
      idsIn(f?.ids),
      contains(['name', 'code'], f?.q),
      eq('year', f?.year),
      oneOf('status', f?.status),
      eq('mode', f?.mode),
      f?.departmentId ? { participants: { some: idEq('departmentId', f.departmentId) } } : undefined,
      idEq('leadDepartmentId', f?.leadDepartmentId),
      idEq('planId', f?.planId),
      dateRange('windowStart', f?.windowFrom, f?.windowTo),
    ),
  sortFields: ['code', 'name', 'year', 'status', 'windowStart', 'inspectionEndOn', 'publicationDueOn', 'createdAt', 'updatedAt'],
  defaultSort: [{ windowStart: 'desc' }],
});
