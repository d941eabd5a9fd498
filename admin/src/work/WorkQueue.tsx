// The work queue (myWork): what the user's department (the office: every department, and stalled tasks) has to
// do and by when, sorted by due date; overdue items in red, working days left (the API counts them on the
// official calendar), each linking to where the work is done: the task, its draw screen, its records, the
// correction or the follow-up.
import { Alert, Box, Card, CardContent, CardHeader, Chip, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Link, useDataProvider, useTranslate, type DataProvider } from 'react-admin';

import type { RecordMethods, WorkItem, WorkQueue as Queue } from '../dataProvider/records';

/** Where an item's work is done. */
export function workLink(item: WorkItem): string {
    const task = item.taskId ?? item.entityId;
    switch (item.kind) {
        case 'DRAW_TO_COMMIT':
        case 'DRAW_TO_REVEAL':
        case 'DRAW_TO_LOCK':
        case 'INSPECTOR_DRAW_TO_RUN':
            return `/tasks/${task}/draw`;
        case 'RECORD_TO_COMPLETE':
        case 'PUBLICATION_DUE':
            return `/tasks/${task}/records`;
        default:
            if (item.entityType === 'Correction') return `/corrections/${item.entityId}/show`;
            if (item.entityType === 'FollowUp') return `/followUps/${item.entityId}/show`;
            if (item.entityType === 'Draw') return `/tasks/${task}/draw`;
            return `/tasks/${item.entityId}/show`;
    }
}

export const WorkQueue = () => {
    const translate = useTranslate();
    const dataProvider = useDataProvider<DataProvider & RecordMethods>();
    const [queue, setQueue] = useState<Queue | null>(null);
    const [error, setError] = useState<string | null>(null);
    useEffect(() => {
        let live = true;
        dataProvider
            .myWork(100)
            .then(result => live && setQueue(result))
            .catch((failure: Error) => live && setError(failure.message));
        return () => {
            live = false;
        };
    }, [dataProvider]);

    return (
        <Card data-testid="work-queue">
            <CardHeader
                title={translate('work.title')}
                subheader={queue ? translate('work.summary', { total: queue.totalCount, overdue: queue.overdueCount, today: queue.today }) : undefined}
            />
            <CardContent sx={{ pt: 0 }}>
                {!queue && !error && <LinearProgress />}
                {error && <Alert severity="error">{translate(error, { _: error })}</Alert>}
                {queue && queue.items.length === 0 && (
                    <Typography variant="body2" color="text.secondary">
                        {translate('work.empty')}
                    </Typography>
                )}
                {queue && queue.items.length > 0 && (
                    <Box sx={{ overflowX: 'auto' }}>
                        <Table size="small">
                            <TableHead>
                                <TableRow>
                                    <TableCell>{translate('work.due')}</TableCell>
                                    <TableCell>{translate('work.days_left')}</TableCell>
                                    <TableCell>{translate('work.kind')}</TableCell>
                                    <TableCell>{translate('work.item')}</TableCell>
                                    <TableCell>{translate('work.department')}</TableCell>
                                </TableRow>
                            </TableHead>
                            <TableBody>
                                {queue.items.map(item => (
                                    <TableRow
                                        key={`${item.kind}-${item.entityId}-${item.departmentId ?? ''}`}
                                        data-testid={`work-${item.kind}`}
                                        data-overdue={item.overdue ? 'true' : 'false'}
                                        sx={item.overdue ? { '& td': { color: 'error.main' } } : undefined}
                                    >
                                        <TableCell sx={{ whiteSpace: 'nowrap' }}>{item.dueOn ?? '—'}</TableCell>
                                        <TableCell sx={{ whiteSpace: 'nowrap' }}>
                                            {item.overdue ? (
                                                <Chip size="small" color="error" label={translate('work.overdue')} />
                                            ) : item.daysLeft == null ? (
                                                '—'
                                            ) : (
                                                translate('work.working_days', { days: item.daysLeft })
                                            )}
                                        </TableCell>
                                        <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate(`work.kinds.${item.kind}`)}</TableCell>
                                        <TableCell>
                                            <Link to={workLink(item)} sx={item.overdue ? { color: 'error.main' } : undefined}>
                                                {item.title}
                                            </Link>
                                            {item.taskCode && (
                                                <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
                                                    {item.taskCode}
                                                </Typography>
                                            )}
                                        </TableCell>
                                        <TableCell>{item.departmentName ?? '—'}</TableCell>
                                    </TableRow>
                                ))}
                            </TableBody>
                        </Table>
                    </Box>
                )}
            </CardContent>
        </Card>
    );
};
