// Tasks waiting for acceptance (签收). A department's users see the tasks their department has not yet
// accepted; the office and analysts see every task still collecting acceptances, with who is missing.
// Sorted by acceptance due date, overdue ones in red.
import { Card, CardContent, CardHeader, List as MuiList, ListItem, ListItemText, Typography } from '@mui/material';
import { Link, useCreatePath, useGetIdentity, useGetList, useTranslate } from 'react-admin';

interface Participant {
    acceptance: string;
    role: string;
    department: { id: string; shortName: string };
}

interface TaskRow {
    id: string;
    code: string;
    name: string;
    acceptanceDueOn: string | null;
    participants: Participant[];
}

const today = () => new Date().toISOString().slice(0, 10);

export const AwaitingAcceptance = () => {
    const translate = useTranslate();
    const createPath = useCreatePath();
    const { identity } = useGetIdentity();
    const departmentId = (identity?.department as { id: string } | null)?.id;
    const ownDepartmentOnly = identity?.role === 'DEPARTMENT_ADMIN' || identity?.role === 'INSPECTOR';
    const { data, isPending } = useGetList<TaskRow>(
        'tasks',
        {
            filter: { status: ['INVITING'], ...(ownDepartmentOnly && departmentId ? { departmentId } : {}) },
            sort: { field: 'windowStart', order: 'ASC' },
            pagination: { page: 1, perPage: 50 },
        },
        { enabled: identity != null },
    );
    const rows = (data ?? [])
        .map(task => ({ task, pending: task.participants.filter(p => p.acceptance === 'PENDING') }))
        .filter(({ pending }) => (ownDepartmentOnly ? pending.some(p => p.department.id === departmentId) : pending.length > 0))
        .sort((a, b) => (a.task.acceptanceDueOn ?? '9999').localeCompare(b.task.acceptanceDueOn ?? '9999'));

    return (
        <Card data-testid="awaiting-acceptance">
            <CardHeader
                title={translate(ownDepartmentOnly ? 'app.dashboard.awaiting_acceptance' : 'app.dashboard.awaiting_acceptance_office')}
                subheader={isPending ? undefined : translate('app.dashboard.total', { count: rows.length })}
            />
            <CardContent sx={{ pt: 0 }}>
                {!isPending && rows.length === 0 && (
                    <Typography variant="body2" color="text.secondary">
                        {translate('app.dashboard.awaiting_acceptance_none')}
                    </Typography>
                )}
                <MuiList dense disablePadding>
                    {rows.map(({ task, pending }) => {
                        const overdue = task.acceptanceDueOn != null && task.acceptanceDueOn < today();
                        return (
                            <ListItem key={task.id} disableGutters divider>
                                <ListItemText
                                    primary={<Link to={createPath({ resource: 'tasks', id: task.id, type: 'show' })}>{`${task.code} ${task.name}`}</Link>}
                                    secondary={
                                        <>
                                            {task.acceptanceDueOn && (
                                                <Typography component="span" variant="body2" color={overdue ? 'error' : 'text.secondary'} sx={{ mr: 2 }}>
                                                    {translate('app.dashboard.acceptance_due', { date: task.acceptanceDueOn })}
                                                </Typography>
                                            )}
                                            {!ownDepartmentOnly &&
                                                translate('app.dashboard.pending_departments', {
                                                    departments: pending.map(p => p.department.shortName).join('、'),
                                                })}
                                        </>
                                    }
                                />
                            </ListItem>
                        );
                    })}
                </MuiList>
            </CardContent>
        </Card>
    );
};
