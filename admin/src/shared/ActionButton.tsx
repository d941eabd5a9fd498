// A button for one workflow action on the record in context (dataProvider.runAction): shown only to roles
// that may run it (auth/access.ts) and when `when(record)` holds; asks for confirmation, or for a reason
// when the mutation needs one; then notifies and refreshes the view. Server refusals (wrong state,
// another department's task) come back as the server's message.
import { useState, type ReactElement } from 'react';
import {
    Button,
    Confirm,
    useCanAccess,
    useDataProvider,
    useNotify,
    useRecordContext,
    useRefresh,
    useResourceContext,
    useTranslate,
    type RaRecord,
} from 'react-admin';

import { TextPromptDialog } from './TextPromptDialog';

export interface ActionButtonProps {
    action: string;
    label: string;
    icon?: ReactElement;
    /** Extra arguments of the mutation, e.g. `{ active: false }`. */
    args?: Record<string, unknown>;
    /** Ask "are you sure?" with this content key first. */
    confirm?: string;
    /** Ask for a reason (sent as `reason`). */
    reason?: boolean;
    when?: (record: RaRecord) => boolean;
    color?: 'primary' | 'error' | 'inherit';
}

export const ActionButton = ({ action, label, icon, args, confirm, reason, when, color = 'primary' }: ActionButtonProps) => {
    const record = useRecordContext();
    const resource = useResourceContext();
    const dataProvider = useDataProvider();
    const notify = useNotify();
    const refresh = useRefresh();
    const translate = useTranslate();
    const [open, setOpen] = useState(false);
    const [text, setText] = useState('');
    const [busy, setBusy] = useState(false);
    const { canAccess } = useCanAccess({ resource: resource ?? '', action, record });
    if (!record?.id || !resource || !canAccess || (when && !when(record))) return null;

    const run = async () => {
        setBusy(true);
        try {
            await dataProvider.runAction(resource, action, String(record.id), { ...args, ...(reason ? { reason: text.trim() } : {}) });
            notify('app.notification.action_done', { type: 'info', messageArgs: { action: translate(label) } });
            setOpen(false);
            setText('');
            refresh();
        } catch (error) {
            notify((error as Error).message, { type: 'error' });
        } finally {
            setBusy(false);
        }
    };

    return (
        <>
            <Button label={label} color={color} disabled={busy} onClick={() => (confirm || reason ? setOpen(true) : run())}>
                {icon}
            </Button>
            {confirm && !reason && (
                <Confirm isOpen={open} loading={busy} title={label} content={confirm} onConfirm={run} onClose={() => setOpen(false)} />
            )}
            {reason && (
                <TextPromptDialog
                    open={open}
                    onClose={() => setOpen(false)}
                    title={label}
                    label="app.action.reason"
                    helperText={confirm}
                    confirmLabel={label}
                    color={color}
                    value={text}
                    onChange={setText}
                    onConfirm={run}
                    busy={busy}
                />
            )}
        </>
    );
};
