// The office's report (季度通报, docs/REPORTS.md) on the data provider, as custom methods so the report page can be
// tested with a mocked one: the report of a period (quarter, year, year to date) with every figure, its target and
// its change; the year's four quarters for the trend chart (one request, four aliases); the rows behind a figure
// (reportDrillDown); and the export URLs (/export/report.xlsx|csv|html — GET, authenticated by the session
// cookie, so a plain link downloads them).
import { graphql } from './graphql';

export type ReportPeriod = 'QUARTER' | 'YEAR' | 'YEAR_TO_DATE';

/** What the page shows: the period, and optionally one department (the total is always there). */
export interface ReportSelection {
    period: ReportPeriod;
    year: number;
    /** QUARTER only. */
    quarter?: number | null;
    /** YEAR_TO_DATE only (default: today, clamped to the year). */
    asOf?: string | null;
    departmentId?: string | null;
}

export interface ReportFigure {
    key: string;
    labelZh: string;
    labelEn: string;
    unit: 'COUNT' | 'RATE';
    value: number | null;
    numerator: number;
    denominator: number | null;
    target: number | null;
    targetSource: string | null;
    met: boolean | null;
    previous: number | null;
    change: number | null;
}

export interface ReportResultCode {
    code: number;
    labelZh: string;
    labelEn: string;
    problem: boolean;
    count: number;
    previous: number;
    change: number;
}

export interface ReportSection {
    departmentId: string | null;
    departmentCode: string | null;
    departmentName: string | null;
    hasJointTask: boolean | null;
    figures: ReportFigure[];
    resultCodes: ReportResultCode[];
}

export interface Report {
    kind: ReportPeriod;
    year: number;
    quarter: number | null;
    from: string;
    to: string;
    previousFrom: string;
    previousTo: string;
    asOf: string;
    generatedAt: string;
    total: ReportSection;
    departments: ReportSection[];
    departmentsWithoutJointTask: { id: string; code: string; name: string }[];
}

/** One quarter of the trend chart: the figures of the total, or of the selected department. */
export interface TrendQuarter {
    quarter: number;
    figures: Pick<ReportFigure, 'key' | 'value' | 'numerator' | 'denominator'>[];
}

export interface DrillDownRow {
    entity: string;
    id: string | null;
    taskId: string | null;
    taskCode: string | null;
    recordId: string | null;
    targetId: string | null;
    targetUscc: string | null;
    targetName: string | null;
    departmentId: string | null;
    departmentCode: string | null;
    checkItemId: string | null;
    checkItemCode: string | null;
    code: number | null;
    date: string | null;
    inNumerator: boolean;
}

export interface DrillDownPage {
    figure: string;
    nodes: DrillDownRow[];
    totalCount: number;
    numeratorCount: number;
    denominatorCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean };
}

export interface DrillDownRequest extends ReportSelection {
    /** A figure key, or resultCode1 … resultCode10. */
    figure: string;
    onlyNumerator?: boolean;
    page?: number;
    perPage?: number;
}

const FIGURE = 'key labelZh labelEn unit value numerator denominator target targetSource met previous change';
const SECTION = `departmentId departmentCode departmentName hasJointTask figures { ${FIGURE} } resultCodes { code labelZh labelEn problem count previous change }`;
const REPORT = `kind year quarter from to previousFrom previousTo asOf generatedAt total { ${SECTION} } departments { ${SECTION} }
  departmentsWithoutJointTask { id code name }`;
const TREND = 'total { figures { key value numerator denominator } } departments { departmentId figures { key value numerator denominator } }';

const orNull = <T>(value: T | null | undefined): T | null => (value === undefined || value === '' ? null : value);

