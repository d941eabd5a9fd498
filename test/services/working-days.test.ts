// Working-day arithmetic across the 2024 Spring Festival and National Day, with their make-up working days.
import { describe, expect, it } from 'vitest';
import { OFFICIAL_CALENDAR } from '../../server/src/shared/calendar-data.ts';
import { addWorkingDays, isWorkingDay, workingDaysBetween, type CalendarFacts } from '../../server/src/shared/working-days.ts';

const cal: CalendarFacts = {
  holidays: new Set(OFFICIAL_CALENDAR.filter((d) => d.kind === 'HOLIDAY').map((d) => d.date)),
  workdays: new Set(OFFICIAL_CALENDAR.filter((d) => d.kind === 'WORKDAY').map((d) => d.date)),
};
const d = (s: string) => new Date(`${s}T00:00:00Z`);
const iso = (x: Date) => x.toISOString().slice(0, 10);

describe('working days (official calendar)', () => {
  it('knows holidays, weekends and make-up working days', () => {
    expect(isWorkingDay(d('2024-02-12'), cal)).toBe(false); // 春节 holiday, a Monday
    expect(isWorkingDay(d('2024-02-04'), cal)).toBe(true); // Sunday make-up day
    expect(isWorkingDay(d('2024-02-18'), cal)).toBe(true); // Sunday make-up day
    expect(isWorkingDay(d('2024-02-24'), cal)).toBe(false); // ordinary Saturday
    expect(isWorkingDay(d('2024-10-12'), cal)).toBe(true); // Saturday make-up day for 国庆
    expect(isWorkingDay(d('2024-10-07'), cal)).toBe(false);
  });

  it('publication due 20 working days after an inspection ending before the 2024 Spring Festival', () => {
    // day 1 = Fri 9 Feb; 10–17 Feb off; Sun 18 Feb works (day 2); … day 20 = Wed 13 Mar
    expect(iso(addWorkingDays(d('2024-02-08'), 20, cal))).toBe('2024-03-13');
  });

  it('publication due 20 working days after an inspection ending before the 2024 National Day', () => {
    // Sun 29 Sep and Sat 12 Oct work; 1–7 Oct off → day 20 = Wed 30 Oct (weekends alone would give 25 Oct)
    expect(iso(addWorkingDays(d('2024-09-27'), 20, cal))).toBe('2024-10-30');
    expect(iso(addWorkingDays(d('2024-09-27'), 20, { holidays: new Set(), workdays: new Set() }))).toBe('2024-10-25');
  });

  it('an inspection ending on a holiday counts from the next working day', () => {
    expect(iso(addWorkingDays(d('2024-10-03'), 1, cal))).toBe('2024-10-08');
  });

  it('counts working days between two dates consistently with addWorkingDays', () => {
    const from = d('2024-01-20');
    for (const n of [1, 5, 20, 60]) expect(workingDaysBetween(from, addWorkingDays(from, n, cal), cal)).toBe(n);
  });
});
