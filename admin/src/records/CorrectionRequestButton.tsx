// Ask to correct a published result (更正): the new code, its note and the reason. The department head decides
// within 5 working days (corrections/CorrectionDecision.tsx); the original stays published beside the correction.
import EditNoteIcon from '@mui/icons-material/EditNote';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useTranslate, type DataProvider } from 'react-admin';

import type { RecordMethods, ResultRow } from '../dataProvider/records';
import { resultCodeChoices } from '../shared/choices';
import { useIdempotentSubmit } from './idempotency';
import { serverErrorOf } from './serverErrors';

export const CorrectionRequestButton = ({ result, itemName, onDone }: { result: Pick<ResultRow, 'id' | 'code' | 'corrections'>; itemName: string; onDone: () => unknown }) => {
    const translate = useTranslate();
    const notify = useNotify();
    const dataProvider = useDataProvider<DataProvider & RecordMethods>();
    const submit = useIdempotentSubmit();
    const [open, setOpen] = useState(false);
    const [newCode, setNewCode] = useState<number | ''>('');
    const [newNote, setNewNote] = useState('');
    const [reason, setReason] = useState('');
    const [errors, setErrors] = useState<Record<string, string>>({});
    const [busy, setBusy] = useState(false);
    if (result.corrections.some(c => c.status === 'REQUESTED')) return null;

    const send = async () => {
        setBusy(true);
        setErrors({});
        const input = { itemResultId: result.id, newCode: Number(newCode), newNote: newNote.trim() || null, reason: reason.trim() };
        try {
            await submit(input, key => dataProvider.requestCorrection(input, key));
            notify('correction.requested', { type: 'info' });
            setOpen(false);
            await onDone();
        } catch (error) {
            const failure = serverErrorOf(error);
            const field = failure.field?.replace(/^input\./, '');
            if (field && ['newCode', 'newNote', 'reason'].includes(field)) setErrors({ [field]: failure.message });
            else setErrors({ form: failure.message });
        } finally {
            setBusy(false);
        }
    };

    return (
        <>
            <Button size="small" startIcon={<EditNoteIcon />} onClick={() => setOpen(true)} data-testid={`request-correction-${result.id}`}>
                {translate('correction.request')}
            </Button>
            <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth>
                <DialogTitle>{translate('correction.request_title', { item: itemName })}</DialogTitle>
                <DialogContent>
                    <TextField fullWidth margin="dense" disabled label={translate('correction.old_code')} value={translate(`enums.ResultCode.${result.code}`)} />
                    <TextField
                        select
                        fullWidth
                        margin="dense"
                        name="newCode"
                        label={translate('correction.new_code')}
                        value={newCode}
                        onChange={event => setNewCode(Number(event.target.value))}
                        error={!!errors.newCode}
                        helperText={errors.newCode}
                    >
                        {resultCodeChoices
                            .filter(choice => choice.id !== result.code)
                            .map(choice => (
                                <MenuItem key={choice.id} value={choice.id}>
                                    {translate(choice.name)}
                                </MenuItem>
                            ))}
                    </TextField>
                    <TextField fullWidth margin="dense" name="newNote" label={translate('correction.new_note')} value={newNote} onChange={event => setNewNote(event.target.value)} error={!!errors.newNote} helperText={errors.newNote} />
                    <TextField
                        fullWidth
                        multiline
                        minRows={2}
                        margin="dense"
                        name="reason"
                        label={translate('correction.reason')}
                        value={reason}
                        onChange={event => setReason(event.target.value)}
                        error={!!errors.reason || !!errors.form}
                        helperText={errors.reason ?? errors.form ?? translate('correction.reason_hint')}
                    />
                </DialogContent>
                <DialogActions>
                    <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
                    <Button variant="contained" disabled={busy || newCode === '' || !reason.trim()} onClick={send}>
                        {translate('correction.submit')}
                    </Button>
                </DialogActions>
            </Dialog>
        </>
    );
};
