// The office's report page (route /reports, menu 季度通报): a quarter, a year or the year to date, optionally one
// department; headline KPI cards against the seeds' targets (met green, not met red) with the change from the
// previous period; the year's trend, results by code and departments by on-time publication rate (recharts);
// every department's figures; every figure with numerator, denominator and target; the departments without a
// joint task this year. Any figure, department cell or chart bar opens the rows behind it (DrillDownDialog).
// Exports are the server's (/export/report.xlsx|csv, and the printable A4 /export/report.html), linked with
// the current selection. The selection lives in the URL query, so a report can be linked to. Loaded lazily
// (App.tsx): recharts stays out of the first load.
import {
    Alert,
    Box,
    Button,
    Card,
    CardContent,
    Chip,
    FormControl,
    Grid,
    InputLabel,
    LinearProgress,
    MenuItem,
    Select,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    TextField,
    ToggleButton,
    ToggleButtonGroup,
    Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import PrintIcon from '@mui/icons-material/Print';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Title, useDataProvider, useGetList, useLocaleState, useLocation, useNavigate, usePermissions, useTranslate, type DataProvider } from 'react-admin';

import type { Permissions } from '../authProvider';
import { reportExportUrl, type Report, type ReportFigure, type ReportMethods, type ReportPeriod, type ReportSelection, type TrendQuarter } from '../dataProvider/reports';
import { DrillDownDialog, type DrillTarget } from './DrillDownDialog';
import { ChangeText, KpiCard, MetChip, metColour } from './KpiCard';
import { DepartmentOnTimeChart, ResultCodeChart, TrendChart } from './ReportCharts';
import { currentQuarter, DEPARTMENT_KEYS, figureLabel, formatValue, HEADLINE_KEYS, percent, searchOfSelection, selectionFromSearch } from './format';

const FIRST_YEAR = 2020;

/** "2022年第2季度" / "Q2 2022" / "2026年初至2026-11-22". */
export function periodTitle(report: Pick<Report, 'kind' | 'year' | 'quarter' | 'to'>, translate: (key: string, options?: object) => string): string {
    if (report.kind === 'QUARTER') return translate('reports.period.quarter_title', { year: report.year, quarter: report.quarter });
    if (report.kind === 'YEAR') return translate('reports.period.year_title', { year: report.year });
    return translate('reports.period.ytd_title', { year: report.year, to: report.to });
}

const byKeys = (figures: ReportFigure[], keys: readonly string[]) =>
    keys.map(key => figures.find(f => f.key === key)).filter((f): f is ReportFigure => !!f);

