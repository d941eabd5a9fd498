// The official PRC working-day calendar (国务院办公厅关于部分节假日安排的通知), 2022–2027, as data.
// Weekdays are working days and Saturdays/Sundays are rest days unless a row here says otherwise:
//   HOLIDAY: every day off of a statutory holiday period (法定节假日及调休放假, weekend days of the period included);
//   WORKDAY: a Saturday or Sunday that is a make-up working day (调休上班).
// Working-day arithmetic (publication within 20 working days, correction within 5) reads these rows from the
// calendar_day table, seeded from this list; the office edits that table, never this file at run time.
//
// 2022–2026 follow the State Council notices named per year (cross-checked day by day against an independent
// published dataset). 2027 has not been published yet: its rows carry `provisional: true` and contain only the
// statutory days themselves (全国年节及纪念日放假办法, as amended in 2024: 元旦 1, 春节 4, 清明 1, 劳动节 2, 端午 1,
// 中秋 1, 国庆 3 days), lunar dates computed, and no 调休. Replace them once the 2027 notice is out.

export type OfficialCalendarKind = 'HOLIDAY' | 'WORKDAY';

export interface OfficialCalendarDay {
  /** ISO date YYYY-MM-DD */
  date: string;
  kind: OfficialCalendarKind;
  /** 节日名称, e.g. 春节 */
  name: string;
  /** Not yet confirmed by a State Council notice (2027). */
  provisional?: true;
}

/** Years this table covers; outside them only the Saturday/Sunday rule applies. */
export const OFFICIAL_CALENDAR_YEARS = [2022, 2023, 2024, 2025, 2026, 2027] as const;

/** Years whose rows are provisional (statutory days only, no 调休 yet). */
export const PROVISIONAL_CALENDAR_YEARS = [2027] as const;

