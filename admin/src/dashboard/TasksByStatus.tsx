// How many tasks are in each state, as bars, counted by the API in one request (dataProvider.countBy).
// Each bar links to the task list filtered on that state. Rows are what the user may see (SECURITY.md).
import { Box, Card, CardContent, CardHeader, LinearProgress, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Link, useDataProvider, useNotify, useTranslate } from 'react-admin';

import { taskStatusChoices } from '../shared/choices';

const STATUSES = taskStatusChoices.map(choice => choice.id);

export const TasksByStatus = () => {
    const translate = useTranslate();
    const dataProvider = useDataProvider();
    const notify = useNotify();
    const [data, setData] = useState<Record<string, number> | null>(null);
    useEffect(() => {
        let live = true;
        (dataProvider.countBy('tasks', 'status', STATUSES) as Promise<Record<string, number>>)
            .then(counts => live && setData(counts))
            .catch((error: Error) => live && notify(error.message, { type: 'error' }));
        return () => {
            live = false;
        };
    }, [dataProvider, notify]);
    const total = data ? Object.values(data).reduce((sum, n) => sum + n, 0) : 0;
    const max = data ? Math.max(1, ...Object.values(data)) : 1;

    return (
        <Card data-testid="tasks-by-status">
            <CardHeader title={translate('app.dashboard.tasks_by_status')} subheader={data ? translate('app.dashboard.total', { count: total }) : undefined} />
            <CardContent sx={{ pt: 0 }}>
                {!data && <LinearProgress />}
                {data && (
                    <Stack sx={{ gap: 1 }}>
                        {STATUSES.filter(status => data[status] > 0).map(status => (
                            <Box key={status}>
                                <Stack direction="row" sx={{ justifyContent: 'space-between' }}>
                                    <Link to={`/tasks?filter=${encodeURIComponent(JSON.stringify({ status: [status] }))}`} variant="body2">
                                        {translate(`enums.TaskStatus.${status}`)}
                                    </Link>
                                    <Typography variant="body2">{data[status]}</Typography>
                                </Stack>
                                <LinearProgress variant="determinate" value={(data[status] / max) * 100} sx={{ height: 8, borderRadius: 4 }} />
                            </Box>
                        ))}
                    </Stack>
                )}
            </CardContent>
        </Card>
    );
};
