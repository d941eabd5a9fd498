// The guided draw screen of a task (route /tasks/:id/draw): target draw — commit, public input, reveal, verify,
// lock and dispatch — then inspector matching the same way, then the teams. Each step appears when the task's
// state allows it; only the office and the lead department's admins see the buttons (drawAccess.ts), everyone
// else who may read the task follows along. Loaded lazily (App.tsx), so the first load does not carry it.
import { Alert, Box, Step, StepLabel, Stepper, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { Link, Title, useDataProvider, useParams, useTranslate, type DataProvider } from 'react-admin';

import type { DrawMethods, DrawTask } from '../dataProvider/draws';
import { drawErrorOf, useMayRunDraw, type DrawError } from './drawAccess';
import { CommitForm } from './CommitForm';
import { DrawErrorAlert, DrawPanel } from './DrawPanel';

type Kind = 'TARGET' | 'INSPECTOR';

/** The draw of a kind to show: the one in progress or locked, else the latest (a voided one). */
const currentDraw = (task: DrawTask, kind: Kind) => {
    const draws = task.draws.filter(d => d.kind === kind).sort((a, b) => (a.committedAt < b.committedAt ? 1 : -1));
    return draws.find(d => d.status !== 'VOIDED') ?? draws[0];
};

const stepOf = (task: DrawTask): number => {
    const target = currentDraw(task, 'TARGET');
    const inspector = currentDraw(task, 'INSPECTOR');
    if (inspector?.status === 'LOCKED') return 4;
    if (target?.status === 'LOCKED') return 2;
    if (target?.status === 'REVEALED') return 1;
    return 0;
};

export const DrawScreenView = ({ taskId }: { taskId: string }) => {
    const dataProvider = useDataProvider<DataProvider & DrawMethods>();
    const translate = useTranslate();
    const [task, setTask] = useState<DrawTask | null>(null);
    const [error, setError] = useState<DrawError | null>(null);
    const [warnings, setWarnings] = useState<{ code: string; message: string }[]>([]);
    const mayRun = useMayRunDraw(task?.leadDepartment.id);

    const reload = useCallback(() => {
        dataProvider
            .drawTask(taskId)
            .then(setTask)
            .catch(failure => setError(drawErrorOf(failure)));
    }, [dataProvider, taskId]);
    useEffect(reload, [reload]);

    if (!task) return <DrawErrorAlert error={error} />;
    const departments = [task.leadDepartment, ...task.participants.map(p => p.department).filter(d => d.id !== task.leadDepartment.id)];
    const target = currentDraw(task, 'TARGET');
    const inspector = currentDraw(task, 'INSPECTOR');
    const targetOpen = !target || target.status === 'VOIDED';
    const inspectorOpen = target?.status === 'LOCKED' && (!inspector || inspector.status === 'VOIDED');
    const steps = ['target', 'lock', 'inspector', 'teams'] as const;

    return (
        <Box sx={{ mt: 1, mb: 4 }} data-testid="draw-screen">
            <Title title={translate('drawScreen.title', { task: task.name })} />
            <Typography variant="h5">
                <Link to={`/tasks/${task.id}/show`}>{task.code}</Link> {task.name}
            </Typography>
            <Typography variant="body2" color="text.secondary" data-testid="task-status">
                {translate('drawScreen.task_state', { status: translate(`enums.TaskStatus.${task.status}`) })}
            </Typography>
            <Stepper activeStep={stepOf(task)} sx={{ my: 2 }}>
                {steps.map(step => (
                    <Step key={step}>
                        <StepLabel>{translate(`drawScreen.steps.${step}`)}</StepLabel>
                    </Step>
                ))}
            </Stepper>
            {!mayRun && <Alert severity="info">{translate('drawScreen.read_only')}</Alert>}
            {warnings.length > 0 && (
                <Alert severity="warning" sx={{ mt: 1 }}>
                    {translate('drawScreen.warnings')}：{warnings.map(w => w.message).join('；')}
                </Alert>
            )}
            <DrawErrorAlert error={error} departments={departments} />

            {target && <DrawPanel key={target.id} drawId={target.id} departments={departments} onChange={reload} showLink />}
            {mayRun && targetOpen && task.status === 'READY' && (
                <CommitForm kind="TARGET" taskId={task.id} departments={departments} onCommitted={(_, w) => (setWarnings(w), reload())} />
            )}
            {mayRun && targetOpen && task.status !== 'READY' && <Alert severity="info" sx={{ mt: 2 }}>{translate('drawScreen.not_ready')}</Alert>}

            {inspector && <DrawPanel key={inspector.id} drawId={inspector.id} departments={departments} onChange={reload} showLink />}
            {mayRun && inspectorOpen && task.status === 'DRAWN' && (
                <CommitForm kind="INSPECTOR" taskId={task.id} departments={departments} onCommitted={(_, w) => (setWarnings(w), reload())} />
            )}
        </Box>
    );
};

const DrawScreen = () => {
    const { id } = useParams<{ id: string }>();
    return id ? <DrawScreenView taskId={id} /> : null;
};

export default DrawScreen;