export const OFFICIAL_CALENDAR: OfficialCalendarDay[] = [
  // ── 2022: 国办发明电〔2021〕11号 ──
  // 元旦: 2022-01-01 至 2022-01-03 放假
  { date: '2022-01-01', kind: 'HOLIDAY', name: '元旦' },
  { date: '2022-01-02', kind: 'HOLIDAY', name: '元旦' },
  { date: '2022-01-03', kind: 'HOLIDAY', name: '元旦' },
  // 春节: 2022-01-31 至 2022-02-06 放假，01-29（周六）、01-30（周日）上班
  { date: '2022-01-29', kind: 'WORKDAY', name: '春节' },
  { date: '2022-01-30', kind: 'WORKDAY', name: '春节' },
  { date: '2022-01-31', kind: 'HOLIDAY', name: '春节' },
  { date: '2022-02-01', kind: 'HOLIDAY', name: '春节' },
  { date: '2022-02-02', kind: 'HOLIDAY', name: '春节' },
  { date: '2022-02-03', kind: 'HOLIDAY', name: '春节' },
  { date: '2022-02-04', kind: 'HOLIDAY', name: '春节' },
  { date: '2022-02-05', kind: 'HOLIDAY', name: '春节' },
  { date: '2022-02-06', kind: 'HOLIDAY', name: '春节' },
  // 清明节: 2022-04-03 至 2022-04-05 放假，04-02（周六）上班
  { date: '2022-04-02', kind: 'WORKDAY', name: '清明节' },
  { date: '2022-04-03', kind: 'HOLIDAY', name: '清明节' },
  { date: '2022-04-04', kind: 'HOLIDAY', name: '清明节' },
  { date: '2022-04-05', kind: 'HOLIDAY', name: '清明节' },
  // 劳动节: 2022-04-30 至 2022-05-04 放假，04-24（周日）、05-07（周六）上班
  { date: '2022-04-24', kind: 'WORKDAY', name: '劳动节' },
  { date: '2022-04-30', kind: 'HOLIDAY', name: '劳动节' },
  { date: '2022-05-01', kind: 'HOLIDAY', name: '劳动节' },
  { date: '2022-05-02', kind: 'HOLIDAY', name: '劳动节' },
  { date: '2022-05-03', kind: 'HOLIDAY', name: '劳动节' },
  { date: '2022-05-04', kind: 'HOLIDAY', name: '劳动节' },
  { date: '2022-05-07', kind: 'WORKDAY', name: '劳动节' },
  // 端午节: 2022-06-03 至 2022-06-05 放假
  { date: '2022-06-03', kind: 'HOLIDAY', name: '端午节' },
  { date: '2022-06-04', kind: 'HOLIDAY', name: '端午节' },
  { date: '2022-06-05', kind: 'HOLIDAY', name: '端午节' },
  // 中秋节: 2022-09-10 至 2022-09-12 放假
  { date: '2022-09-10', kind: 'HOLIDAY', name: '中秋节' },
  { date: '2022-09-11', kind: 'HOLIDAY', name: '中秋节' },
  { date: '2022-09-12', kind: 'HOLIDAY', name: '中秋节' },
  // 国庆节: 2022-10-01 至 2022-10-07 放假，10-08（周六）、10-09（周日）上班
  { date: '2022-10-01', kind: 'HOLIDAY', name: '国庆节' },
  { date: '2022-10-02', kind: 'HOLIDAY', name: '国庆节' },
  { date: '2022-10-03', kind: 'HOLIDAY', name: '国庆节' },
  { date: '2022-10-04', kind: 'HOLIDAY', name: '国庆节' },
  { date: '2022-10-05', kind: 'HOLIDAY', name: '国庆节' },
  { date: '2022-10-06', kind: 'HOLIDAY', name: '国庆节' },
  { date: '2022-10-07', kind: 'HOLIDAY', name: '国庆节' },
  { date: '2022-10-08', kind: 'WORKDAY', name: '国庆节' },
  { date: '2022-10-09', kind: 'WORKDAY', name: '国庆节' },
  // ── 2023: 国办发明电〔2022〕16号 ──
  // 元旦: 2022-12-31 至 2023-01-02 放假
  { date: '2022-12-31', kind: 'HOLIDAY', name: '元旦' },
  { date: '2023-01-01', kind: 'HOLIDAY', name: '元旦' },
  { date: '2023-01-02', kind: 'HOLIDAY', name: '元旦' },
  // 春节: 2023-01-21 至 2023-01-27 放假，01-28（周六）、01-29（周日）上班
  { date: '2023-01-21', kind: 'HOLIDAY', name: '春节' },
  { date: '2023-01-22', kind: 'HOLIDAY', name: '春节' },
  { date: '2023-01-23', kind: 'HOLIDAY', name: '春节' },
  { date: '2023-01-24', kind: 'HOLIDAY', name: '春节' },
  { date: '2023-01-25', kind: 'HOLIDAY', name: '春节' },
  { date: '2023-01-26', kind: 'HOLIDAY', name: '春节' },
  { date: '2023-01-27', kind: 'HOLIDAY', name: '春节' },
  { date: '2023-01-28', kind: 'WORKDAY', name: '春节' },
  { date: '2023-01-29', kind: 'WORKDAY', name: '春节' },
  // 清明节: 2023-04-05 至 2023-04-05 放假
  { date: '2023-04-05', kind: 'HOLIDAY', name: '清明节' },
  // 劳动节: 2023-04-29 至 2023-05-03 放假，04-23（周日）、05-06（周六）上班
  { date: '2023-04-23', kind: 'WORKDAY', name: '劳动节' },
  { date: '2023-04-29', kind: 'HOLIDAY', name: '劳动节' },
  { date: '2023-04-30', kind: 'HOLIDAY', name: '劳动节' },
  { date: '2023-05-01', kind: 'HOLIDAY', name: '劳动节' },
  { date: '2023-05-02', kind: 'HOLIDAY', name: '劳动节' },
  { date: '2023-05-03', kind: 'HOLIDAY', name: '劳动节' },
  { date: '2023-05-06', kind: 'WORKDAY', name: '劳动节' },
  // 端午节: 2023-06-22 至 2023-06-24 放假，06-25（周日）上班
  { date: '2023-06-22', kind: 'HOLIDAY', name: '端午节' },
  { date: '2023-06-23', kind: 'HOLIDAY', name: '端午节' },
  { date: '2023-06-24', kind: 'HOLIDAY', name: '端午节' },
  { date: '2023-06-25', kind: 'WORKDAY', name: '端午节' },
  // 中秋节、国庆节: 2023-09-29 至 2023-10-06 放假，10-07（周六）、10-08（周日）上班
  { date: '2023-09-29', kind: 'HOLIDAY', name: '中秋节、国庆节' },
  { date: '2023-09-30', kind: 'HOLIDAY', name: '中秋节、国庆节' },
  { date: '2023-10-01', kind: 'HOLIDAY', name: '中秋节、国庆节' },
  { date: '2023-10-02', kind: 'HOLIDAY', name: '中秋节、国庆节' },
  { date: '2023-10-03', kind: 'HOLIDAY', name: '中秋节、国庆节' },
  { date: '2023-10-04', kind: 'HOLIDAY', name: '中秋节、国庆节' },
  { date: '2023-10-05', kind: 'HOLIDAY', name: '中秋节、国庆节' },
  { date: '2023-10-06', kind: 'HOLIDAY', name: '中秋节、国庆节' },
  { date: '2023-10-07', kind: 'WORKDAY', name: '中秋节、国庆节' },
  { date: '2023-10-08', kind: 'WORKDAY', name: '中秋节、国庆节' },
  // ── 2024: 国办发明电〔2023〕7号 ──
  // 元旦: 2023-12-30 至 2024-01-01 放假
  { date: '2023-12-30', kind: 'HOLIDAY', name: '元旦' },
  { date: '2023-12-31', kind: 'HOLIDAY', name: '元旦' },
  { date: '2024-01-01', kind: 'HOLIDAY', name: '元旦' },
  // 春节: 2024-02-10 至 2024-02-17 放假，02-04（周日）、02-18（周日）上班
  { date: '2024-02-04', kind: 'WORKDAY', name: '春节' },
  { date: '2024-02-10', kind: 'HOLIDAY', name: '春节' },
  { date: '2024-02-11', kind: 'HOLIDAY', name: '春节' },
  { date: '2024-02-12', kind: 'HOLIDAY', name: '春节' },
  { date: '2024-02-13', kind: 'HOLIDAY', name: '春节' },
  { date: '2024-02-14', kind: 'HOLIDAY', name: '春节' },
  { date: '2024-02-15', kind: 'HOLIDAY', name: '春节' },
  { date: '2024-02-16', kind: 'HOLIDAY', name: '春节' },
  { date: '2024-02-17', kind: 'HOLIDAY', name: '春节' },
  { date: '2024-02-18', kind: 'WORKDAY', name: '春节' },
  // 清明节: 2024-04-04 至 2024-04-06 放假，04-07（周日）上班
  { date: '2024-04-04', kind: 'HOLIDAY', name: '清明节' },
  { date: '2024-04-05', kind: 'HOLIDAY', name: '清明节' },
  { date: '2024-04-06', kind: 'HOLIDAY', name: '清明节' },
  { date: '2024-04-07', kind: 'WORKDAY', name: '清明节' },
  // 劳动节: 2024-05-01 至 2024-05-05 放假，04-28（周日）、05-11（周六）上班
  { date: '2024-04-28', kind: 'WORKDAY', name: '劳动节' },
  { date: '2024-05-01', kind: 'HOLIDAY', name: '劳动节' },
  { date: '2024-05-02', kind: 'HOLIDAY', name: '劳动节' },
  { date: '2024-05-03', kind: 'HOLIDAY', name: '劳动节' },
  { date: '2024-05-04', kind: 'HOLIDAY', name: '劳动节' },
  { date: '2024-05-05', kind: 'HOLIDAY', name: '劳动节' },
  { date: '2024-05-11', kind: 'WORKDAY', name: '劳动节' },
  // 端午节: 2024-06-08 至 2024-06-10 放假
  { date: '2024-06-08', kind: 'HOLIDAY', name: '端午节' },
  { date: '2024-06-09', kind: 'HOLIDAY', name: '端午节' },
  { date: '2024-06-10', kind: 'HOLIDAY', name: '端午节' },
  // 中秋节: 2024-09-15 至 2024-09-17 放假，09-14（周六）上班
  { date: '2024-09-14', kind: 'WORKDAY', name: '中秋节' },
  { date: '2024-09-15', kind: 'HOLIDAY', name: '中秋节' },
  { date: '2024-09-16', kind: 'HOLIDAY', name: '中秋节' },
  { date: '2024-09-17', kind: 'HOLIDAY', name: '中秋节' },
  // 国庆节: 2024-10-01 至 2024-10-07 放假，09-29（周日）、10-12（周六）上班
  { date: '2024-09-29', kind: 'WORKDAY', name: '国庆节' },
  { date: '2024-10-01', kind: 'HOLIDAY', name: '国庆节' },
  { date: '2024-10-02', kind: 'HOLIDAY', name: '国庆节' },
  { date: '2024-10-03', kind: 'HOLIDAY', name: '国庆节' },
  { date: '2024-10-04', kind: 'HOLIDAY', name: '国庆节' },
  { date: '2024-10-05', kind: 'HOLIDAY', name: '国庆节' },
  { date: '2024-10-06', kind: 'HOLIDAY', name: '国庆节' },
  { date: '2024-10-07', kind: 'HOLIDAY', name: '国庆节' },
  { date: '2024-10-12', kind: 'WORKDAY', name: '国庆节' },
  // ── 2025: 国办发明电〔2024〕12号 ──
  // 元旦: 2025-01-01 至 2025-01-01 放假
  { date: '2025-01-01', kind: 'HOLIDAY', name: '元旦' },
  // 春节: 2025-01-28 至 2025-02-04 放假，01-26（周日）、02-08（周六）上班
  { date: '2025-01-26', kind: 'WORKDAY', name: '春节' },
  { date: '2025-01-28', kind: 'HOLIDAY', name: '春节' },
  { date: '2025-01-29', kind: 'HOLIDAY', name: '春节' },
  { date: '2025-01-30', kind: 'HOLIDAY', name: '春节' },
  { date: '2025-01-31', kind: 'HOLIDAY', name: '春节' },
  { date: '2025-02-01', kind: 'HOLIDAY', name: '春节' },
  { date: '2025-02-02', kind: 'HOLIDAY', name: '春节' },
  { date: '2025-02-03', kind: 'HOLIDAY', name: '春节' },
  { date: '2025-02-04', kind: 'HOLIDAY', name: '春节' },
  { date: '2025-02-08', kind: 'WORKDAY', name: '春节' },
  // 清明节: 2025-04-04 至 2025-04-06 放假
  { date: '2025-04-04', kind: 'HOLIDAY', name: '清明节' },
  { date: '2025-04-05', kind: 'HOLIDAY', name: '清明节' },
  { date: '2025-04-06', kind: 'HOLIDAY', name: '清明节' },
  // 劳动节: 2025-05-01 至 2025-05-05 放假，04-27（周日）上班
  { date: '2025-04-27', kind: 'WORKDAY', name: '劳动节' },
  { date: '2025-05-01', kind: 'HOLIDAY', name: '劳动节' },
  { date: '2025-05-02', kind: 'HOLIDAY', name: '劳动节' },
  { date: '2025-05-03', kind: 'HOLIDAY', name: '劳动节' },
  { date: '2025-05-04', kind: 'HOLIDAY', name: '劳动节' },
  { date: '2025-05-05', kind: 'HOLIDAY', name: '劳动节' },
  // 端午节: 2025-05-31 至 2025-06-02 放假
  { date: '2025-05-31', kind: 'HOLIDAY', name: '端午节' },
  { date: '2025-06-01', kind: 'HOLIDAY', name: '端午节' },
  { date: '2025-06-02', kind: 'HOLIDAY', name: '端午节' },
  // 国庆节、中秋节: 2025-10-01 至 2025-10-08 放假，09-28（周日）、10-11（周六）上班
  { date: '2025-09-28', kind: 'WORKDAY', name: '国庆节、中秋节' },
  { date: '2025-10-01', kind: 'HOLIDAY', name: '国庆节、中秋节' },
  { date: '2025-10-02', kind: 'HOLIDAY', name: '国庆节、中秋节' },
  { date: '2025-10-03', kind: 'HOLIDAY', name: '国庆节、中秋节' },
  { date: '2025-10-04', kind: 'HOLIDAY', name: '国庆节、中秋节' },
  { date: '2025-10-05', kind: 'HOLIDAY', name: '国庆节、中秋节' },
  { date: '2025-10-06', kind: 'HOLIDAY', name: '国庆节、中秋节' },
  { date: '2025-10-07', kind: 'HOLIDAY', name: '国庆节、中秋节' },
  { date: '2025-10-08', kind: 'HOLIDAY', name: '国庆节、中秋节' },
  { date: '2025-10-11', kind: 'WORKDAY', name: '国庆节、中秋节' },
  // ── 2026: 国办发明电〔2025〕7号 ──
  // 元旦: 2026-01-01 至 2026-01-03 放假，01-04（周日）上班
  { date: '2026-01-01', kind: 'HOLIDAY', name: '元旦' },
  { date: '2026-01-02', kind: 'HOLIDAY', name: '元旦' },
  { date: '2026-01-03', kind: 'HOLIDAY', name: '元旦' },
  { date: '2026-01-04', kind: 'WORKDAY', name: '元旦' },
  // 春节: 2026-02-15 至 2026-02-23 放假，02-14（周六）、02-28（周六）上班
  { date: '2026-02-14', kind: 'WORKDAY', name: '春节' },
  { date: '2026-02-15', kind: 'HOLIDAY', name: '春节' },
  { date: '2026-02-16', kind: 'HOLIDAY', name: '春节' },
  { date: '2026-02-17', kind: 'HOLIDAY', name: '春节' },
  { date: '2026-02-18', kind: 'HOLIDAY', name: '春节' },
  { date: '2026-02-19', kind: 'HOLIDAY', name: '春节' },
  { date: '2026-02-20', kind: 'HOLIDAY', name: '春节' },
  { date: '2026-02-21', kind: 'HOLIDAY', name: '春节' },
  { date: '2026-02-22', kind: 'HOLIDAY', name: '春节' },
  { date: '2026-02-23', kind: 'HOLIDAY', name: '春节' },
  { date: '2026-02-28', kind: 'WORKDAY', name: '春节' },
  // 清明节: 2026-04-04 至 2026-04-06 放假
  { date: '2026-04-04', kind: 'HOLIDAY', name: '清明节' },
  { date: '2026-04-05', kind: 'HOLIDAY', name: '清明节' },
  { date: '2026-04-06', kind: 'HOLIDAY', name: '清明节' },
  // 劳动节: 2026-05-01 至 2026-05-05 放假，05-09（周六）上班
  { date: '2026-05-01', kind: 'HOLIDAY', name: '劳动节' },
  { date: '2026-05-02', kind: 'HOLIDAY', name: '劳动节' },
  { date: '2026-05-03', kind: 'HOLIDAY', name: '劳动节' },
  { date: '2026-05-04', kind: 'HOLIDAY', name: '劳动节' },
  { date: '2026-05-05', kind: 'HOLIDAY', name: '劳动节' },
  { date: '2026-05-09', kind: 'WORKDAY', name: '劳动节' },
  // 端午节: 2026-06-19 至 2026-06-21 放假
  { date: '2026-06-19', kind: 'HOLIDAY', name: '端午节' },
  { date: '2026-06-20', kind: 'HOLIDAY', name: '端午节' },
  { date: '2026-06-21', kind: 'HOLIDAY', name: '端午节' },
  // 中秋节: 2026-09-25 至 2026-09-27 放假
  { date: '2026-09-25', kind: 'HOLIDAY', name: '中秋节' },
  { date: '2026-09-26', kind: 'HOLIDAY', name: '中秋节' },
  { date: '2026-09-27', kind: 'HOLIDAY', name: '中秋节' },
  // 国庆节: 2026-10-01 至 2026-10-07 放假，09-20（周日）、10-10（周六）上班
  { date: '2026-09-20', kind: 'WORKDAY', name: '国庆节' },
  { date: '2026-10-01', kind: 'HOLIDAY', name: '国庆节' },
  { date: '2026-10-02', kind: 'HOLIDAY', name: '国庆节' },
  { date: '2026-10-03', kind: 'HOLIDAY', name: '国庆节' },
  { date: '2026-10-04', kind: 'HOLIDAY', name: '国庆节' },
  { date: '2026-10-05', kind: 'HOLIDAY', name: '国庆节' },
  { date: '2026-10-06', kind: 'HOLIDAY', name: '国庆节' },
  { date: '2026-10-07', kind: 'HOLIDAY', name: '国庆节' },
  { date: '2026-10-10', kind: 'WORKDAY', name: '国庆节' },
  // ── 2027: PROVISIONAL — not yet published by the State Council. Statutory days only (lunar dates computed:
  // 除夕 02-05, 春节 02-06, 端午 06-09, 中秋 09-15; 清明 04-05), no 调休 rows. The office replaces these with
  // the official arrangement (including make-up working days) once the notice is published. ──
  { date: '2027-01-01', kind: 'HOLIDAY', name: '元旦', provisional: true },
  { date: '2027-02-05', kind: 'HOLIDAY', name: '春节', provisional: true },
  { date: '2027-02-06', kind: 'HOLIDAY', name: '春节', provisional: true },
  { date: '2027-02-07', kind: 'HOLIDAY', name: '春节', provisional: true },
  { date: '2027-02-08', kind: 'HOLIDAY', name: '春节', provisional: true },
  { date: '2027-04-05', kind: 'HOLIDAY', name: '清明节', provisional: true },
  { date: '2027-05-01', kind: 'HOLIDAY', name: '劳动节', provisional: true },
  { date: '2027-05-02', kind: 'HOLIDAY', name: '劳动节', provisional: true },
  { date: '2027-06-09', kind: 'HOLIDAY', name: '端午节', provisional: true },
  { date: '2027-09-15', kind: 'HOLIDAY', name: '中秋节', provisional: true },
  { date: '2027-10-01', kind: 'HOLIDAY', name: '国庆节', provisional: true },
  { date: '2027-10-02', kind: 'HOLIDAY', name: '国庆节', provisional: true },
  { date: '2027-10-03', kind: 'HOLIDAY', name: '国庆节', provisional: true },
];
