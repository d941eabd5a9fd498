// Working-day arithmetic on the official calendar (法定节假日与调休). Weekends rest unless a date is a make-up
// working day (调休上班); weekdays work unless a date is a holiday. The one place deadlines are computed:
// publication due = 20th working day after the inspection end (day 1 = the first working day after it).
import { prisma } from '../db/database.ts';

export interface CalendarFacts {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

export function isWorkingDay(date: Date, cal: CalendarFacts): boolean {
  const key = iso(date);
  if (cal.holidays.has(key)) return false;
  if (cal.workdays.has(key)) return true;
  const dow = date.getUTCDay();
  return dow !== 0 && dow !== 6;
}

/** The n-th working day after `from` (from itself is not counted). n ≥ 1. */
export function addWorkingDays(from: Date, n: number, cal: CalendarFacts): Date {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('n must be a positive integer');
  let d = from;
  let counted = 0;
  while (counted < n) {
    d = addDays(d, 1);
    if (isWorkingDay(d, cal)) counted++;
  }
  return d;
}

/** Working days in (from, to]: how many working days `to` lies after `from`. */
export function workingDaysBetween(from: Date, to: Date, cal: CalendarFacts): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, cal)) n++;
  return n;
}

/** Today's calendar date in China (UTC+8, no daylight saving), as a UTC-midnight Date; also the China date of any instant. */
export function todayInChina(now = new Date()): Date {
  const local = new Date(now.getTime() + 8 * 3600_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
}

export const PUBLICATION_WORKING_DAYS = 20;
export const CORRECTION_WORKING_DAYS = 5;

/** Loads the calendar's special days around a span (one statement). */
export async function loadCalendar(fromYear: number, toYear: number): Promise<CalendarFacts> {
  const rows = await prisma().calendarDay.findMany({
    where: { date: { gte: new Date(Date.UTC(fromYear, 0, 1)), lt: new Date(Date.UTC(toYear + 1, 0, 1)) } },
    select: { date: true, kind: true },
  });
  return {
    holidays: new Set(rows.filter((r) => r.kind === 'HOLIDAY').map((r) => iso(r.date))),
    workdays: new Set(rows.filter((r) => r.kind === 'WORKDAY').map((r) => iso(r.date))),
  };
}

/** Publication due date for an inspection that ended on `inspectionEnd`. */
export async function publicationDueOn(inspectionEnd: Date): Promise<Date> {
  const y = inspectionEnd.getUTCFullYear();
  return addWorkingDays(inspectionEnd, PUBLICATION_WORKING_DAYS, await loadCalendar(y, y + 1));
}
