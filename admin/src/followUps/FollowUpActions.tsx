// What the owner department does with a follow-up until it is closed (闭环): record progress (status → in
// progress, document number, due date), transfer it to the competent department or to the police (移送), and close
// it with a closure note. Closed follow-ups have no actions. The server decides who may (followup.service.ts).
import CloseIcon from '@mui/icons-material/DoneAll';
import ProgressIcon from '@mui/icons-material/Update';
import TransferIcon from '@mui/icons-material/Forward';
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import {
    Button,
    TopToolbar,
    useDataProvider,
    useGetList,
    useNotify,
    usePermissions,
    useRecordContext,
    useRefresh,
    useTranslate,
    type DataProvider,
} from 'react-admin';

import type { Permissions } from '../authProvider';
import type { RecordMethods } from '../dataProvider/records';
import { useServerAction } from '../shared/useServerAction';

type Mode = 'progress' | 'transfer' | 'close' | null;

export const FollowUpActions = () => {
    const record = useRecordContext();
    const { permissions } = usePermissions<Permissions | undefined>();
    const dataProvider = useDataProvider<DataProvider & RecordMethods>();
    const notify = useNotify();
    const refresh = useRefresh();
    const translate = useTranslate();
    const [mode, setMode] = useState<Mode>(null);
    const [values, setValues] = useState<Record<string, string>>({});
    const { busy, error, setError, run } = useServerAction();
    const { data: departments } = useGetList('departments', { pagination: { page: 1, perPage: 100 }, sort: { field: 'sortOrder', order: 'ASC' } }, { enabled: mode === 'transfer' });
    const owner = permissions?.role === 'OFFICE_ADMIN' || (permissions?.role !== 'ANALYST' && (record?.department?.id === permissions?.departmentId || record?.toDepartment?.id === permissions?.departmentId));
    if (!record || record.status === 'CLOSED' || !owner) return <TopToolbar />;

    const open = (next: Mode) => {
        setError(null);
        setValues(next === 'progress' ? { status: record.status === 'OPEN' ? 'IN_PROGRESS' : record.status, reference: record.reference ?? '', dueOn: record.dueOn ?? '' } : next === 'transfer' ? { kind: 'TRANSFER_DEPARTMENT' } : {});
        setMode(next);
    };
    const value = (key: string) => values[key] ?? '';
    const setValue = (key: string) => (event: { target: { value: string } }) => setValues(previous => ({ ...previous, [key]: event.target.value }));

    const submit = async () => {
        const done = await run(async () => {
            const id = String(record.id);
            if (mode === 'progress') {
                const input: Record<string, unknown> = {};
                if (value('status') && value('status') !== record.status) input.status = value('status');
                if (value('reference') !== (record.reference ?? '')) input.reference = value('reference') || null;
                if (value('dueOn') !== (record.dueOn ?? '')) input.dueOn = value('dueOn') || null;
                await dataProvider.updateFollowUp(id, input);
            } else if (mode === 'transfer') {
                await dataProvider.transferFollowUp(id, value('kind') as 'TRANSFER_DEPARTMENT' | 'TRANSFER_POLICE', value('kind') === 'TRANSFER_DEPARTMENT' ? value('toDepartmentId') || null : null, value('reference') || null);
            } else if (mode === 'close') {
                await dataProvider.closeFollowUp(id, value('closureNote').trim());
            }
        });
        if (!done) return;
        notify('followUp.saved', { type: 'info' });
        setMode(null);
        refresh();
    };

    const ready = mode === 'close' ? !!value('closureNote').trim() : mode === 'transfer' ? value('kind') === 'TRANSFER_POLICE' || !!value('toDepartmentId') : true;
    return (
        <TopToolbar>
            <Button label="followUp.progress" onClick={() => open('progress')}>
                <ProgressIcon />
            </Button>
            <Button label="followUp.transfer" onClick={() => open('transfer')}>
                <TransferIcon />
            </Button>
            <Button label="followUp.close" variant="contained" onClick={() => open('close')}>
                <CloseIcon />
            </Button>
            <Dialog open={mode != null} onClose={() => setMode(null)} maxWidth="sm" fullWidth>
                <DialogTitle>{mode ? translate(`followUp.${mode}`) : ''}</DialogTitle>
                <DialogContent>
                    {error && <Alert severity="error">{error}</Alert>}
                    {mode === 'progress' && (
                        <>
                            <TextField select fullWidth margin="dense" label={translate('resources.followUps.fields.status')} value={value('status')} onChange={setValue('status')}>
                                {['OPEN', 'IN_PROGRESS'].map(status => (
                                    <MenuItem key={status} value={status}>
                                        {translate(`enums.FollowUpStatus.${status}`)}
                                    </MenuItem>
                                ))}
                            </TextField>
                            <TextField fullWidth margin="dense" label={translate('resources.followUps.fields.reference')} value={value('reference')} onChange={setValue('reference')} />
                            <TextField fullWidth margin="dense" type="date" label={translate('resources.followUps.fields.dueOn')} value={value('dueOn')} onChange={setValue('dueOn')} slotProps={{ inputLabel: { shrink: true } }} />
                        </>
                    )}
                    {mode === 'transfer' && (
                        <>
                            <TextField select fullWidth margin="dense" label={translate('followUp.transfer_to')} value={value('kind')} onChange={setValue('kind')}>
                                {['TRANSFER_DEPARTMENT', 'TRANSFER_POLICE'].map(kind => (
                                    <MenuItem key={kind} value={kind}>
                                        {translate(`enums.FollowUpKind.${kind}`)}
                                    </MenuItem>
                                ))}
                            </TextField>
                            {value('kind') === 'TRANSFER_DEPARTMENT' && (
                                <TextField select fullWidth margin="dense" label={translate('resources.followUps.fields.toDepartment')} value={value('toDepartmentId')} onChange={setValue('toDepartmentId')}>
                                    {(departments ?? []).map(d => (
                                        <MenuItem key={d.id} value={String(d.id)}>
                                            {d.name}
                                        </MenuItem>
                                    ))}
                                </TextField>
                            )}
                            <TextField fullWidth margin="dense" label={translate('followUp.transfer_reference')} value={value('reference')} onChange={setValue('reference')} />
                        </>
                    )}
                    {mode === 'close' && (
                        <TextField autoFocus fullWidth multiline minRows={3} margin="dense" name="closureNote" label={translate('resources.followUps.fields.closureNote')} helperText={translate('followUp.close_hint')} value={value('closureNote')} onChange={setValue('closureNote')} />
                    )}
                </DialogContent>
                <DialogActions>
                    <Button label="ra.action.cancel" onClick={() => setMode(null)} />
                    <Button label={mode ? `followUp.${mode}` : 'ra.action.save'} variant="contained" disabled={busy || !ready} onClick={submit} />
                </DialogActions>
            </Dialog>
        </TopToolbar>
    );
};
