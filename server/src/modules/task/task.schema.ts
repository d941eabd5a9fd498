// Tasks (抽查任务) with participants, acceptance and items per participant: read API, creation and editing,
// invitation, acceptance or decline (签收), cancellation. Resolvers are thin; rules live in task.service.ts.
import { builder } from '../../builder.ts';
import { prisma } from '../../db/database.ts';
import type { Target as TargetRow } from '../../generated/prisma/client.ts';
import { AcceptanceState, InspectionMode, ParticipantRole, TargetType, TaskStatus } from '../../shared/enums.ts';
import { and, contains, dateRange, eq, idEq, idsIn, oneOf } from '../../shared/filters.ts';
import { defineListQueries, requireId } from '../../shared/pagination.ts';
import { RiskRatios, TargetScope } from '../plan/plan.schema.ts';
import { Target } from '../pool/pool.schema.ts';
import * as tasks from './task.service.ts';
import { reissueTask } from './task.reissue.ts';
import { TASK_TRANSITIONS } from './task.state.ts';

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
  // Select mode: only the columns the query asks for (docs/BENCHMARKS.md, "Peer comparison"); the key stays loaded.
  select: { taskId: true, departmentId: true },
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
  // Select mode: a list of 100 tasks loads only the columns its query asks for (docs/BENCHMARKS.md, "Peer
  // comparison"); fields computed from other columns declare them with `select`.
  select: { id: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    year: t.exposeInt('year'),
    mode: t.expose('mode', { type: InspectionMode }),
    status: t.expose('status', { type: TaskStatus }),
    allowedTransitions: t.field({
      type: [TaskStatus],
      description: '当前状态可转入的状态（状态机）/ States the task may move to next (the state machine)',
      select: { status: true },
      resolve: (task) => [...TASK_TRANSITIONS[task.status]],
    }),
    windowStart: t.expose('windowStart', { type: 'Date' }),
    windowEnd: t.expose('windowEnd', { type: 'Date' }),
    inspectionEndOn: t.expose('inspectionEndOn', { type: 'Date', description: '检查结束日期 / Inspection end date' }),
    acceptanceDueOn: t.expose('acceptanceDueOn', { type: 'Date', nullable: true, description: '签收截止（默认邀约后 5 个工作日）/ Acceptance due; default 5 working days after the invitation' }),
    drawDueOn: t.expose('drawDueOn', { type: 'Date', nullable: true, description: '摇号截止（默认执行窗口开始日）/ Draw due; default the window start' }),
    publicationDueOn: t.expose('publicationDueOn', { type: 'Date', nullable: true, description: '公示截止（检查结束后第 20 个工作日）' }),
    stratified: t.exposeBoolean('stratified', { description: '按信用风险分类分层抽取 / Stratified by credit risk class' }),
    ratios: t.field({ type: RiskRatios, select: { ratioABp: true, ratioBBp: true, ratioCBp: true, ratioDBp: true }, resolve: (task) => task }),
    scope: t.field({
      type: TargetScope,
      select: { scopeIndustryCodes: true, scopeRegionCodes: true, scopeTargetTypes: true, scopeKeywords: true },
      resolve: (task) => task,
    }),
    reissueReason: t.exposeString('reissueReason', { nullable: true, description: '重新派发理由（本任务为重新派发所建时）/ Why this task was re-issued from its original' }),
    reissuedAt: t.expose('reissuedAt', { type: 'DateTime', nullable: true, description: '本任务被重新派发的时间 / When this task was re-issued (it is then REISSUED)' }),
    scopeTargetIds: t.idList({
      description: '限定抽取的检查对象（重新派发时原任务未能检查的对象；空 = 不限定）/ The draw is restricted to these targets; empty = no restriction',
      select: { scopeTargetIds: true },
      resolve: (task) => task.scopeTargetIds,
    }),
    restrictedTargets: t.field({
      type: [Target],
      description: '限定抽取的检查对象（可见者）/ The targets the draw is restricted to, as far as the caller may see them',
      select: { scopeTargetIds: true },
      // batched: one statement for every task of the page (DataLoader), ordered by USCC here
      resolve: async (task, _a, ctx) => {
        const rows = await ctx.loaders.visibleTargets.loadMany(task.scopeTargetIds);
        const visible = rows.filter((r): r is TargetRow => r !== null && !(r instanceof Error));
        return visible.sort((a, b) => (a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0));
      },
    }),
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

// ── mutations ──

const TaskRatiosInput = builder.inputType('TaskRatiosInput', {
  description: '按信用风险分类的抽查比例（基点，0–10000）/ Sampling ratio per risk class, basis points',
  fields: (t) => ({
    A: t.int({ required: true }),
    B: t.int({ required: true }),
    C: t.int({ required: true }),
    D: t.int({ required: true }),
  }),
});

const TaskScopeInput = builder.inputType('TaskScopeInput', {
  description: '抽查范围（空 = 不限）/ Target scope; an empty list does not restrict',
  fields: (t) => ({
    industryCodes: t.stringList({ required: false, description: '行业代码前缀' }),
    regionCodes: t.stringList({ required: false, description: '行政区划代码前缀' }),
    targetTypes: t.field({ type: [TargetType], required: false }),
    keywords: t.stringList({ required: false, description: '经营范围关键词' }),
  }),
});

const TaskItemInput = builder.inputType('TaskItemInput', {
  fields: (t) => ({
    checkItemId: t.id({ required: true }),
    ratioBp: t.int({ required: false, description: '该事项抽查比例（基点）；一般事项不得超过上限 / Ratio; a GENERAL item is capped' }),
  }),
});

const TaskParticipantInput = builder.inputType('TaskParticipantInput', {
  fields: (t) => ({
    departmentId: t.id({ required: true }),
    items: t.field({
      type: [TaskItemInput],
      required: false,
      description: '该部门的抽查事项；不填则沿用现有事项或计划中的事项 / Its items; omitted = keep its current items, or take them from the plan',
    }),
  }),
});

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** The fields CreateTaskInput and UpdateTaskInput share. */
const taskFields = (t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>) => ({
  name: t.string({ required: false, description: '任务名称（从计划创建时默认计划名称）' }),
  code: t.string({ required: false, description: '任务编号；不填则生成 YYYY-牵头部门代码-NNN' }),
  mode: t.field({ type: InspectionMode, required: false }),
  year: t.int({ required: false }),
  windowStart: t.field({ type: 'Date', required: false }),
  windowEnd: t.field({ type: 'Date', required: false }),
  inspectionEndOn: t.field({ type: 'Date', required: false, description: '检查结束日期（默认窗口结束日）' }),
  acceptanceDueOn: t.field({ type: 'Date', required: false, description: '签收截止；不填则邀约时按 5 个工作日计算' }),
  drawDueOn: t.field({ type: 'Date', required: false, description: '摇号截止；不填则为窗口开始日' }),
  stratified: t.boolean({ required: false }),
  ratios: t.field({ type: TaskRatiosInput, required: false }),
  scope: t.field({ type: TaskScopeInput, required: false }),
  poolIds: t.idList({ required: false, description: '抽取的名录库（须属于参与部门）' }),
  participants: t.field({
    type: [TaskParticipantInput],
    required: false,
    description: '参与部门及其事项（牵头部门总在其中）；修改时整体替换 / Participants and their items; the lead is always one; replaces all on update',
  }),
});

const CreateTaskInput = builder.inputType('CreateTaskInput', {
  description: '创建抽查任务：从已发布计划（planId）复制默认值，或由牵头部门临时创建 / From a published plan, or ad hoc',
  fields: (t) => ({
    planId: t.id({ required: false }),
    leadDepartmentId: t.id({ required: false, description: '牵头部门（默认计划的牵头部门或本部门）' }),
    ...taskFields(t),
  }),
});

const UpdateTaskInput = builder.inputType('UpdateTaskInput', {
  description: '修改草稿任务（未给出的字段不变）/ Edit a DRAFT task; omitted fields keep their values',
  fields: (t) => taskFields(t),
});

type TaskInputShape = typeof UpdateTaskInput.$inferInput;

function toService(input: TaskInputShape): tasks.TaskFieldsInput {
  const { participants, poolIds, ...rest } = input as TaskInputShape & Record<string, unknown>;
  return {
    ...(rest as tasks.TaskFieldsInput),
    poolIds: poolIds ? poolIds.map((id, i) => requireId(`input.poolIds[${i}]`, String(id))) : poolIds,
    participants: participants
      ? participants.map((p, i) => ({
          departmentId: requireId(`input.participants[${i}].departmentId`, String(p.departmentId)),
          items: p.items
            ? p.items.map((it, j) => ({ checkItemId: requireId(`input.participants[${i}].items[${j}].checkItemId`, String(it.checkItemId)), ratioBp: it.ratioBp }))
            : null,
        }))
      : participants,
  };
}

const readTask = (query: object, id: string) => prisma().task.findUniqueOrThrow({ ...query, where: { id } });

builder.mutationField('createTask', (t) =>
  t.prismaField({
    type: 'Task',
    description: '创建抽查任务（草稿）/ Create a DRAFT task (office: any lead; department admin: led by its own department)',
    authScopes: { office: true, departmentAdmin: true },
    args: { input: t.arg({ type: CreateTaskInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const { planId, leadDepartmentId, ...fields } = input;
      const created = await tasks.createTask(ctx, {
        ...toService(fields),
        planId: planId ? requireId('input.planId', String(planId)) : null,
        leadDepartmentId: leadDepartmentId ? requireId('input.leadDepartmentId', String(leadDepartmentId)) : null,
      });
      return readTask(query, created.id);
    },
  }),
);

builder.mutationField('updateTask', (t) =>
  t.prismaField({
    type: 'Task',
    description: '修改草稿任务；给出 participants 时整体替换参与部门与事项 / Edit a DRAFT task (lead or office)',
    authScopes: { office: true, departmentAdmin: true },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateTaskInput, required: true }) },
    resolve: async (query, _r, args, ctx) => {
      const updated = await tasks.updateTask(ctx, requireId('id', String(args.id)), toService(args.input));
      return readTask(query, updated.id);
    },
  }),
);

