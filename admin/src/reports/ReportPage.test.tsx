// The report page with a mocked data provider (jsdom): headline figures with their targets, met in green and not
// met in red, the change from the previous quarter; choosing another quarter refetches (and the URL query
// carries it); the export links (XLSX, CSV, print view) carry the selection, department included; a KPI card
// opens the rows behind the figure with links to the task and record pages (a memory router here: no '#');
// KpiSummary shows the current quarter.
// (environment: the admin project's jsdom, vitest.config.ts)
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { AdminContext, TestMemoryRouter, type AuthProvider } from 'react-admin';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import type { DrillDownPage, Report, ReportFigure, ReportSelection, ReportSection } from '../dataProvider/reports';
import { i18nProvider } from '../i18n/i18nProvider';
import { KpiSummary } from './KpiSummary';
import { ReportView } from './ReportPage';
import { currentQuarter } from './format';

beforeAll(() => {
    // recharts' ResponsiveContainer observes its size; jsdom has no ResizeObserver (the charts then draw nothing).
    if (!('ResizeObserver' in globalThis)) {
        Object.defineProperty(globalThis, 'ResizeObserver', {
            configurable: true,
            value: class {
                observe() {}
                unobserve() {}
                disconnect() {}
            },
        });
    }
});
afterEach(cleanup);

/** The machine running the suite may be busy: give asynchronous steps time. */
const slow = { timeout: 10_000 };

const SCJGJ = { id: 'd-scjgj', code: 'SCJGJ', name: '海阳市市场监督管理局' };
const YJGLJ = { id: 'd-yjglj', code: 'YJGLJ', name: '海阳市应急管理局' };

const LABELS: Record<string, [string, string]> = {
    tasks: ['抽查任务数', 'Tasks'],
    tasksLed: ['牵头任务数', 'Tasks led'],
    tasksJoined: ['参与任务数', 'Tasks joined'],
    targetsInspected: ['检查对象户次', 'Targets inspected (records)'],
    problemRate: ['问题发现率', 'Problem rate'],
    jointInspectionRate: ['跨部门联合抽查率', 'Joint-inspection rate'],
    onTimeCompletionRate: ['到期任务按时完成率', 'On-time completion rate (due tasks)'],
    publicationRate: ['检查结果公示率', 'Publication rate'],
    onTimePublicationRate: ['按时公示率', 'On-time publication rate'],
    followUpDisposalRate: ['发现问题后续处置率', 'Follow-up disposal rate'],
    creditClassAppliedRate: ['信用风险分类结果应用率', 'Credit-risk class applied rate'],
    itemCoverageRate: ['抽查事项覆盖率', 'Check-item coverage'],
};

const count = (key: string, value: number, previous: number): ReportFigure => ({
    key,
    labelZh: LABELS[key]![0],
    labelEn: LABELS[key]![1],
    unit: 'COUNT',
    value,
    numerator: value,
    denominator: null,
    target: null,
    targetSource: null,
    met: null,
    previous,
    change: value - previous,
});

const rate = (key: string, numerator: number, denominator: number, target: number | null, previous: number | null = null): ReportFigure => {
    const value = denominator ? numerator / denominator : null;
    return {
        key,
        labelZh: LABELS[key]![0],
        labelEn: LABELS[key]![1],
        unit: 'RATE',
        value,
        numerator,
        denominator,
        target,
        targetSource: target == null ? null : '004',
        met: target == null || value == null ? null : value >= target,
        previous,
        change: value != null && previous != null ? value - previous : null,
    };
};

/** Q2 has work in it; every other quarter is quieter (different numbers, so a refetch is visible). */
function figures(quarter: number): ReportFigure[] {
    const busy = quarter === 2;
    return [
        count('tasks', busy ? 3 : 1, busy ? 2 : 1),
        count('tasksLed', busy ? 3 : 1, 0),
        count('tasksJoined', busy ? 4 : 1, 0),
        count('targetsInspected', busy ? 30 : 5, busy ? 20 : 5),
        rate('problemRate', busy ? 26 : 1, busy ? 30 : 5, null),
        rate('jointInspectionRate', busy ? 3 : 0, busy ? 3 : 1, 0.8, 0.5),
        rate('onTimeCompletionRate', 0, 1, 1),
        rate('publicationRate', 90, 90, 1),
        rate('onTimePublicationRate', 89, 90, 1, 1),
        rate('followUpDisposalRate', 0, 0, 1),
        rate('creditClassAppliedRate', 1, 1, 0.9),
        rate('itemCoverageRate', 5, 49, 1),
    ];
}