export const ReportView = () => {
    const dataProvider = useDataProvider<DataProvider & ReportMethods>();
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const location = useLocation();
    const navigate = useNavigate();
    const { permissions } = usePermissions<Permissions | undefined>();
    const role = permissions?.role;
    const ownDepartmentId = role === 'DEPARTMENT_ADMIN' ? (permissions?.departmentId ?? null) : null;

    const selection = useMemo(() => selectionFromSearch(location.search), [location.search]);
    const select = useCallback(
        (change: Partial<ReportSelection>) => {
            const next = { ...selection, ...change };
            if (next.period === 'QUARTER' && !next.quarter) next.quarter = next.year === currentQuarter().year ? currentQuarter().quarter : 4;
            navigate(`/reports${searchOfSelection(next)}`, { replace: true });
        },
        [navigate, selection],
    );

    const [report, setReport] = useState<Report | null>(null);
    const [error, setError] = useState<string | null>(null);
    const [loading, setLoading] = useState(true);
    const [trend, setTrend] = useState<TrendQuarter[] | null>(null);
    const [drill, setDrill] = useState<DrillTarget | null>(null);

    useEffect(() => {
        let current = true;
        setLoading(true);
        dataProvider
            .report(selection)
            .then(r => current && (setReport(r), setError(null)))
            .catch((e: Error) => current && (setReport(null), setError(translate(e.message, { _: e.message }))))
            .finally(() => current && setLoading(false));
        return () => {
            current = false;
        };
    }, [dataProvider, selection, translate]);

    useEffect(() => {
        let current = true;
        dataProvider
            .reportTrend(selection.year, selection.departmentId)
            .then(t => current && setTrend(t))
            .catch(() => current && setTrend(null));
        return () => {
            current = false;
        };
    }, [dataProvider, selection.year, selection.departmentId]);

    const { data: departments } = useGetList('departments', {
        pagination: { page: 1, perPage: 100 },
        sort: { field: 'sortOrder', order: 'ASC' },
        filter: { active: true },
    });
    const departmentOptions = (departments ?? []).filter(d => !ownDepartmentId || d.id === ownDepartmentId);

    const thisYear = currentQuarter().year;
    const years = Array.from({ length: Math.max(thisYear, selection.year) - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i).reverse();
    const open = (figure: ReportFigure, departmentId?: string | null, departmentName?: string | null) =>
        setDrill({ figure: figure.key, label: departmentName ? `${figureLabel(figure, locale)} · ${departmentName}` : figureLabel(figure, locale), departmentId });

    return (
        <Box sx={{ mt: 1, mb: 4 }} data-testid="report-page">
            <Title title={report ? translate('reports.title_period', { period: periodTitle(report, translate) }) : translate('reports.title')} />

            <Card variant="outlined" sx={{ mb: 2 }}>
                <CardContent sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
                    <ToggleButtonGroup
                        size="small"
                        exclusive
                        value={selection.period}
                        onChange={(_, period: ReportPeriod | null) => period && select({ period, quarter: period === 'QUARTER' ? selection.quarter : null })}
                        aria-label={translate('reports.period.label')}
                        data-testid="period"
                    >
                        {(['QUARTER', 'YEAR', 'YEAR_TO_DATE'] as const).map(p => (
                            <ToggleButton key={p} value={p}>
                                {translate(`reports.period.${p}`)}
                            </ToggleButton>
                        ))}
                    </ToggleButtonGroup>
                    <FormControl size="small" fullWidth={false} sx={{ minWidth: 110 }}>
                        <InputLabel id="report-year">{translate('reports.year')}</InputLabel>
                        <Select
                            labelId="report-year"
                            label={translate('reports.year')}
                            value={selection.year}
                            onChange={event => select({ year: Number(event.target.value), asOf: null })}
                            data-testid="year"
                        >
                            {years.map(year => (
                                <MenuItem key={year} value={year}>
                                    {year}
                                </MenuItem>
                            ))}
                        </Select>
                    </FormControl>
                    {selection.period === 'QUARTER' && (
                        <ToggleButtonGroup
                            size="small"
                            exclusive
                            value={selection.quarter}
                            onChange={(_, quarter: number | null) => quarter && select({ quarter })}
                            aria-label={translate('reports.quarter')}
                            data-testid="quarter"
                        >
                            {[1, 2, 3, 4].map(q => (
                                <ToggleButton key={q} value={q} data-testid={`quarter-${q}`}>
                                    {translate('reports.quarter_n', { quarter: q })}
                                </ToggleButton>
                            ))}
                        </ToggleButtonGroup>
                    )}
                    {selection.period === 'YEAR_TO_DATE' && (
                        <TextField
                            size="small"
                            fullWidth={false}
                            type="date"
                            label={translate('reports.as_of')}
                            value={selection.asOf ?? ''}
                            onChange={event => select({ asOf: event.target.value || null })}
                            slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: `${selection.year}-01-01`, max: `${selection.year}-12-31` } }}
                        />
                    )}
                    <FormControl size="small" fullWidth={false} sx={{ minWidth: 240 }}>
                        <InputLabel id="report-department" shrink>{translate('reports.department')}</InputLabel>
                        <Select
                            labelId="report-department"
                            label={translate('reports.department')}
                            value={selection.departmentId ?? ''}
                            displayEmpty
                            onChange={event => select({ departmentId: String(event.target.value) || null })}
                            data-testid="department"
                        >
                            <MenuItem value="">{translate('reports.all_departments')}</MenuItem>
                            {/* the selected department before the list has loaded (a linked report) */}
                            {selection.departmentId && !departmentOptions.some(d => String(d.id) === selection.departmentId) && (
                                <MenuItem value={selection.departmentId}>{report?.departments[0]?.departmentName ?? '…'}</MenuItem>
                            )}
                            {departmentOptions.map(d => (
                                <MenuItem key={d.id} value={String(d.id)}>
                                    {d.name}
                                </MenuItem>
                            ))}
                        </Select>
                    </FormControl>
                    <Box sx={{ flexGrow: 1 }} />
                    <Button variant="outlined" size="small" startIcon={<DownloadIcon />} href={reportExportUrl('xlsx', selection)} download data-testid="export-xlsx">
                        {translate('reports.export.xlsx')}
                    </Button>
                    <Button variant="outlined" size="small" startIcon={<DownloadIcon />} href={reportExportUrl('csv', selection)} download data-testid="export-csv">
                        {translate('reports.export.csv')}
                    </Button>
                    <Button
                        variant="outlined"
                        size="small"
                        startIcon={<PrintIcon />}
                        href={reportExportUrl('html', selection)}
                        target="_blank"
                        rel="noopener"
                        title={translate('reports.export.print_hint')}
                        data-testid="export-print"
                    >
                        {translate('reports.export.print')}
                    </Button>
                </CardContent>
            </Card>

            {loading && <LinearProgress sx={{ mb: 1 }} aria-label={translate('reports.loading')} />}
            {error && <Alert severity="error">{error}</Alert>}

            {report && (
                <>
                    <Typography variant="h5" component="h1" data-testid="report-title">
                        {translate('reports.title_period', { period: periodTitle(report, translate) })}
                    </Typography>
                    <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }} data-testid="report-span">
                        {translate('reports.span', { from: report.from, to: report.to })}
                        {' · '}
                        {translate('reports.compared_with', { from: report.previousFrom, to: report.previousTo })}
                        {' · '}
                        {translate('reports.evaluated_on', { date: report.asOf })}
                    </Typography>

                    <Typography variant="h6" component="h2" gutterBottom>
                        {translate('reports.headline')}
                    </Typography>
                    <Grid container spacing={1.5} sx={{ mb: 2 }} data-testid="kpis">
                        {byKeys(report.total.figures, HEADLINE_KEYS).map(figure => (
                            <Grid key={figure.key} size={{ xs: 12, sm: 6, md: 4, lg: 2.4 }}>
                                <KpiCard figure={figure} period={report.kind} onOpen={f => open(f)} />
                            </Grid>
                        ))}
                    </Grid>

                    <Grid container spacing={2} sx={{ mb: 2 }}>
                        <Grid size={{ xs: 12, lg: 6 }}>
                            <TrendChart report={report} trend={trend} />
                        </Grid>
                        <Grid size={{ xs: 12, lg: 6 }}>
                            <ResultCodeChart section={selection.departmentId ? (report.departments[0] ?? report.total) : report.total} onOpen={setDrill} />
                        </Grid>
                        <Grid size={12}>
                            <DepartmentOnTimeChart report={report} onOpen={setDrill} />
                        </Grid>
                    </Grid>

                    <DepartmentTable report={report} onOpen={open} />
                    <FigureTable report={report} onOpen={open} />
                    <WithoutJointTask report={report} />
                </>
            )}

            <DrillDownDialog target={drill} selection={selection} analyst={role === 'ANALYST'} onClose={() => setDrill(null)} />
        </Box>
    );
};

