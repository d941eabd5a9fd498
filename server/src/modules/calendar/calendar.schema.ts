// The working-day calendar (法定节假日与调休): read API.
import { builder } from '../../builder.ts';
import { CalendarDayKind } from '../../shared/enums.ts';
import { prisma } from '../../db/database.ts';

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
          date: { gte: new Date(Date.UTC(args.year, 0, 1)), lt: new Date(Date.UTC(args.year + 1, 0, 1)) },
          ...(args.kind ? { kind: args.kind } : {}),
        },
        orderBy: { date: 'asc' },
      }),
  }),
);
