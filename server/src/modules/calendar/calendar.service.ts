// The working-day calendar (法定节假日与调休): the office edits it, and every edit recomputes the publication due
// dates (公示截止) of the open tasks it can move, in the same transaction. Working-day arithmetic itself stays in
// shared/working-days.ts; this file reads the calendar inside a transaction and writes it.
//
// Calendar edits and task writes that compute a due date are serialised by one advisory lock: task writes take it
// shared, calendar edits exclusive. Without it, a task saved while the calendar changes could keep a due date
// computed from the old calendar (its row would not yet match the edit's recompute).
import type { CalendarDayKind, TaskStatus } from '../../generated/prisma/enums.ts';
import { AppError, InputError } from '../../shared/errors.ts';
import { mutate, type Audit, type Tx } from '../../shared/mutation.ts';
import { prisma } from '../../db/database.ts';
import { PUBLICATION_WORKING_DAYS, addWorkingDays, isWorkingDay, loadCalendar, type CalendarFacts } from '../../shared/working-days.ts';
import type { Context } from '../../context.ts';

/** Advisory lock namespace (two-key form, so it never meets the one-key locks of migrations and the audit chain). */
const CALENDAR_LOCK = [727_073_002, 1] as const;

/** How far back an edit can reach: 20 working days span at most about 36 calendar days (4 weeks + an 8-day 春节
 * or 国庆 break); 60 leaves room for a calendar with unusually long breaks. */
export const RECOMPUTE_LOOKBACK_DAYS = 60;

/** Tasks whose publication due date no longer matters. */
const SETTLED: TaskStatus[] = ['PUBLISHED', 'CLOSED', 'CANCELLED', 'REISSUED'];

const DAY_MS = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY_MS);

/** Task writes that compute due dates call this first (shared: they do not block each other). */
export async function lockCalendarShared(tx: Tx): Promise<void> {
  await tx.$executeRaw`select pg_advisory_xact_lock_shared(${CALENDAR_LOCK[0]}::int, ${CALENDAR_LOCK[1]}::int)`;
}

async function lockCalendarExclusive(tx: Tx): Promise<void> {
  await tx.$executeRaw`select pg_advisory_xact_lock(${CALENDAR_LOCK[0]}::int, ${CALENDAR_LOCK[1]}::int)`;
}

/** The calendar's special days for whole years [fromYear, toYear], read through the caller's transaction. */
export async function loadCalendarTx(tx: Tx, fromYear: number, toYear: number): Promise<CalendarFacts> {
  const rows = await tx.calendarDay.findMany({
    where: { date: { gte: new Date(Date.UTC(fromYear, 0, 1)), lt: new Date(Date.UTC(toYear + 1, 0, 1)) } },
    select: { date: true, kind: true },
  });
  return {
    holidays: new Set(rows.filter((r) => r.kind === 'HOLIDAY').map((r) => iso(r.date))),
    workdays: new Set(rows.filter((r) => r.kind === 'WORKDAY').map((r) => iso(r.date))),
  };
}

/** Publication due (20th working day after the inspection end), computed on the calendar as this transaction sees it. */
export async function publicationDueTx(tx: Tx, inspectionEnd: Date): Promise<Date> {
  const y = inspectionEnd.getUTCFullYear();
  return addWorkingDays(inspectionEnd, PUBLICATION_WORKING_DAYS, await loadCalendarTx(tx, y, y + 1));
}

export interface RecomputedDue {
  id: string;
  before: Date | null;
  after: Date;
}

/**
 * Recomputes publicationDueOn of every open task whose inspection ends on or after `firstAffected` minus the
 * look-back, set-based: one statement reads the distinct end dates, the due date is computed once per end date,
 * one UPDATE … FROM unnest(…) writes the tasks whose due date changes. One audit event per changed task.
 */
export async function recomputePublicationDue(tx: Tx, audit: Audit, firstAffected: Date, cause: Record<string, unknown>): Promise<RecomputedDue[]> {
  const since = addDays(firstAffected, -RECOMPUTE_LOOKBACK_DAYS);
  const ends = await tx.$queryRaw<{ end_on: Date }[]>`
    select distinct inspection_end_on as end_on from task
    where inspection_end_on >= ${iso(since)}::date and status::text <> all(${SETTLED}::text[])`;
  if (!ends.length) return [];
  const years = ends.map((e) => e.end_on.getUTCFullYear());
  const cal = await loadCalendarTx(tx, Math.min(...years), Math.max(...years) + 1);
  const endIso = ends.map((e) => iso(e.end_on));
  const dueIso = ends.map((e) => iso(addWorkingDays(e.end_on, PUBLICATION_WORKING_DAYS, cal)));
  const changed = await tx.$queryRaw<RecomputedDue[]>`
    with v as (select unnest(${endIso}::text[])::date as end_on, unnest(${dueIso}::text[])::date as due),
    old as (
      select t.id, t.publication_due_on from task t join v on v.end_on = t.inspection_end_on
      where t.status::text <> all(${SETTLED}::text[]) and t.publication_due_on is distinct from v.due
    )
    update task t set publication_due_on = v.due, updated_at = now()
    from v, old
    where t.id = old.id and v.end_on = t.inspection_end_on
    returning t.id::text as id, old.publication_due_on as before, t.publication_due_on as after`;
  for (const c of changed)
    audit.record({
      operation: 'recomputePublicationDue',
      entity: 'Task',
      entityId: c.id,
      before: { publicationDueOn: c.before ? iso(c.before) : null },
      after: { publicationDueOn: iso(c.after), cause },
    });
  return changed;
}

