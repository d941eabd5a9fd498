// The dashboard's compact KPI summary: the figures the seeds set targets for, for the current quarter (China
// date), each against its target (met green, not met red) with the change from the previous quarter, and a link
// to the full report. Renders nothing for roles that may not read reports (inspectors). No recharts here, so
// embedding it in the dashboard does not pull the charts into the dashboard's chunk.
import { Alert, Box, Button, Card, CardContent, Grid, LinearProgress, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Link, useDataProvider, usePermissions, useTranslate, type DataProvider } from 'react-admin';

import { canUse } from '../auth/access';
import type { Permissions } from '../authProvider';
import type { Report, ReportMethods } from '../dataProvider/reports';
import { KpiCard } from './KpiCard';
import { currentQuarter, SUMMARY_KEYS } from './format';

export const KpiSummary = ({ year, quarter }: { year?: number; quarter?: number }) => {
    const { permissions } = usePermissions<Permissions | undefined>();
    const allowed = canUse(permissions?.role, 'reports', 'list');
    const dataProvider = useDataProvider<DataProvider & ReportMethods>();
    const translate = useTranslate();
    const now = currentQuarter();
    const y = year ?? now.year;
    const q = quarter ?? now.quarter;
    const [report, setReport] = useState<Report | null>(null);
    const [error, setError] = useState<string | null>(null);

    useEffect(() => {
        if (!allowed) return;
        let current = true;
        dataProvider
            .report({ period: 'QUARTER', year: y, quarter: q })
            .then(r => current && setReport(r))
            .catch((e: Error) => current && setError(translate(e.message, { _: e.message })));
        return () => {
            current = false;
        };
    }, [allowed, dataProvider, y, q, translate]);

    if (!allowed) return null;
    const period = translate('reports.period.quarter_title', { year: y, quarter: q });
    return (
        <Card data-testid="kpi-summary">
            <CardContent>
                <Box sx={{ display: 'flex', alignItems: 'center', mb: 1 }}>
                    <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
                        {translate('reports.summary.title', { period })}
                    </Typography>
                    <Button component={Link} to={`/reports?period=QUARTER&year=${y}&quarter=${q}`} size="small">
                        {translate('reports.summary.open_report')}
                    </Button>
                </Box>
                {error && <Alert severity="error">{error}</Alert>}
                {!report && !error && <LinearProgress />}
                {report && (
                    <Grid container spacing={1}>
                        {SUMMARY_KEYS.map(key => report.total.figures.find(f => f.key === key))
                            .filter(f => !!f)
                            .map(figure => (
                                <Grid key={figure.key} size={{ xs: 12, sm: 6, md: 3, xl: 12 / 7 }}>
                                    <KpiCard figure={figure} period="QUARTER" compact />
                                </Grid>
                            ))}
                    </Grid>
                )}
            </CardContent>
        </Card>
    );
};

export default KpiSummary;
