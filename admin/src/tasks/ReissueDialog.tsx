// 重新派发 by the office: a stalled task (acceptance overdue, window passed unfinished, or targets that could not
// be inspected, codes 4/7) is re-issued as a new linked task with a reason, a new window, the departments taking
// part (default: those of the original) and, optionally, a draw restricted to the targets not inspected. The new
// task opens on success; both tasks show the lineage (TaskLineage).
import ReissueIcon from '@mui/icons-material/Replay';
import { Alert, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, FormGroup, FormLabel, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useNotify, usePermissions, useRecordContext, useRedirect, useTranslate, type DataProvider } from 'react-admin';

import type { Permissions } from '../authProvider';
import type { RecordMethods } from '../dataProvider/records';
import { todayInChina } from '../records/dates';
import { serverErrorOf } from '../records/serverErrors';

/** States a task can be re-issued from (the server checks the stall conditions). */
const REISSUABLE = ['INVITING', 'READY', 'DRAWN', 'DISPATCHED', 'INSPECTING', 'RESULTS_ENTERED'];

export const ReissueButton = () => {
    const record = useRecordContext();
    const { permissions } = usePermissions<Permissions | undefined>();
    const dataProvider = useDataProvider<DataProvider & RecordMethods>();
    const notify = useNotify();
    const redirect = useRedirect();
    const translate = useTranslate();
    const [open, setOpen] = useState(false);
    const [reason, setReason] = useState('');
    const [windowStart, setWindowStart] = useState(todayInChina());
    const [windowEnd, setWindowEnd] = useState('');
    const [departments, setDepartments] = useState<string[]>([]);
    const [restrict, setRestrict] = useState(false);
    const [errors, setErrors] = useState<Record<string, string>>({});
    const [busy, setBusy] = useState(false);
    if (!record || permissions?.role !== 'OFFICE_ADMIN' || !REISSUABLE.includes(record.status)) return null;
    const others: { id: string; shortName: string }[] = (record.participants ?? [])
        .filter((p: { role: string }) => p.role !== 'LEAD')
        .map((p: { department: { id: string; shortName: string } }) => p.department);

    const start = () => {
        setDepartments(others.map(d => d.id));
        setErrors({});
        setOpen(true);
    };
    const submit = async () => {
        setBusy(true);
        setErrors({});
        try {
            const task = await dataProvider.reissueTask({
                taskId: String(record.id),
                reason: reason.trim(),
                windowStart,
                windowEnd,
                participantDepartmentIds: departments,
                restrictToUninspected: restrict,
            });
            notify('reissue.done', { type: 'info', messageArgs: { code: task.code } });
            setOpen(false);
            redirect(`/tasks/${task.id}/show`);
        } catch (failure) {
            const error = serverErrorOf(failure);
            const field = error.field?.replace(/^input\./, '').replace(/\[\d+\]$/, '');
            setErrors(field && ['reason', 'windowStart', 'windowEnd', 'participantDepartmentIds'].includes(field) ? { [field]: error.message } : { form: error.message });
        } finally {
            setBusy(false);
        }
    };

    return (
        <>
            <Button label="reissue.button" onClick={start}>
                <ReissueIcon />
            </Button>
            <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth>
                <DialogTitle>{translate('reissue.title', { task: record.code })}</DialogTitle>
                <DialogContent>
                    {errors.form && (
                        <Alert severity="error" data-testid="reissue-error">
                            {errors.form}
                        </Alert>
                    )}
                    <TextField
                        autoFocus
                        fullWidth
                        multiline
                        minRows={2}
                        margin="dense"
                        name="reason"
                        label={translate('reissue.reason')}
                        value={reason}
                        onChange={event => setReason(event.target.value)}
                        error={!!errors.reason}
                        helperText={errors.reason ?? translate('reissue.reason_hint')}
                    />
                    <Stack direction="row" sx={{ gap: 2 }}>
                        <TextField
                            type="date"
                            margin="dense"
                            name="windowStart"
                            label={translate('reissue.window_start')}
                            value={windowStart}
                            onChange={event => setWindowStart(event.target.value)}
                            error={!!errors.windowStart}
                            helperText={errors.windowStart}
                            slotProps={{ inputLabel: { shrink: true } }}
                        />
                        <TextField
                            type="date"
                            margin="dense"
                            name="windowEnd"
                            label={translate('reissue.window_end')}
                            value={windowEnd}
                            onChange={event => setWindowEnd(event.target.value)}
                            error={!!errors.windowEnd}
                            helperText={errors.windowEnd}
                            slotProps={{ inputLabel: { shrink: true } }}
                        />
                    </Stack>
                    {others.length > 0 && (
                        <FormGroup sx={{ mt: 1 }}>
                            <FormLabel error={!!errors.participantDepartmentIds}>{translate('reissue.departments')}</FormLabel>
                            {others.map(d => (
                                <FormControlLabel
                                    key={d.id}
                                    label={d.shortName}
                                    control={
                                        <Checkbox
                                            size="small"
                                            checked={departments.includes(d.id)}
                                            onChange={event => setDepartments(event.target.checked ? [...departments, d.id] : departments.filter(id => id !== d.id))}
                                        />
                                    }
                                />
                            ))}
                            {errors.participantDepartmentIds && <Alert severity="error">{errors.participantDepartmentIds}</Alert>}
                        </FormGroup>
                    )}
                    <FormControlLabel
                        sx={{ mt: 1 }}
                        label={translate('reissue.restrict')}
                        control={<Checkbox checked={restrict} onChange={event => setRestrict(event.target.checked)} name="restrictToUninspected" />}
                    />
                </DialogContent>
                <DialogActions>
                    <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
                    <Button label="reissue.submit" variant="contained" disabled={busy || !reason.trim() || !windowStart || !windowEnd} onClick={submit} />
                </DialogActions>
            </Dialog>
        </>
    );
};
