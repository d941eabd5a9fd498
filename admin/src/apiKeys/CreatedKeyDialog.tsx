// Shows a freshly created API key's secret, the one time it exists outside the partner's hands.
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Box, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { Button, useNotify, useTranslate, type RaRecord } from 'react-admin';

export const CreatedKeyDialog = ({ record, onClose }: { record: RaRecord | null; onClose: () => void }) => {
    const translate = useTranslate();
    const notify = useNotify();
    const key = record ? String(record.key ?? '') : '';
    const copy = async () => {
        try {
            await navigator.clipboard.writeText(key);
            notify('app.action.copied', { type: 'info' });
        } catch {
            // No clipboard access (insecure origin, permissions): the key stays selectable on screen.
        }
    };
    return (
        <Dialog open={record != null} onClose={(_event, reason) => reason !== 'backdropClick' && onClose()} maxWidth="sm" fullWidth>
            <DialogTitle>{translate('app.api_key.created_title')}</DialogTitle>
            <DialogContent>
                <Alert severity="warning" sx={{ mb: 2 }}>
                    {translate('app.api_key.created_warning')}
                </Alert>
                <Box
                    data-testid="created-api-key"
                    sx={{ fontFamily: 'monospace', p: 1.5, bgcolor: 'action.hover', borderRadius: 1, wordBreak: 'break-all', userSelect: 'all' }}
                >
                    {key}
                </Box>
                <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                    {translate('app.api_key.usage')}
                </Typography>
            </DialogContent>
            <DialogActions>
                <Button label="app.action.copy" onClick={copy}>
                    <ContentCopyIcon />
                </Button>
                <Button label="app.action.done" variant="contained" onClick={onClose} />
            </DialogActions>
        </Dialog>
    );
};
