// Commit a draw of a task (target draw when the task is READY, inspector draw once the target draw is locked):
// the public-input source is named here, before the public input exists. Warnings (stale pools) are shown;
// refusals too, with NO_ELIGIBLE_INSPECTOR's target and department.
import SendIcon from '@mui/icons-material/Casino';
import { Alert, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useTranslate, type DataProvider } from 'react-admin';

import type { Department, DrawMethods, DrawRecord } from '../dataProvider/draws';
import { drawErrorOf, type DrawError } from './drawAccess';
import { DrawErrorAlert } from './DrawPanel';

export interface CommitFormProps {
    kind: 'TARGET' | 'INSPECTOR';
    taskId: string;
    departments: Department[];
    onCommitted: (draw: DrawRecord, warnings: { code: string; message: string }[]) => void;
}

export const CommitForm = ({ kind, taskId, departments, onCommitted }: CommitFormProps) => {
    const dataProvider = useDataProvider<DataProvider & DrawMethods>();
    const translate = useTranslate();
    const [source, setSource] = useState('');
    const [busy, setBusy] = useState(false);
    const [error, setError] = useState<DrawError | null>(null);
    const label = kind === 'TARGET' ? 'drawScreen.commit_target' : 'drawScreen.commit_inspector';

    const commit = async () => {
        setBusy(true);
        setError(null);
        try {
            const { draw, warnings } = await dataProvider.commitDraw(kind, taskId, source.trim());
            onCommitted(draw, warnings);
        } catch (failure) {
            setError(drawErrorOf(failure));
        } finally {
            setBusy(false);
        }
    };

    return (
        <Card variant="outlined" sx={{ mt: 2 }} data-testid={`commit-${kind.toLowerCase()}`}>
            <CardContent>
                <Typography variant="h6">{translate(label)}</Typography>
                <Alert severity="info" sx={{ my: 1 }}>
                    {translate('drawScreen.commit_hint')}
                </Alert>
                <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
                    <TextField
                        name="publicInputSource"
                        label={translate('drawScreen.public_input_source')}
                        helperText={translate('drawScreen.public_input_source_hint')}
                        value={source}
                        onChange={event => setSource(event.target.value)}
                        sx={{ minWidth: 480 }}
                        slotProps={{ htmlInput: { maxLength: 200 } }}
                    />
                    <Button variant="contained" startIcon={<SendIcon />} disabled={busy || !source.trim()} onClick={commit} sx={{ mt: 1 }}>
                        {translate(label)}
                    </Button>
                </Stack>
                <Box>
                    <DrawErrorAlert error={error} departments={departments} />
                </Box>
            </CardContent>
        </Card>
    );
};