const section = (quarter: number, department: typeof SCJGJ | null): ReportSection => ({
    departmentId: department?.id ?? null,
    departmentCode: department?.code ?? null,
    departmentName: department?.name ?? null,
    hasJointTask: department ? department.id === SCJGJ.id : null,
    figures: figures(quarter),
    resultCodes: Array.from({ length: 10 }, (_, i) => ({
        code: i + 1,
        labelZh: `结果${i + 1}`,
        labelEn: `Result ${i + 1}`,
        problem: [2, 3, 5, 6, 8, 10].includes(i + 1),
        count: i,
        previous: 0,
        change: i,
    })),
});

function reportOf(selection: ReportSelection): Report {
    const quarter = selection.quarter ?? 1;
    const departments = [SCJGJ, YJGLJ].filter(d => !selection.departmentId || d.id === selection.departmentId);
    return {
        kind: selection.period,
        year: selection.year,
        quarter: selection.period === 'QUARTER' ? quarter : null,
        from: `${selection.year}-0${(quarter - 1) * 3 + 1}-01`.replace('-010-', '-10-'),
        to: `${selection.year}-06-30`,
        previousFrom: `${selection.year}-01-01`,
        previousTo: `${selection.year}-03-31`,
        asOf: '2026-11-22',
        generatedAt: '2026-11-22T01:00:00Z',
        total: section(quarter, null),
        departments: departments.map(d => section(quarter, d)),
        departmentsWithoutJointTask: [{ id: YJGLJ.id, code: YJGLJ.code, name: YJGLJ.name }],
    };
}

const drillPage: DrillDownPage = {
    figure: 'onTimePublicationRate',
    totalCount: 2,
    numeratorCount: 1,
    denominatorCount: 2,
    pageInfo: { hasNextPage: false, hasPreviousPage: false },
    nodes: [
        {
            entity: 'Publication',
            id: 'pub-1',
            taskId: 'task-1',
            taskCode: '2022-SCJGJ-001',
            recordId: 'rec-1',
            targetId: 'target-1',
            targetUscc: '91370285628485867J',
            targetName: '莱西市源隆食品有限责任公司',
            departmentId: YJGLJ.id,
            departmentCode: 'YJGLJ',
            checkItemId: null,
            checkItemCode: null,
            code: null,
            date: '2022-08-02',
            inNumerator: false,
        },
        {
            entity: 'Publication',
            id: 'pub-2',
            taskId: 'task-1',
            taskCode: '2022-SCJGJ-001',
            recordId: 'rec-1',
            targetId: 'target-1',
            targetUscc: '91370285628485867J',
            targetName: '莱西市源隆食品有限责任公司',
            departmentId: SCJGJ.id,
            departmentCode: 'SCJGJ',
            checkItemId: null,
            checkItemCode: null,
            code: null,
            date: '2022-07-20',
            inNumerator: true,
        },
    ],
};

function mockProvider() {
    return {
        report: vi.fn(async (selection: ReportSelection) => reportOf(selection)),
        reportTrend: vi.fn(async () => [1, 2, 3, 4].map(quarter => ({ quarter, figures: figures(quarter) }))),
        reportDrillDown: vi.fn(async () => drillPage),
        getList: vi.fn(async () => ({ data: [SCJGJ, YJGLJ], total: 2 })),
        getMany: vi.fn(async () => ({ data: [] })),
        getOne: vi.fn(),
        getManyReference: vi.fn(),
        create: vi.fn(),
        update: vi.fn(),
        updateMany: vi.fn(),
        delete: vi.fn(),
        deleteMany: vi.fn(),
    };
}

const authAs = (role: string, departmentId: string | null = null): AuthProvider => ({
    login: async () => undefined,
    logout: async () => undefined,
    checkAuth: async () => undefined,
    checkError: async () => undefined,
    getPermissions: async () => ({ role, departmentId, isDepartmentHead: false }),
    canAccess: async () => true,
});

const renderPage = (provider: ReturnType<typeof mockProvider>, url = '/reports?period=QUARTER&year=2022&quarter=2', auth = authAs('OFFICE_ADMIN')) =>
    render(
        <TestMemoryRouter initialEntries={[url]}>
            <AdminContext dataProvider={provider as never} authProvider={auth} i18nProvider={i18nProvider}>
                <ReportView />
            </AdminContext>
        </TestMemoryRouter>,
    );

