// The work queue `myWork` (我的待办): what the signed-in staff user needs to act on, and by when. Rules and the one
// SQL statement live in work.service.ts.
import { builder } from '../../builder.ts';
import { WORK_KINDS, MAX_WORK_LIMIT, myWork, type WorkItem as WorkItemShape, type WorkQueue as WorkQueueShape } from './work.service.ts';

const KIND_ZH: Record<(typeof WORK_KINDS)[number], string> = {
  TASK_TO_ACCEPT: '待签收任务',
  DRAW_TO_COMMIT: '待抽取检查对象（摇号）',
  DRAW_TO_REVEAL: '待揭示摇号结果',
  DRAW_TO_LOCK: '待锁定派发摇号结果',
  INSPECTOR_DRAW_TO_RUN: '待随机匹配执法检查人员',
  RECORD_TO_COMPLETE: '待录入检查结果',
  PUBLICATION_DUE: '待公示（5 个工作日内到期或已逾期）',
  CORRECTION_TO_APPROVE: '待批准更正（部门负责人）',
  CORRECTION_DUE: '更正待批准',
  FOLLOW_UP_DUE: '后续处置待办结',
  TASK_TO_REISSUE: '停滞任务，可重新派发（办公室）',
};

export const WorkKind = builder.enumType('WorkKind', {
  description: '待办类型 / Kind of work item',
  values: Object.fromEntries(WORK_KINDS.map((k) => [k, { value: k, description: KIND_ZH[k] }])) as Record<(typeof WORK_KINDS)[number], { value: (typeof WORK_KINDS)[number]; description: string }>,
});

export const WorkItem = builder.objectRef<WorkItemShape>('WorkItem').implement({
  description: '一项待办 / One thing to act on',
  fields: (t) => ({
    kind: t.field({ type: WorkKind, resolve: (w) => w.kind }),
    title: t.exposeString('title', { description: '标题（中文）/ Title in Chinese' }),
    entityType: t.exposeString('entityType', { description: '链接的对象类型：Task、Draw、Correction、FollowUp / What entityId names' }),
    entityId: t.exposeID('entityId'),
    taskId: t.exposeID('taskId', { nullable: true }),
    taskCode: t.exposeString('taskCode', { nullable: true }),
    departmentId: t.exposeID('departmentId', { nullable: true, description: '负责部门 / The department that acts' }),
    departmentName: t.exposeString('departmentName', { nullable: true }),
    count: t.exposeInt('count', { description: '涉及的条数（如待录入的对象数）/ How many rows the item stands for' }),
    dueOn: t.expose('dueOn', { type: 'Date', nullable: true }),
    overdue: t.exposeBoolean('overdue', { description: '已逾期 / The due date has passed' }),
    daysLeft: t.exposeInt('daysLeft', { nullable: true, description: '距截止的工作日数（逾期为负，至少 −1）/ Working days left (today excluded, the due day included); overdue: minus the working days since, at least −1' }),
  }),
});

const WorkQueue = builder.objectRef<WorkQueueShape>('WorkQueue').implement({
  description: '我的待办 / The caller\'s work queue, by due date (nulls last)',
  fields: (t) => ({
    today: t.expose('today', { type: 'Date', description: '今天（中国时区）/ Today in China' }),
    items: t.field({ type: [WorkItem], resolve: (q) => q.items }),
    totalCount: t.exposeInt('totalCount'),
    overdueCount: t.exposeInt('overdueCount'),
  }),
});

builder.queryField('myWork', (t) =>
  t.field({
    type: WorkQueue,
    description: '我的待办：需要处理的事项及期限（部门用户：本部门；办公室：全部部门及停滞任务）/ What needs action and by when',
    authScopes: { staff: true },
    args: {
      kinds: t.arg({ type: [WorkKind], required: false, description: '只看这些类型 / Only these kinds' }),
      limit: t.arg.int({ required: false, defaultValue: 50, description: `条数（≤ ${MAX_WORK_LIMIT}）` }),
      offset: t.arg.int({ required: false, defaultValue: 0 }),
    },
    resolve: (_r, args, ctx) => myWork(ctx.actor, { kinds: args.kinds, limit: args.limit, offset: args.offset }),
  }),
);
