// Asks the server to recompute the audit hash chain (`verifyAuditChain`) and says whether it holds, or
// where it first breaks.
import VerifiedIcon from '@mui/icons-material/Verified';
import { useState } from 'react';
import { Button, useNotify } from 'react-admin';

import { graphql } from '../dataProvider/graphql';

interface Report {
    ok: boolean;
    checked: number;
    firstBrokenId: string | null;
    reason: string | null;
}

export const VerifyChainButton = () => {
    const notify = useNotify();
    const [busy, setBusy] = useState(false);
    const verify = async () => {
        setBusy(true);
        try {
            const { verifyAuditChain: report } = await graphql<{ verifyAuditChain: Report }>(
                'query verifyAuditChain { verifyAuditChain { ok checked firstBrokenId reason } }',
            );
            if (report.ok) notify('app.audit.chain_ok', { type: 'success', messageArgs: { checked: report.checked } });
            else notify('app.audit.chain_broken', { type: 'error', messageArgs: { id: report.firstBrokenId ?? '', reason: report.reason ?? '' } });
        } catch (error) {
            notify((error as Error).message, { type: 'error' });
        } finally {
            setBusy(false);
        }
    };
    return (
        <Button label="app.audit.verify" onClick={verify} disabled={busy}>
            <VerifiedIcon />
        </Button>
    );
};
