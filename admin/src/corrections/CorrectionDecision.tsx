// The department head's decision on a correction (更正): approve (a note is optional) or reject (a note is
// required). Shown only to the head of the department that owns the result, while the correction is REQUESTED;
// the server checks the same (decideCorrection), and its refusal is shown in the dialog.
import ApproveIcon from '@mui/icons-material/CheckCircle';
import RejectIcon from '@mui/icons-material/Cancel';
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, TopToolbar, useDataProvider, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate, type DataProvider } from 'react-admin';

import type { Permissions } from '../authProvider';
import type { RecordMethods } from '../dataProvider/records';
import { serverErrorOf } from '../records/serverErrors';

export const CorrectionDecision = () => {
    const record = useRecordContext();
    const { permissions } = usePermissions<Permissions | undefined>();
    const dataProvider = useDataProvider<DataProvider & RecordMethods>();
    const notify = useNotify();
    const refresh = useRefresh();
    const translate = useTranslate();
    const [decision, setDecision] = useState<'approve' | 'reject' | null>(null);
    const [note, setNote] = useState('');
    const [error, setError] = useState<string | null>(null);
    const [busy, setBusy] = useState(false);
    const mayDecide =
        record?.status === 'REQUESTED' && permissions?.isDepartmentHead === true && record.itemResult?.department?.id === permissions.departmentId;
    if (!record || !mayDecide) return <TopToolbar />;

    const decide = async () => {
        setBusy(true);
        setError(null);
        try {
            await dataProvider.decideCorrection(String(record.id), decision === 'approve', note.trim() || null);
            notify(decision === 'approve' ? 'correction.approved' : 'correction.rejected', { type: 'info' });
            setDecision(null);
            refresh();
        } catch (failure) {
            setError(serverErrorOf(failure).message);
        } finally {
            setBusy(false);
        }
    };

    return (
        <TopToolbar>
            <Button label="correction.approve" variant="contained" onClick={() => setDecision('approve')}>
                <ApproveIcon />
            </Button>
            <Button label="correction.reject" color="error" onClick={() => setDecision('reject')}>
                <RejectIcon />
            </Button>
            <Dialog open={decision != null} onClose={() => setDecision(null)} maxWidth="sm" fullWidth>
                <DialogTitle>{translate(decision === 'reject' ? 'correction.reject' : 'correction.approve')}</DialogTitle>
                <DialogContent>
                    {error && <Alert severity="error">{error}</Alert>}
                    <TextField
                        autoFocus
                        fullWidth
                        multiline
                        minRows={2}
                        margin="dense"
                        name="decisionNote"
                        label={translate('correction.decision_note')}
                        helperText={translate(decision === 'reject' ? 'correction.note_required' : 'correction.note_optional')}
                        value={note}
                        onChange={event => setNote(event.target.value)}
                    />
                </DialogContent>
                <DialogActions>
                    <Button label="ra.action.cancel" onClick={() => setDecision(null)} />
                    <Button
                        label={decision === 'reject' ? 'correction.reject' : 'correction.approve'}
                        variant="contained"
                        color={decision === 'reject' ? 'error' : 'primary'}
                        disabled={busy || (decision === 'reject' && !note.trim())}
                        onClick={decide}
                    />
                </DialogActions>
            </Dialog>
        </TopToolbar>
    );
};
