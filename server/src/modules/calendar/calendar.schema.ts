// The working-day calendar (法定节假日与调休): read API, working-day queries and the office's edits.
import { builder } from '../../builder.ts';
import { CalendarDayKind } from '../../shared/enums.ts';
import { prisma } from '../../db/database.ts';
import * as calendar from './calendar.service.ts';
import { requireYear } from '../../shared/validation.ts';

export const CalendarDay = builder.prismaObject('CalendarDay', {
  description: '工作日历中的特殊日 / A holiday, or a weekend make-up working day (调休); other weekdays work, weekends rest',
  fields: (t) => ({
    date: t.expose('date', { type: 'Date' }),
    kind: t.expose('kind', { type: CalendarDayKind }),
    name: t.exposeString('name'),
  }),
});

builder.queryField('calendarDays', (t) =>
  t.prismaField({
    type: ['CalendarDay'],
    description: '某年的节假日与调休上班日 / Holidays and make-up working days of a year',
    authScopes: { authenticated: true },
    args: { year: t.arg.int({ required: true }), kind: t.arg({ type: CalendarDayKind, required: false }) },
    resolve: (query, _root, args) =>
      prisma().calendarDay.findMany({
        ...query,
        where: {
          date: { gte: new Date(Date.UTC(requireYear('year', args.year), 0, 1)), lt: new Date(Date.UTC(args.year + 1, 0, 1)) },
          ...(args.kind ? { kind: args.kind } : {}),
        },
        orderBy: { date: 'asc' },
      }),
  }),
);

const WorkingDay = builder.objectRef<calendar.WorkingDayInfo>('WorkingDay').implement({
  description: '某日是否为工作日及原因 / Whether a date is a working day, and why',
  fields: (t) => ({
    date: t.expose('date', { type: 'Date' }),
    working: t.exposeBoolean('working', { description: '是否工作日 / A working day' }),
    kind: t.expose('kind', { type: CalendarDayKind, nullable: true, description: '特殊日类型；为空则按周一至周五上班 / Special-day kind; null = the weekday rule applies' }),
    name: t.exposeString('name', { nullable: true, description: '节日名称 / Holiday name' }),
  }),
});

builder.queryField('workingDay', (t) =>
  t.field({
    type: WorkingDay,
    description: '某日是否为工作日 / Whether a date is a working day on the official calendar',
    authScopes: { authenticated: true },
    args: { date: t.arg({ type: 'Date', required: true }) },
    resolve: (_r, args) => calendar.workingDay(args.date),
  }),
);

builder.queryField('addWorkingDays', (t) =>
  t.field({
    type: 'Date',
    description: '某日之后的第 n 个工作日（当日不计）/ The n-th working day after a date (the date itself not counted)',
    authScopes: { authenticated: true },
    args: { from: t.arg({ type: 'Date', required: true }), n: t.arg.int({ required: true, description: `1–${calendar.MAX_WORKING_DAYS}` }) },
    resolve: (_r, args) => calendar.addWorkingDaysOn(args.from, args.n),
  }),
);

const CalendarEditResult = builder.objectRef<calendar.CalendarEdit>('CalendarEditResult').implement({
  description: '日历编辑结果及重算公示截止的任务 / A calendar edit and the tasks whose publication due date it moved',
  fields: (t) => ({
    date: t.expose('date', { type: 'Date' }),
    day: t.prismaField({
      type: 'CalendarDay',
      nullable: true,
      description: '编辑后的特殊日；删除后为空 / The special day after the edit; null once removed',
      resolve: (query, r) => prisma().calendarDay.findUnique({ ...query, where: { date: r.date } }),
    }),
    recomputedTaskCount: t.int({ description: '公示截止被重算的任务数 / Tasks whose publication due date changed', resolve: (r) => r.recomputed.length }),
    recomputedTasks: t.prismaField({
      type: ['Task'],
      description: '公示截止被重算的任务 / Tasks whose publication due date changed',
      resolve: (query, r) => prisma().task.findMany({ ...query, where: { id: { in: r.recomputed.map((x) => x.id) } }, orderBy: { code: 'asc' } }),
    }),
  }),
});

builder.mutationField('upsertCalendarDay', (t) =>
  t.field({
    type: CalendarEditResult,
    description: '设置节假日或调休上班日（办公室）；重算受影响任务的公示截止 / Mark a holiday or make-up working day (office); recomputes affected publication due dates',
    authScopes: { office: true },
    args: {
      date: t.arg({ type: 'Date', required: true }),
      kind: t.arg({ type: CalendarDayKind, required: true }),
      name: t.arg.string({ required: true, description: '节日名称，如 春节 / Holiday name' }),
    },
    resolve: (_r, args, ctx) => calendar.upsertCalendarDay(ctx, args.date, args.kind, args.name),
  }),
);

builder.mutationField('removeCalendarDay', (t) =>
  t.field({
    type: CalendarEditResult,
    description: '删除特殊日（恢复按周末规则）（办公室）；重算受影响任务的公示截止 / Remove a special day (office); recomputes affected publication due dates',
    authScopes: { office: true },
    args: { date: t.arg({ type: 'Date', required: true }) },
    resolve: (_r, args, ctx) => calendar.removeCalendarDay(ctx, args.date),
  }),
);