builder.mutationField('inviteParticipants', (t) =>
  t.prismaField({
    type: 'Task',
    description: '向参与部门发出邀约（草稿 → 邀约中；仅牵头部门时直接待摇号）/ Invite the participants (lead or office)',
    authScopes: { office: true, departmentAdmin: true },
    args: { taskId: t.arg.id({ required: true }) },
    resolve: async (query, _r, args, ctx) => readTask(query, (await tasks.inviteParticipants(ctx, requireId('taskId', String(args.taskId)))).id),
  }),
);

builder.mutationField('acceptTask', (t) =>
  t.prismaField({
    type: 'Task',
    description: '参与部门签收任务；全部签收后任务进入待摇号 / A participating department accepts; all accepted → READY',
    authScopes: { departmentAdmin: true },
    args: { taskId: t.arg.id({ required: true }) },
    resolve: async (query, _r, args, ctx) => readTask(query, (await tasks.acceptTask(ctx, requireId('taskId', String(args.taskId)))).id),
  }),
);

builder.mutationField('declineTask', (t) =>
  t.prismaField({
    type: 'Task',
    description: '参与部门拒绝任务（须说明理由），任务退回牵头部门（草稿）/ A participant declines with a reason; the task returns to DRAFT',
    authScopes: { departmentAdmin: true },
    args: { taskId: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: async (query, _r, args, ctx) => readTask(query, (await tasks.declineTask(ctx, requireId('taskId', String(args.taskId)), args.reason)).id),
  }),
);

builder.mutationField('cancelTask', (t) =>
  t.prismaField({
    type: 'Task',
    description: '取消任务（须说明理由；牵头部门或办公室）/ Cancel a task from any non-terminal state (lead or office)',
    authScopes: { office: true, departmentAdmin: true },
    args: { taskId: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: async (query, _r, args, ctx) => readTask(query, (await tasks.cancelTask(ctx, requireId('taskId', String(args.taskId)), args.reason)).id),
  }),
);

const ReissueTaskInput = builder.inputType('ReissueTaskInput', {
  description: '重新派发停滞的任务（联席会议办公室）/ Re-issue a stalled task as a new task linked to it (office)',
  fields: (t) => ({
    taskId: t.id({ required: true, description: '原任务 / The stalled task' }),
    reason: t.string({ required: true, description: '重新派发理由 / Why' }),
    windowStart: t.field({ type: 'Date', required: true, description: '新的执行窗口开始（不早于今天）' }),
    windowEnd: t.field({ type: 'Date', required: true }),
    inspectionEndOn: t.field({ type: 'Date', required: false, description: '检查结束日期（默认窗口结束日）' }),
    leadDepartmentId: t.id({ required: false, description: '牵头部门（默认原任务的牵头部门）' }),
    participantDepartmentIds: t.idList({ required: false, description: '其他参与部门（默认原任务的参与部门）/ Other participants; default those of the original' }),
    departmentItems: t.field({
      type: [TaskParticipantInput],
      required: false,
      description: '部门的抽查事项（新加入的部门须选择，除非原计划中有其事项）；默认沿用原任务 / Items per department; default: its items in the original task, else in its plan',
    }),
    restrictToUninspected: t.boolean({
      required: false,
      defaultValue: false,
      description: '只从原任务中无法检查（结果 4、7）的对象中重新抽取 / Draw only from the targets of the original that could not be inspected (code 4 or 7)',
    }),
  }),
});

builder.mutationField('reissueTask', (t) =>
  t.prismaField({
    type: 'Task',
    description:
      '重新派发停滞的任务（逾期未签收、执行期限已过未完成，或有无法检查的对象）：新建关联任务并发出邀约，原任务变为已重新派发 / Re-issue a stalled task (office); returns the new task',
    authScopes: { office: true },
    args: { input: t.arg({ type: ReissueTaskInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const created = await reissueTask(ctx, {
        taskId: requireId('input.taskId', String(input.taskId)),
        reason: input.reason,
        windowStart: input.windowStart,
        windowEnd: input.windowEnd,
        inspectionEndOn: input.inspectionEndOn,
        leadDepartmentId: input.leadDepartmentId ? requireId('input.leadDepartmentId', String(input.leadDepartmentId)) : null,
        participantDepartmentIds: input.participantDepartmentIds
          ? input.participantDepartmentIds.map((id, i) => requireId(`input.participantDepartmentIds[${i}]`, String(id)))
          : null,
        departmentItems: input.departmentItems
          ? input.departmentItems.map((p, i) => ({
              departmentId: requireId(`input.departmentItems[${i}].departmentId`, String(p.departmentId)),
              items: (p.items ?? []).map((it, j) => ({ checkItemId: requireId(`input.departmentItems[${i}].items[${j}].checkItemId`, String(it.checkItemId)), ratioBp: it.ratioBp })),
            }))
          : null,
        restrictToUninspected: input.restrictToUninspected,
      });
      return readTask(query, created.id);
    },
  }),
);