const cellSx = { cursor: 'pointer', '&:hover': { textDecoration: 'underline' } };

const DepartmentTable = ({ report, onOpen }: { report: Report; onOpen: (figure: ReportFigure, departmentId?: string | null, name?: string | null) => void }) => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const columns = byKeys(report.total.figures, DEPARTMENT_KEYS);
    const rows = [...report.departments, report.total];
    return (
        <Card variant="outlined" sx={{ mb: 2 }}>
            <CardContent>
                <Typography variant="h6" component="h2">
                    {translate('reports.by_department')}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                    {translate('reports.department_hint')}
                </Typography>
                <Box sx={{ overflowX: 'auto' }}>
                    <Table size="small" data-testid="department-table">
                        <TableHead>
                            <TableRow>
                                <TableCell>{translate('reports.department')}</TableCell>
                                {columns.map(f => (
                                    <TableCell key={f.key} align="right">
                                        {figureLabel(f, locale)}
                                    </TableCell>
                                ))}
                                <TableCell align="center">{translate('reports.has_joint_task')}</TableCell>
                            </TableRow>
                        </TableHead>
                        <TableBody>
                            {rows.map(section => {
                                const total = section.departmentId == null;
                                return (
                                    <TableRow key={section.departmentId ?? 'total'} sx={total ? { '& td': { fontWeight: 600 } } : undefined} data-testid={`department-row-${section.departmentCode ?? 'total'}`}>
                                        <TableCell>{total ? translate('reports.total_row') : section.departmentName}</TableCell>
                                        {columns.map(column => {
                                            const figure = section.figures.find(f => f.key === column.key);
                                            if (!figure) return <TableCell key={column.key} />;
                                            return (
                                                <TableCell
                                                    key={column.key}
                                                    align="right"
                                                    sx={{ ...cellSx, color: figure.met === false ? metColour(false) : undefined }}
                                                    onClick={() => onOpen(figure, section.departmentId, total ? null : section.departmentName)}
                                                    data-testid={`cell-${section.departmentCode ?? 'total'}-${figure.key}`}
                                                >
                                                    {formatValue(figure)}
                                                </TableCell>
                                            );
                                        })}
                                        <TableCell align="center">
                                            {section.hasJointTask == null ? '' : translate(section.hasJointTask ? 'reports.yes' : 'reports.no')}
                                        </TableCell>
                                    </TableRow>
                                );
                            })}
                        </TableBody>
                    </Table>
                </Box>
            </CardContent>
        </Card>
    );
};

