// The landing page. Staff (office, department admins, inspectors) land on their work queue (myWork: what to do
// and by when, overdue in red); analysts, who act on nothing, on the latest published results. Both see the
// tasks awaiting acceptance and the tasks by status below. One file per widget, as in the react-admin demo.
import { Grid } from '@mui/material';
import { Title, usePermissions, useTranslate } from 'react-admin';

import { isStaff } from '../auth/access';
import type { Permissions } from '../authProvider';
import { KpiSummary } from '../reports/KpiSummary';
import { LatestPublicResults } from '../work/LatestPublicResults';
import { WorkQueue } from '../work/WorkQueue';
import { AwaitingAcceptance } from './AwaitingAcceptance';
import { TasksByStatus } from './TasksByStatus';
import { Welcome } from './Welcome';

const Dashboard = () => {
    const translate = useTranslate();
    const { permissions } = usePermissions<Permissions | undefined>();
    const staff = isStaff(permissions?.role);
    return (
        <Grid container spacing={2} sx={{ mt: 1 }}>
            <Title title={translate('app.menu.dashboard')} />
            <Grid size={12}>
                <Welcome />
            </Grid>
            {permissions?.role === 'OFFICE_ADMIN' && (
                <Grid size={12}>
                    <KpiSummary />
                </Grid>
            )}
            {permissions && <Grid size={12}>{staff ? <WorkQueue /> : <LatestPublicResults />}</Grid>}
            <Grid size={{ xs: 12, md: 7 }}>
                <AwaitingAcceptance />
            </Grid>
            <Grid size={{ xs: 12, md: 5 }}>
                <TasksByStatus />
            </Grid>
        </Grid>
    );
};

export default Dashboard;
