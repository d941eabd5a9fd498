// Revoke a partner key (`revokeApiKey`): permanent, so it asks first. Hidden once the key is revoked.
import BlockIcon from '@mui/icons-material/Block';
import { useState } from 'react';
import { Button, Confirm, useCanAccess, useNotify, useRecordContext, useRefresh, useUpdate } from 'react-admin';

export const RevokeButton = () => {
    const record = useRecordContext();
    const [open, setOpen] = useState(false);
    const notify = useNotify();
    const refresh = useRefresh();
    const { canAccess } = useCanAccess({ resource: 'apiKeys', action: 'edit', record });
    const [update, { isPending }] = useUpdate();
    if (!record?.id || record.revokedAt || !canAccess) return null;

    const revoke = () =>
        update(
            'apiKeys',
            { id: record.id, data: { revoke: true }, previousData: record },
            {
                mutationMode: 'pessimistic',
                onSuccess: () => {
                    setOpen(false);
                    notify('app.notification.revoked', { type: 'info' });
                    refresh();
                },
                onError: error => {
                    setOpen(false);
                    notify((error as Error).message, { type: 'error' });
                },
            },
        );

    return (
        <>
            <Button label="app.action.revoke" color="error" onClick={() => setOpen(true)} disabled={isPending}>
                <BlockIcon />
            </Button>
            <Confirm
                isOpen={open}
                loading={isPending}
                title="app.action.revoke_confirm_title"
                titleTranslateOptions={{ name: record.name }}
                content="app.action.revoke_confirm_content"
                onConfirm={revoke}
                onClose={() => setOpen(false)}
            />
        </>
    );
};
