// Shared by the report page and the dashboard's KPI summary: which figures are headline figures, how values,
// targets and changes read, the current quarter in China, and the selection ⇄ URL query.
import type { ReportFigure, ReportPeriod, ReportSelection } from '../dataProvider/reports';

/** The headline figures (KPI cards): the work done, then every figure with a target from the seeds. */
export const HEADLINE_KEYS = [
    'tasks',
    'targetsInspected',
    'problemRate',
    'jointInspectionRate',
    'onTimeCompletionRate',
    'publicationRate',
    'onTimePublicationRate',
    'followUpDisposalRate',
    'creditClassAppliedRate',
    'itemCoverageRate',
] as const;

/** The dashboard's compact summary: the figures the seeds set targets for. */
export const SUMMARY_KEYS = [
    'jointInspectionRate',
    'onTimeCompletionRate',
    'publicationRate',
    'onTimePublicationRate',
    'followUpDisposalRate',
    'creditClassAppliedRate',
    'itemCoverageRate',
] as const;

/** Columns of the per-department table. */
export const DEPARTMENT_KEYS = [
    'tasks',
    'tasksLed',
    'tasksJoined',
    'targetsInspected',
    'problemRate',
    'publicationRate',
    'onTimePublicationRate',
    'followUpDisposalRate',
    'itemCoverageRate',
] as const;

export const percent = (value: number, digits = 1): string => `${(value * 100).toFixed(digits)}%`;

/** A figure's value as read: a count, or a rate in per cent; "—" when there is nothing to divide by. */
export function formatValue(figure: Pick<ReportFigure, 'unit' | 'value'>): string {
    if (figure.value == null) return '—';
    return figure.unit === 'RATE' ? percent(figure.value) : figure.value.toLocaleString('zh-CN');
}

/** The change from the previous period, signed: counts as a number, rates in percentage points. */
export function formatChange(figure: Pick<ReportFigure, 'unit' | 'change'>): string | null {
    if (figure.change == null) return null;
    const amount = figure.unit === 'RATE' ? (figure.change * 100).toFixed(1) : figure.change.toLocaleString('zh-CN');
    return figure.change > 0 ? `+${amount}` : amount;
}

export const figureLabel = (figure: Pick<ReportFigure, 'labelZh' | 'labelEn'>, locale: string): string =>
    locale === 'en' ? figure.labelEn : figure.labelZh;

/** Today in China (Asia/Shanghai), YYYY-MM-DD. */
export const todayInChina = (now = new Date()): string =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);

export function currentQuarter(now = new Date()): { year: number; quarter: number } {
    const [year, month] = todayInChina(now).split('-').map(Number);
    return { year: year!, quarter: Math.floor((month! - 1) / 3) + 1 };
}

const PERIODS: readonly ReportPeriod[] = ['QUARTER', 'YEAR', 'YEAR_TO_DATE'];

/** The selection in the page's URL query (`#/reports?period=QUARTER&year=2022&quarter=2&departmentId=…`). */
export function selectionFromSearch(search: string, now = new Date()): ReportSelection {
    const params = new URLSearchParams(search);
    const current = currentQuarter(now);
    const period = PERIODS.find(p => p === params.get('period')) ?? 'QUARTER';
    const year = Number(params.get('year'));
    const quarter = Number(params.get('quarter'));
    const asOf = params.get('asOf');
    return {
        period,
        year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : current.year,
        quarter: period === 'QUARTER' ? (quarter >= 1 && quarter <= 4 ? quarter : current.quarter) : null,
        asOf: period === 'YEAR_TO_DATE' && asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : null,
        departmentId: params.get('departmentId') || null,
    };
}

export function searchOfSelection(selection: ReportSelection): string {
    const params = new URLSearchParams({ period: selection.period, year: String(selection.year) });
    if (selection.period === 'QUARTER' && selection.quarter) params.set('quarter', String(selection.quarter));
    if (selection.period === 'YEAR_TO_DATE' && selection.asOf) params.set('asOf', selection.asOf);
    if (selection.departmentId) params.set('departmentId', selection.departmentId);
    return `?${params.toString()}`;
}
