// The report's charts (recharts; this file is only in the report page's lazy chunk): the year's four quarters,
// item results by result code, and departments by on-time publication rate. A click on a code's bar or a
// department's bar opens the rows behind it.
import { Box, Card, CardContent, Typography } from '@mui/material';
import { Bar, BarChart, CartesianGrid, Cell, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useLocaleState, useTranslate } from 'react-admin';

import type { Report, ReportSection, TrendQuarter } from '../dataProvider/reports';
import type { DrillTarget } from './DrillDownDialog';
import { MET_COLOURS } from './KpiCard';
import { percent } from './format';

/** The rates drawn in the trend chart, each in its own colour. */
const TREND_RATES = [
    { key: 'jointInspectionRate', colour: '#6a1b9a' },
    { key: 'publicationRate', colour: '#00838f' },
    { key: 'onTimePublicationRate', colour: '#ef6c00' },
    { key: 'onTimeCompletionRate', colour: '#2e7d32' },
] as const;

const ChartCard = ({ title, testId, children }: { title: string; testId: string; children: React.ReactNode }) => (
    <Card variant="outlined" sx={{ height: '100%' }} data-testid={testId}>
        <CardContent>
            <Typography variant="subtitle1" gutterBottom>
                {title}
            </Typography>
            {children}
        </CardContent>
    </Card>
);

const labelOf = (report: Report, key: string, locale: string) => {
    const figure = report.total.figures.find(f => f.key === key);
    return figure ? (locale === 'en' ? figure.labelEn : figure.labelZh) : key;
};

export const TrendChart = ({ report, trend }: { report: Report; trend: TrendQuarter[] | null }) => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const data = (trend ?? []).map(q => {
        const row: Record<string, number | string | null> = { name: translate('reports.quarter_n', { quarter: q.quarter }) };
        for (const figure of q.figures) row[figure.key] = figure.value;
        return row;
    });
    return (
        <ChartCard title={translate('reports.charts.trend', { year: report.year })} testId="chart-trend">
            <ResponsiveContainer width="100%" height={280}>
                <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="name" />
                    <YAxis yAxisId="rate" domain={[0, 1]} tickFormatter={(v: number) => percent(v, 0)} width={48} />
                    <YAxis yAxisId="count" orientation="right" allowDecimals={false} width={40} />
                    <Tooltip formatter={(value, name, item) => (item?.dataKey === 'tasks' ? value : typeof value === 'number' ? percent(value) : '—')} />
                    <Legend />
                    <Bar yAxisId="count" dataKey="tasks" name={translate('reports.charts.trend_tasks')} fill="#90caf9" isAnimationActive={false} />
                    {TREND_RATES.map(rate => (
                        <Line
                            key={rate.key}
                            yAxisId="rate"
                            type="monotone"
                            dataKey={rate.key}
                            name={labelOf(report, rate.key, locale)}
                            stroke={rate.colour}
                            connectNulls
                            isAnimationActive={false}
                        />
                    ))}
                </ComposedChart>
            </ResponsiveContainer>
        </ChartCard>
    );
};

export const ResultCodeChart = ({ section, onOpen }: { section: ReportSection; onOpen: (target: DrillTarget) => void }) => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const data = section.resultCodes.map(c => ({
        name: String(c.code),
        label: `${c.code} ${locale === 'en' ? c.labelEn : c.labelZh}`,
        count: c.count,
        problem: c.problem,
    }));
    const empty = data.every(d => d.count === 0);
    return (
        <ChartCard title={translate('reports.charts.results')} testId="chart-results">
            {empty ? (
                <Typography color="text.secondary">{translate('reports.charts.no_data')}</Typography>
            ) : (
                <ResponsiveContainer width="100%" height={Math.max(280, data.length * 28)}>
                    <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 0, left: 8 }}>
                        <CartesianGrid strokeDasharray="3 3" />
                        <XAxis type="number" allowDecimals={false} />
                        <YAxis type="category" dataKey="label" width={locale === 'en' ? 220 : 240} tick={{ fontSize: 11 }} interval={0} />
                        <Tooltip />
                        <Bar
                            dataKey="count"
                            name={translate('reports.drill.code')}
                            isAnimationActive={false}
                            cursor="pointer"
                            onClick={item => {
                                const d = item.payload as (typeof data)[number];
                                onOpen({ figure: `resultCode${d.name}`, label: d.label, departmentId: section.departmentId });
                            }}
                        >
                            {data.map(d => (
                                <Cell key={d.name} fill={d.problem ? '#e57373' : '#81c784'} />
                            ))}
                        </Bar>
                    </BarChart>
                </ResponsiveContainer>
            )}
            <Box sx={{ display: 'flex', gap: 2, mt: 1 }}>
                <Typography variant="caption" sx={{ color: '#c62828' }}>
                    ■ {translate('reports.charts.results_problem')}
                </Typography>
                <Typography variant="caption" sx={{ color: '#2e7d32' }}>
                    ■ {translate('reports.charts.results_other')}
                </Typography>
            </Box>
        </ChartCard>
    );
};

export const DepartmentOnTimeChart = ({ report, onOpen }: { report: Report; onOpen: (target: DrillTarget) => void }) => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const data = report.departments
        .map(d => {
            const figure = d.figures.find(f => f.key === 'onTimePublicationRate');
            return { id: d.departmentId, name: d.departmentName ?? '', value: figure?.value ?? null, met: figure?.met ?? null };
        })
        .filter((d): d is { id: string; name: string; value: number; met: boolean | null } => d.value != null && d.id != null)
        .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name, 'zh-CN'));
    const target = report.total.figures.find(f => f.key === 'onTimePublicationRate')?.target ?? null;
    return (
        <ChartCard title={translate('reports.charts.departments_on_time')} testId="chart-departments">
            {data.length === 0 ? (
                <Typography color="text.secondary">{translate('reports.charts.no_data')}</Typography>
            ) : (
                <ResponsiveContainer width="100%" height={Math.max(160, data.length * 32 + 40)}>
                    <BarChart data={data} layout="vertical" margin={{ top: 20, right: 32, bottom: 0, left: 8 }}>
                        <CartesianGrid strokeDasharray="3 3" />
                        <XAxis type="number" domain={[0, 1]} tickFormatter={(v: number) => percent(v, 0)} />
                        <YAxis type="category" dataKey="name" width={locale === 'en' ? 260 : 220} tick={{ fontSize: 12 }} interval={0} />
                        <Tooltip formatter={value => (typeof value === 'number' ? percent(value) : '—')} />
                        {target != null && (
                            <ReferenceLine x={target} stroke={MET_COLOURS.notMet} strokeDasharray="4 4" label={{ value: translate('reports.charts.target_line', { target: percent(target, 0) }), position: 'top', fontSize: 11 }} />
                        )}
                        <Bar
                            dataKey="value"
                            name={labelOf(report, 'onTimePublicationRate', locale)}
                            isAnimationActive={false}
                            cursor="pointer"
                            onClick={item => {
                                const d = item.payload as (typeof data)[number];
                                onOpen({ figure: 'onTimePublicationRate', label: `${labelOf(report, 'onTimePublicationRate', locale)} · ${d.name}`, departmentId: d.id });
                            }}
                        >
                            {data.map(d => (
                                <Cell key={d.id} fill={d.met === false ? MET_COLOURS.notMet : MET_COLOURS.met} />
                            ))}
                        </Bar>
                    </BarChart>
                </ResponsiveContainer>
            )}
        </ChartCard>
    );
};
