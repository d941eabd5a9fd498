// A dialog that asks for one piece of text before an action — a reason, a note — and shows the server's refusal in
// place. Used by every action that needs a reason (shared/ActionButton, credit repair, correction decisions).
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { Button, useTranslate } from 'react-admin';

export interface TextPromptDialogProps {
    open: boolean;
    onClose: () => void;
    /** Translation keys. */
    title: string;
    label: string;
    helperText?: string;
    confirmLabel: string;
    color?: 'primary' | 'error' | 'inherit';
    /** The text is required (the confirm button stays disabled while it is blank); default true. */
    required?: boolean;
    name?: string;
    value: string;
    onChange: (value: string) => void;
    onConfirm: () => void;
    busy?: boolean;
    error?: string | null;
}

export const TextPromptDialog = ({
    open,
    onClose,
    title,
    label,
    helperText,
    confirmLabel,
    color = 'primary',
    required = true,
    name = 'reason',
    value,
    onChange,
    onConfirm,
    busy = false,
    error,
}: TextPromptDialogProps) => {
    const translate = useTranslate();
    return (
        <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth>
            <DialogTitle>{translate(title)}</DialogTitle>
            <DialogContent>
                {error && <Alert severity="error">{error}</Alert>}
                <TextField
                    autoFocus
                    fullWidth
                    multiline
                    minRows={2}
                    margin="dense"
                    name={name}
                    label={translate(label)}
                    helperText={helperText ? translate(helperText) : undefined}
                    value={value}
                    onChange={event => onChange(event.target.value)}
                />
            </DialogContent>
            <DialogActions>
                <Button label="ra.action.cancel" onClick={onClose} />
                <Button label={confirmLabel} variant="contained" color={color} disabled={busy || (required && !value.trim())} onClick={onConfirm} />
            </DialogActions>
        </Dialog>
    );
};
