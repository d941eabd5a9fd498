// Route /tasks/:id/records: the task's drawn targets and their records — where the work queue's "enter results"
// and "publish" items lead. Each row opens the record form; the department publishes its part of every complete
// record of the task in one go (publishTaskPart), before the due date shown with the days left.
import PublishIcon from '@mui/icons-material/Public';
import { Alert, Box, Button, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { Confirm, Link, Title, useDataProvider, useNotify, useParams, usePermissions, useTranslate, type DataProvider } from 'react-admin';

import type { Permissions } from '../authProvider';
import type { RecordMethods, RecordTask, TaskRecordRow } from '../dataProvider/records';
import { useIdempotentSubmit } from './idempotency';
import { DueDate, PublishedChip } from './PublicationPanel';
import { serverErrorOf } from './serverErrors';

const TaskRecords = () => {
    const { id } = useParams<{ id: string }>();
    const translate = useTranslate();
    const notify = useNotify();
    const dataProvider = useDataProvider<DataProvider & RecordMethods>();
    const { permissions } = usePermissions<Permissions | undefined>();
    const own = permissions?.departmentId ?? null;
    const [data, setData] = useState<{ task: RecordTask; rows: TaskRecordRow[] } | null>(null);
    const [error, setError] = useState<string | null>(null);
    const [confirming, setConfirming] = useState(false);
    const [busy, setBusy] = useState(false);
    const submit = useIdempotentSubmit();

    const reload = useCallback(() => {
        if (id) dataProvider.taskRecords(id).then(setData).catch((failure: unknown) => setError(serverErrorOf(failure).message));
    }, [dataProvider, id]);
    useEffect(reload, [reload]);

    if (!data) return error ? <Alert severity="error">{error}</Alert> : null;
    const { task, rows } = data;
    const participates = !!own && task.items.some(item => item.department.id === own);
    const ownItems = task.items.filter(item => item.department.id === own).length;
    const publishable = rows.filter(
        row => row.record && !row.record.publications.some(p => p.department.id === own) && row.record.results.filter(r => r.department.id === own).length >= ownItems,
    ).length;

    const publishAll = async () => {
        setBusy(true);
        setError(null);
        try {
            const published = await submit({ taskId: task.id }, key => dataProvider.publishTaskPart(task.id, key));
            notify('publish.task_done', { type: 'info', messageArgs: { count: published.length } });
            reload();
        } catch (failure) {
            setError(serverErrorOf(failure).message);
        } finally {
            setBusy(false);
            setConfirming(false);
        }
    };

    return (
        <Box sx={{ mt: 1, mb: 4 }} data-testid="task-records">
            <Title title={translate('taskRecords.title', { task: task.name })} />
            <Typography variant="h5">
                <Link to={`/tasks/${task.id}/show`}>{task.code}</Link> {task.name}
            </Typography>
            <Stack direction="row" sx={{ gap: 2, alignItems: 'center', my: 1, flexWrap: 'wrap' }}>
                <Typography variant="body2">{translate('taskRecords.state', { status: translate(`enums.TaskStatus.${task.status}`) })}</Typography>
                <DueDate dueOn={task.publicationDueOn} />
                {participates && (
                    <Button variant="contained" size="small" startIcon={<PublishIcon />} disabled={busy || publishable === 0} onClick={() => setConfirming(true)} data-testid="publish-task-part">
                        {translate('publish.publish_task', { count: publishable })}
                    </Button>
                )}
            </Stack>
            {error && (
                <Alert severity="error" sx={{ mb: 1 }}>
                    {error}
                </Alert>
            )}
            {rows.length === 0 && <Alert severity="info">{translate('taskRecords.no_targets')}</Alert>}
            {rows.length > 0 && (
                <Table size="small">
                    <TableHead>
                        <TableRow>
                            <TableCell>{translate('recordForm.target_name')}</TableCell>
                            <TableCell>{translate('recordForm.uscc')}</TableCell>
                            <TableCell>{translate('taskRecords.record')}</TableCell>
                            <TableCell>{translate('recordForm.inspected_on')}</TableCell>
                            {participates && <TableCell>{translate('taskRecords.my_part')}</TableCell>}
                        </TableRow>
                    </TableHead>
                    <TableBody>
                        {rows.map(({ target, record }) => {
                            const mine = record?.publications.find(p => p.department.id === own);
                            const entered = record?.results.filter(r => r.department.id === own).length ?? 0;
                            return (
                                <TableRow key={target.id} hover data-testid={`target-row-${target.uscc}`}>
                                    <TableCell>
                                        <Link to={`/tasks/${task.id}/records/${target.id}`}>{target.name}</Link>
                                    </TableCell>
                                    <TableCell sx={{ fontFamily: 'monospace' }}>{target.uscc}</TableCell>
                                    <TableCell>{record ? translate(`enums.RecordStatus.${record.status}`) : translate('taskRecords.no_record')}</TableCell>
                                    <TableCell>{record?.inspectedOn ?? '—'}</TableCell>
                                    {participates && (
                                        <TableCell>
                                            {mine ? (
                                                <PublishedChip onTime={mine.onTime} />
                                            ) : (
                                                <Chip size="small" variant="outlined" label={translate('taskRecords.entered', { entered, total: ownItems })} />
                                            )}
                                        </TableCell>
                                    )}
                                </TableRow>
                            );
                        })}
                    </TableBody>
                </Table>
            )}
            <Confirm isOpen={confirming} loading={busy} title="publish.publish_task_title" content="publish.confirm_task" onConfirm={publishAll} onClose={() => setConfirming(false)} />
        </Box>
    );
};

export default TaskRecords;
