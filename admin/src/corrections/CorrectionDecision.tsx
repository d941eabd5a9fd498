// The department head's decision on a correction (更正): approve (a note is optional) or reject (a note is
// required). Shown only to the head of the department that owns the result, while the correction is REQUESTED;
// the server checks the same (decideCorrection), and its refusal is shown in the dialog.
import ApproveIcon from '@mui/icons-material/CheckCircle';
import RejectIcon from '@mui/icons-material/Cancel';
import { useState } from 'react';
import { Button, TopToolbar, useDataProvider, useNotify, usePermissions, useRecordContext, useRefresh, type DataProvider } from 'react-admin';

import type { Permissions } from '../authProvider';
import type { RecordMethods } from '../dataProvider/records';
import { TextPromptDialog } from '../shared/TextPromptDialog';
import { useServerAction } from '../shared/useServerAction';

export const CorrectionDecision = () => {
    const record = useRecordContext();
    const { permissions } = usePermissions<Permissions | undefined>();
    const dataProvider = useDataProvider<DataProvider & RecordMethods>();
    const notify = useNotify();
    const refresh = useRefresh();
    const [decision, setDecision] = useState<'approve' | 'reject' | null>(null);
    const [note, setNote] = useState('');
    const { busy, error, run } = useServerAction();
    const mayDecide =
        record?.status === 'REQUESTED' && permissions?.isDepartmentHead === true && record.itemResult?.department?.id === permissions.departmentId;
    if (!record || !mayDecide) return <TopToolbar />;

    const decide = async () => {
        if (!(await run(() => dataProvider.decideCorrection(String(record.id), decision === 'approve', note.trim() || null)))) return;
        notify(decision === 'approve' ? 'correction.approved' : 'correction.rejected', { type: 'info' });
        setDecision(null);
        refresh();
    };

    return (
        <TopToolbar>
            <Button label="correction.approve" variant="contained" onClick={() => setDecision('approve')}>
                <ApproveIcon />
            </Button>
            <Button label="correction.reject" color="error" onClick={() => setDecision('reject')}>
                <RejectIcon />
            </Button>
            <TextPromptDialog
                open={decision != null}
                onClose={() => setDecision(null)}
                title={decision === 'reject' ? 'correction.reject' : 'correction.approve'}
                label="correction.decision_note"
                helperText={decision === 'reject' ? 'correction.note_required' : 'correction.note_optional'}
                confirmLabel={decision === 'reject' ? 'correction.reject' : 'correction.approve'}
                color={decision === 'reject' ? 'error' : 'primary'}
                required={decision === 'reject'}
                name="decisionNote"
                value={note}
                onChange={setNote}
                onConfirm={decide}
                busy={busy}
                error={error}
            />
        </TopToolbar>
    );
};