export interface CalendarEdit {
  date: Date;
  recomputed: RecomputedDue[];
}

const MAX_NAME = 50;

/** The office marks a date as a holiday or a weekend make-up working day (调休上班), or renames it. */
export async function upsertCalendarDay(ctx: Context, date: Date, kind: CalendarDayKind, name: string): Promise<CalendarEdit> {
  if (ctx.actor.role !== 'OFFICE_ADMIN')
    throw new AppError('FORBIDDEN', { zh: '只有联席会议办公室可以编辑工作日历', en: 'only the office edits the calendar' }, { reason: 'OFFICE_ONLY' });
  const label = name.trim();
  if (!label) throw new InputError('name', 'REQUIRED', { zh: '请填写名称（如 春节）', en: 'a name is required (e.g. 春节)' });
  if (label.length > MAX_NAME) throw new InputError('name', 'TOO_LONG', { zh: `名称不超过 ${MAX_NAME} 个字符`, en: `at most ${MAX_NAME} characters` });
  const dow = date.getUTCDay();
  if (kind === 'WORKDAY' && dow !== 0 && dow !== 6)
    throw new InputError('kind', 'WORKDAY_ON_WEEKDAY', {
      zh: '调休上班日只能是周六或周日（工作日本来就上班）',
      en: 'a make-up working day is a Saturday or Sunday; weekdays are working days anyway',
    });
  return mutate(ctx, async (tx, audit) => {
    await lockCalendarExclusive(tx);
    const before = await tx.calendarDay.findUnique({ where: { date } });
    const after = await tx.calendarDay.upsert({ where: { date }, create: { date, kind, name: label }, update: { kind, name: label } });
    audit.record({
      operation: 'upsertCalendarDay',
      entity: 'CalendarDay',
      entityId: iso(date),
      before: before ? { kind: before.kind, name: before.name } : null,
      after: { kind: after.kind, name: after.name },
    });
    const recomputed = before?.kind === kind ? [] : await recomputePublicationDue(tx, audit, date, { calendarDay: iso(date), kind });
    return { date, recomputed };
  });
}

/** The office removes a special day: the date falls back to the weekday rule. */
export async function removeCalendarDay(ctx: Context, date: Date): Promise<CalendarEdit> {
  if (ctx.actor.role !== 'OFFICE_ADMIN')
    throw new AppError('FORBIDDEN', { zh: '只有联席会议办公室可以编辑工作日历', en: 'only the office edits the calendar' }, { reason: 'OFFICE_ONLY' });
  return mutate(ctx, async (tx, audit) => {
    await lockCalendarExclusive(tx);
    const before = await tx.calendarDay.findUnique({ where: { date } });
    if (!before)
      throw new AppError('NOT_FOUND', { zh: `日历中没有 ${iso(date)} 这一特殊日`, en: `${iso(date)} is not a special day in the calendar` }, { field: 'date', entity: 'CalendarDay', id: iso(date) });
    await tx.calendarDay.delete({ where: { date } });
    audit.record({ operation: 'removeCalendarDay', entity: 'CalendarDay', entityId: iso(date), before: { kind: before.kind, name: before.name }, after: null });
    const recomputed = await recomputePublicationDue(tx, audit, date, { calendarDay: iso(date), removed: before.kind });
    return { date, recomputed };
  });
}

export interface WorkingDayInfo {
  date: Date;
  working: boolean;
  kind: CalendarDayKind | null;
  name: string | null;
}

/** Whether a date is a working day, and why (holiday, make-up working day, or the weekday rule). */
export async function workingDay(date: Date): Promise<WorkingDayInfo> {
  const row = await prisma().calendarDay.findUnique({ where: { date } });
  const cal: CalendarFacts = {
    holidays: new Set(row?.kind === 'HOLIDAY' ? [iso(date)] : []),
    workdays: new Set(row?.kind === 'WORKDAY' ? [iso(date)] : []),
  };
  return { date, working: isWorkingDay(date, cal), kind: row?.kind ?? null, name: row?.name ?? null };
}

export const MAX_WORKING_DAYS = 366;

/** The n-th working day after `from` (from itself is not counted). */
export async function addWorkingDaysOn(from: Date, n: number): Promise<Date> {
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKING_DAYS)
    throw new InputError('n', 'OUT_OF_RANGE', { zh: `n 应为 1–${MAX_WORKING_DAYS} 的整数`, en: `n is an integer from 1 to ${MAX_WORKING_DAYS}` });
  const y = from.getUTCFullYear();
  // n working days span at most ~1.6 n calendar days plus holidays: two extra years cover n ≤ 366.
  return addWorkingDays(from, n, await loadCalendar(y, y + 2));
}