describe('ReportPage', () => {
    it('shows each headline figure with its target, met in green and not met in red, and the change from the previous quarter', async () => {
        const provider = mockProvider();
        renderPage(provider);
        expect(await screen.findByTestId('report-title', {}, slow)).toHaveProperty('textContent', '工作通报：2022年第2季度');
        expect(provider.report).toHaveBeenCalledWith({ period: 'QUARTER', year: 2022, quarter: 2, asOf: null, departmentId: null });

        // met: joint-inspection rate 3/3 against ≥ 80 % (seed 003)
        const joint = screen.getByTestId('kpi-jointInspectionRate');
        expect(joint.getAttribute('data-met')).toBe('met');
        expect(within(joint).getByText('跨部门联合抽查率')).toBeTruthy();
        expect(within(joint).getByTestId('value-jointInspectionRate').textContent).toBe('100.0%');
        expect(within(joint).getByText('3 / 3')).toBeTruthy();
        expect(within(joint).getByTestId('target-jointInspectionRate').textContent).toBe('目标 ≥ 80%');
        const metChip = within(joint).getByTestId('met-jointInspectionRate');
        expect(metChip.textContent).toBe('达标');
        expect(metChip.className).toContain('MuiChip-colorSuccess');
        expect(getComputedStyle(within(joint).getByTestId('value-jointInspectionRate')).color).toBe('rgb(46, 125, 50)');
        expect(within(joint).getByTestId('change-jointInspectionRate').textContent).toBe('较上季度 +50.0 个百分点');

        // not met: on-time publication 89/90 against 100 % (seeds 001/004)
        const onTime = screen.getByTestId('kpi-onTimePublicationRate');
        expect(onTime.getAttribute('data-met')).toBe('not-met');
        expect(within(onTime).getByTestId('value-onTimePublicationRate').textContent).toBe('98.9%');
        expect(within(onTime).getByTestId('target-onTimePublicationRate').textContent).toBe('目标 ≥ 100%');
        const missChip = within(onTime).getByTestId('met-onTimePublicationRate');
        expect(missChip.textContent).toBe('未达标');
        expect(missChip.className).toContain('MuiChip-colorError');
        expect(getComputedStyle(within(onTime).getByTestId('value-onTimePublicationRate')).color).toBe('rgb(198, 40, 40)');
        expect(within(onTime).getByTestId('change-onTimePublicationRate').textContent).toBe('较上季度 -1.1 个百分点');

        // no denominator: nothing to judge; a count has no target and a plain change
        expect(within(screen.getByTestId('kpi-followUpDisposalRate')).getByTestId('met-followUpDisposalRate').textContent).toBe('暂无可评价数据');
        expect(screen.getByTestId('value-followUpDisposalRate').textContent).toBe('—');
        expect(screen.getByTestId('value-tasks').textContent).toBe('3');
        expect(screen.getByTestId('change-tasks').textContent).toBe('较上季度 +1');

        // every figure in the table; the department table; departments without a joint task
        expect(within(screen.getByTestId('figure-table')).getByText('抽查事项覆盖率')).toBeTruthy();
        expect(screen.getByTestId('cell-SCJGJ-targetsInspected').textContent).toBe('30');
        expect(within(screen.getByTestId('department-table')).getByText('合计')).toBeTruthy();
        expect(within(screen.getByTestId('without-joint')).getByText('海阳市应急管理局')).toBeTruthy();
        expect(provider.reportTrend).toHaveBeenCalledWith(2022, null);
    });

    it('refetches when another quarter is chosen, and the export links carry the selection', async () => {
        const provider = mockProvider();
        renderPage(provider);
        await screen.findByTestId('report-title', {}, slow);
        expect(screen.getByTestId('export-xlsx').getAttribute('href')).toBe('/export/report.xlsx?year=2022&period=QUARTER&quarter=2');
        expect(screen.getByTestId('export-csv').getAttribute('href')).toBe('/export/report.csv?year=2022&period=QUARTER&quarter=2');
        const print = screen.getByTestId('export-print');
        expect(print.getAttribute('href')).toBe('/export/report.html?year=2022&period=QUARTER&quarter=2');
        expect(print.getAttribute('target')).toBe('_blank');

        fireEvent.click(screen.getByTestId('quarter-3'));
        await waitFor(() => expect(screen.getByTestId('report-title').textContent).toBe('工作通报：2022年第3季度'), slow);
        expect(provider.report).toHaveBeenLastCalledWith({ period: 'QUARTER', year: 2022, quarter: 3, asOf: null, departmentId: null });
        expect(screen.getByTestId('value-tasks').textContent).toBe('1');
        expect(screen.getByTestId('export-xlsx').getAttribute('href')).toBe('/export/report.xlsx?year=2022&period=QUARTER&quarter=3');

        // the annual view: no quarter in the request or the links
        fireEvent.click(within(screen.getByTestId('period')).getByText('年度'));
        await waitFor(() => expect(screen.getByTestId('report-title').textContent).toBe('工作通报：2022年度'), slow);
        expect(provider.report).toHaveBeenLastCalledWith({ period: 'YEAR', year: 2022, quarter: null, asOf: null, departmentId: null });
        expect(screen.getByTestId('export-xlsx').getAttribute('href')).toBe('/export/report.xlsx?year=2022&period=YEAR');
    });

    it('a department in the selection goes to the report, the trend and the export links', async () => {
        const provider = mockProvider();
        renderPage(provider, `/reports?period=QUARTER&year=2022&quarter=2&departmentId=${YJGLJ.id}`);
        await screen.findByTestId('report-title', {}, slow);
        expect(provider.report).toHaveBeenCalledWith({ period: 'QUARTER', year: 2022, quarter: 2, asOf: null, departmentId: YJGLJ.id });
        expect(provider.reportTrend).toHaveBeenCalledWith(2022, YJGLJ.id);
        expect(screen.getByTestId('export-xlsx').getAttribute('href')).toBe(`/export/report.xlsx?year=2022&period=QUARTER&quarter=2&departmentId=${YJGLJ.id}`);
        expect(screen.getByTestId('export-print').getAttribute('href')).toBe(`/export/report.html?year=2022&period=QUARTER&quarter=2&departmentId=${YJGLJ.id}`);
        expect(screen.queryByTestId('department-row-SCJGJ')).toBeNull();
        expect(screen.getByTestId('department-row-YJGLJ')).toBeTruthy();
    });

    it('a figure opens the rows behind it, with links to the task, the target and the record', async () => {
        const provider = mockProvider();
        renderPage(provider);
        await screen.findByTestId('report-title', {}, slow);
        fireEvent.click(within(screen.getByTestId('kpi-onTimePublicationRate')).getByRole('button'));
        const dialog = await screen.findByTestId('drill-rows', {}, slow);
        expect(provider.reportDrillDown).toHaveBeenCalledWith(
            expect.objectContaining({ figure: 'onTimePublicationRate', period: 'QUARTER', year: 2022, quarter: 2, departmentId: null, onlyNumerator: false, page: 1 }),
        );
        expect(screen.getByText('明细：按时公示率')).toBeTruthy();
        expect(screen.getByTestId('drill-counts').textContent).toBe('共 2 行；计入分子 1，计入分母 2');
        expect(within(dialog).getAllByText('2022-SCJGJ-001')[0]!.closest('a')!.getAttribute('href')).toBe('/tasks/task-1/show');
        expect(within(dialog).getAllByText('莱西市源隆食品有限责任公司')[0]!.closest('a')!.getAttribute('href')).toBe('/targets/target-1/show');
        expect(within(dialog).getAllByText('查看')[0]!.closest('a')!.getAttribute('href')).toBe('/inspectionRecords/rec-1/show');
        expect(within(dialog).getAllByText('公示')[0]!.closest('a')!.getAttribute('href')).toBe('/publications/pub-1/show');
        expect(within(dialog).getAllByTestId('not-in-numerator')).toHaveLength(1);

        // a department's cell: that department's rows
        fireEvent.click(screen.getByText('关闭'));
        fireEvent.click(screen.getByTestId('cell-YJGLJ-onTimePublicationRate'));
        await waitFor(() => expect(provider.reportDrillDown).toHaveBeenLastCalledWith(expect.objectContaining({ figure: 'onTimePublicationRate', departmentId: YJGLJ.id })), slow);
        expect(await screen.findByText('明细：按时公示率 · 海阳市应急管理局', {}, slow)).toBeTruthy();
    });
});

