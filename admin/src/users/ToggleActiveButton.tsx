// Activate or deactivate a user (`setUserActive`); deactivating ends all their sessions, so it asks first.
import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { useState } from 'react';
import { Button, Confirm, useCanAccess, useNotify, useRecordContext, useRefresh, useUpdate } from 'react-admin';

export const ToggleActiveButton = () => {
    const record = useRecordContext();
    const [confirming, setConfirming] = useState(false);
    const notify = useNotify();
    const refresh = useRefresh();
    const { canAccess } = useCanAccess({ resource: 'users', action: 'edit', record });
    const [update, { isPending }] = useUpdate();
    if (!record?.id || !canAccess) return null;
    const activate = !record.active;

    const save = () =>
        update(
            'users',
            { id: record.id, data: { active: activate }, previousData: record },
            {
                mutationMode: 'pessimistic',
                onSuccess: () => {
                    setConfirming(false);
                    notify(activate ? 'app.notification.activated' : 'app.notification.deactivated', { type: 'info' });
                    refresh();
                },
                onError: error => {
                    setConfirming(false);
                    notify((error as Error).message, { type: 'error' });
                },
            },
        );

    return (
        <>
            <Button
                label={activate ? 'app.action.activate' : 'app.action.deactivate'}
                onClick={() => (activate ? save() : setConfirming(true))}
                disabled={isPending}
                color={activate ? 'primary' : 'error'}
            >
                {activate ? <CheckCircleIcon /> : <BlockIcon />}
            </Button>
            <Confirm
                isOpen={confirming}
                loading={isPending}
                title="app.action.deactivate_confirm_title"
                titleTranslateOptions={{ name: record.displayName }}
                content="app.action.deactivate_confirm_content"
                onConfirm={save}
                onClose={() => setConfirming(false)}
            />
        </>
    );
};
