// The landing page for every user: a placeholder work queue until the API's `myWork` exists. It shows the
// tasks awaiting the user's department's acceptance (all pending acceptances for the office and analysts)
// and the tasks by status, from the existing list queries. One file per widget, as in the react-admin demo.
import { Grid } from '@mui/material';
import { Title, useTranslate } from 'react-admin';

import { AwaitingAcceptance } from './AwaitingAcceptance';
import { TasksByStatus } from './TasksByStatus';
import { Welcome } from './Welcome';

const Dashboard = () => {
    const translate = useTranslate();
    return (
        <Grid container spacing={2} sx={{ mt: 1 }}>
            <Title title={translate('app.menu.dashboard')} />
            <Grid size={12}>
                <Welcome />
            </Grid>
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