const FigureTable = ({ report, onOpen }: { report: Report; onOpen: (figure: ReportFigure) => void }) => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    return (
        <Card variant="outlined" sx={{ mb: 2 }}>
            <CardContent>
                <Typography variant="h6" component="h2">
                    {translate('reports.all_figures')}
                </Typography>
                <Box sx={{ overflowX: 'auto' }}>
                    <Table size="small" data-testid="figure-table">
                        <TableHead>
                            <TableRow>
                                <TableCell>{translate('reports.figure')}</TableCell>
                                <TableCell align="right">{translate('reports.value')}</TableCell>
                                <TableCell align="right">{translate('reports.numerator')}</TableCell>
                                <TableCell align="right">{translate('reports.denominator')}</TableCell>
                                <TableCell align="right">{translate('reports.target_column')}</TableCell>
                                <TableCell>{translate('reports.met_column')}</TableCell>
                                <TableCell>{translate('reports.change')}</TableCell>
                            </TableRow>
                        </TableHead>
                        <TableBody>
                            {report.total.figures.map(figure => (
                                <TableRow key={figure.key} hover sx={{ cursor: 'pointer' }} onClick={() => onOpen(figure)} data-testid={`figure-row-${figure.key}`}>
                                    <TableCell>{figureLabel(figure, locale)}</TableCell>
                                    <TableCell align="right" sx={{ color: figure.met === false ? metColour(false) : undefined }}>
                                        {formatValue(figure)}
                                    </TableCell>
                                    <TableCell align="right">{figure.numerator}</TableCell>
                                    <TableCell align="right">{figure.denominator ?? ''}</TableCell>
                                    <TableCell align="right" title={figure.targetSource ? translate('reports.target_source', { source: figure.targetSource }) : undefined}>
                                        {figure.target == null ? '' : `≥ ${percent(figure.target, 0)}`}
                                    </TableCell>
                                    <TableCell>
                                        <MetChip figure={figure} />
                                    </TableCell>
                                    <TableCell>
                                        <Typography variant="body2" color="text.secondary">
                                            <ChangeText figure={figure} period={report.kind} />
                                        </Typography>
                                    </TableCell>
                                </TableRow>
                            ))}
                        </TableBody>
                    </Table>
                </Box>
            </CardContent>
        </Card>
    );
};

const WithoutJointTask = ({ report }: { report: Report }) => {
    const translate = useTranslate();
    const list = report.departmentsWithoutJointTask;
    return (
        <Card variant="outlined" data-testid="without-joint">
            <CardContent>
                <Typography variant="h6" component="h2">
                    {translate('reports.without_joint', { count: list.length })}
                </Typography>
                <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 1 }}>
                    {translate('reports.without_joint_hint')}
                </Typography>
                {list.length === 0 ? (
                    <Typography>{translate('reports.without_joint_none')}</Typography>
                ) : (
                    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
                        {list.map(d => (
                            <Chip key={d.id} label={d.name} color="warning" variant="outlined" />
                        ))}
                    </Box>
                )}
            </CardContent>
        </Card>
    );
};

const ReportPage = () => <ReportView />;

export default ReportPage;