describe('KpiSummary', () => {
    it("shows the current quarter's target figures for the office", async () => {
        const provider = mockProvider();
        const { year, quarter } = currentQuarter();
        render(
            <TestMemoryRouter>
                <AdminContext dataProvider={provider as never} authProvider={authAs('OFFICE_ADMIN')} i18nProvider={i18nProvider}>
                    <KpiSummary />
                </AdminContext>
            </TestMemoryRouter>,
        );
        expect(await screen.findByTestId('kpi-publicationRate', {}, slow)).toBeTruthy();
        expect(provider.report).toHaveBeenCalledWith({ period: 'QUARTER', year, quarter });
        expect(screen.queryByTestId('kpi-tasks')).toBeNull();
        expect(screen.getByTestId('kpi-onTimePublicationRate').getAttribute('data-met')).toBe('not-met');
        expect(screen.getByTestId('kpi-creditClassAppliedRate').getAttribute('data-met')).toBe('met');
        expect(screen.getByText('查看季度通报').closest('a')!.getAttribute('href')).toBe(`/reports?period=QUARTER&year=${year}&quarter=${quarter}`);
    });

    it('renders nothing for an inspector', async () => {
        const provider = mockProvider();
        const { container } = render(
            <TestMemoryRouter>
                <AdminContext dataProvider={provider as never} authProvider={authAs('INSPECTOR', SCJGJ.id)} i18nProvider={i18nProvider}>
                    <KpiSummary />
                </AdminContext>
            </TestMemoryRouter>,
        );
        await new Promise(resolve => setTimeout(resolve, 300));
        expect(container.querySelector('[data-testid="kpi-summary"]')).toBeNull();
        expect(provider.report).not.toHaveBeenCalled();
    });
});
