// 信用修复 by the joint-meeting office: a reason is required; the event stays visible (repaired, with who, when
// and why) and the target's risk class is recomputed by the server.
import RepairIcon from '@mui/icons-material/Healing';
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, TopToolbar, useDataProvider, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate, type DataProvider } from 'react-admin';

import type { Permissions } from '../authProvider';
import type { RecordMethods } from '../dataProvider/records';
import { serverErrorOf } from '../records/serverErrors';

export const CreditEventActions = () => {
    const record = useRecordContext();
    const { permissions } = usePermissions<Permissions | undefined>();
    const dataProvider = useDataProvider<DataProvider & RecordMethods>();
    const notify = useNotify();
    const refresh = useRefresh();
    const translate = useTranslate();
    const [open, setOpen] = useState(false);
    const [reason, setReason] = useState('');
    const [error, setError] = useState<string | null>(null);
    const [busy, setBusy] = useState(false);
    if (!record || permissions?.role !== 'OFFICE_ADMIN' || record.repairedAt) return <TopToolbar />;

    const repair = async () => {
        setBusy(true);
        setError(null);
        try {
            await dataProvider.repairCreditEvent(String(record.id), reason.trim());
            notify('credit.repaired', { type: 'info' });
            setOpen(false);
            refresh();
        } catch (failure) {
            setError(serverErrorOf(failure).message);
        } finally {
            setBusy(false);
        }
    };

    return (
        <TopToolbar>
            <Button label="credit.repair" onClick={() => setOpen(true)}>
                <RepairIcon />
            </Button>
            <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth>
                <DialogTitle>{translate('credit.repair')}</DialogTitle>
                <DialogContent>
                    {error && <Alert severity="error">{error}</Alert>}
                    <TextField
                        autoFocus
                        fullWidth
                        multiline
                        minRows={2}
                        margin="dense"
                        name="reason"
                        label={translate('credit.repair_reason')}
                        helperText={translate('credit.repair_hint')}
                        value={reason}
                        onChange={event => setReason(event.target.value)}
                    />
                </DialogContent>
                <DialogActions>
                    <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
                    <Button label="credit.repair" variant="contained" disabled={busy || !reason.trim()} onClick={repair} />
                </DialogActions>
            </Dialog>
        </TopToolbar>
    );
};