export const reportMethods = {
    /** The report of the selection: quarterlyReport, annualReport or yearToDateReport. */
    report: async (selection: ReportSelection): Promise<Report> => {
        const departmentId = orNull(selection.departmentId);
        if (selection.period === 'QUARTER') {
            return (
                await graphql<{ quarterlyReport: Report }>(
                    `query quarterlyReport($year: Int!, $quarter: Int!, $departmentId: ID) { quarterlyReport(year: $year, quarter: $quarter, departmentId: $departmentId) { ${REPORT} } }`,
                    { year: selection.year, quarter: selection.quarter ?? 1, departmentId },
                )
            ).quarterlyReport;
        }
        if (selection.period === 'YEAR') {
            return (
                await graphql<{ annualReport: Report }>(
                    `query annualReport($year: Int!, $departmentId: ID) { annualReport(year: $year, departmentId: $departmentId) { ${REPORT} } }`,
                    { year: selection.year, departmentId },
                )
            ).annualReport;
        }
        return (
            await graphql<{ yearToDateReport: Report }>(
                `query yearToDateReport($year: Int!, $asOf: Date, $departmentId: ID) { yearToDateReport(year: $year, asOf: $asOf, departmentId: $departmentId) { ${REPORT} } }`,
                { year: selection.year, asOf: orNull(selection.asOf), departmentId },
            )
        ).yearToDateReport;
    },

    /** The year's four quarters (one request), for the trend chart; one department's figures when it is given. */
    reportTrend: async (year: number, departmentId?: string | null): Promise<TrendQuarter[]> => {
        const id = orNull(departmentId);
        const data = await graphql<Record<string, { total: TrendQuarter; departments: (TrendQuarter & { departmentId: string })[] }>>(
            `query reportTrend($year: Int!, $departmentId: ID) {
               q1: quarterlyReport(year: $year, quarter: 1, departmentId: $departmentId) { ${TREND} }
               q2: quarterlyReport(year: $year, quarter: 2, departmentId: $departmentId) { ${TREND} }
               q3: quarterlyReport(year: $year, quarter: 3, departmentId: $departmentId) { ${TREND} }
               q4: quarterlyReport(year: $year, quarter: 4, departmentId: $departmentId) { ${TREND} }
             }`,
            { year, departmentId: id },
        );
        return [1, 2, 3, 4].map(quarter => {
            const report = data[`q${quarter}`]!;
            const section = id ? (report.departments.find(d => d.departmentId === id) ?? report.total) : report.total;
            return { quarter, figures: section.figures };
        });
    },

    /** The rows behind a figure (≤ 100 per page), with how many are in its numerator and denominator. */
    reportDrillDown: async (request: DrillDownRequest): Promise<DrillDownPage> =>
        (
            await graphql<{ reportDrillDown: DrillDownPage }>(
                `query reportDrillDown($figure: String!, $period: ReportPeriodKind, $year: Int!, $quarter: Int, $asOf: Date, $departmentId: ID,
                                       $onlyNumerator: Boolean, $page: Int, $perPage: Int) {
                   reportDrillDown(figure: $figure, period: $period, year: $year, quarter: $quarter, asOf: $asOf, departmentId: $departmentId,
                                   onlyNumerator: $onlyNumerator, page: $page, perPage: $perPage) {
                     figure totalCount numeratorCount denominatorCount pageInfo { hasNextPage hasPreviousPage }
                     nodes { entity id taskId taskCode recordId targetId targetUscc targetName departmentId departmentCode
                             checkItemId checkItemCode code date inNumerator }
                   }
                 }`,
                {
                    figure: request.figure,
                    period: request.period,
                    year: request.year,
                    quarter: request.period === 'QUARTER' ? (request.quarter ?? 1) : null,
                    asOf: request.period === 'YEAR_TO_DATE' ? orNull(request.asOf) : null,
                    departmentId: orNull(request.departmentId),
                    onlyNumerator: request.onlyNumerator ?? false,
                    page: request.page ?? 1,
                    perPage: request.perPage ?? 25,
                },
            )
        ).reportDrillDown,
};

export type ReportMethods = typeof reportMethods;

export type ExportFormat = 'xlsx' | 'csv' | 'html';

/** The export of the selection: `/export/report.<format>?year=…&period=…` (html is the printable A4 layout). */
export function reportExportUrl(format: ExportFormat, selection: ReportSelection): string {
    const params = new URLSearchParams({ year: String(selection.year), period: selection.period });
    if (selection.period === 'QUARTER') params.set('quarter', String(selection.quarter ?? 1));
    if (selection.period === 'YEAR_TO_DATE' && selection.asOf) params.set('asOf', selection.asOf);
    if (selection.departmentId) params.set('departmentId', selection.departmentId);
    return `/export/report.${format}?${params.toString()}`;
}
