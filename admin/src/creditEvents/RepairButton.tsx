// 信用修复 by the joint-meeting office: a reason is required; the event stays visible (repaired, with who, when
// and why) and the target's risk class is recomputed by the server.
import RepairIcon from '@mui/icons-material/Healing';
import { useState } from 'react';
import { Button, TopToolbar, useDataProvider, useNotify, usePermissions, useRecordContext, useRefresh, type DataProvider } from 'react-admin';

import type { Permissions } from '../authProvider';
import type { RecordMethods } from '../dataProvider/records';
import { TextPromptDialog } from '../shared/TextPromptDialog';
import { useServerAction } from '../shared/useServerAction';

export const CreditEventActions = () => {
    const record = useRecordContext();
    const { permissions } = usePermissions<Permissions | undefined>();
    const dataProvider = useDataProvider<DataProvider & RecordMethods>();
    const notify = useNotify();
    const refresh = useRefresh();
    const [open, setOpen] = useState(false);
    const [reason, setReason] = useState('');
    const { busy, error, run } = useServerAction();
    if (!record || permissions?.role !== 'OFFICE_ADMIN' || record.repairedAt) return <TopToolbar />;

    const repair = async () => {
        if (!(await run(() => dataProvider.repairCreditEvent(String(record.id), reason.trim())))) return;
        notify('credit.repaired', { type: 'info' });
        setOpen(false);
        refresh();
    };

    return (
        <TopToolbar>
            <Button label="credit.repair" onClick={() => setOpen(true)}>
                <RepairIcon />
            </Button>
            <TextPromptDialog
                open={open}
                onClose={() => setOpen(false)}
                title="credit.repair"
                label="credit.repair_reason"
                helperText="credit.repair_hint"
                confirmLabel="credit.repair"
                value={reason}
                onChange={setReason}
                onConfirm={repair}
                busy={busy}
                error={error}
            />
        </TopToolbar>
    );
};
