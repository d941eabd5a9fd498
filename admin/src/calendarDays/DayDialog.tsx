// Office only: mark a date as a public holiday or a make-up working day, or clear it back to the weekend
// rule. The server recomputes the publication due dates of the tasks the change moves.
import { Dialog, DialogContent, DialogTitle, Typography } from '@mui/material';
import {
    Button,
    Form,
    required,
    SaveButton,
    SelectInput,
    TextInput,
    useNotify,
    useTranslate,
    useUpdate,
} from 'react-admin';

import { calendarDayKindChoices } from '../shared/choices';
import type { SpecialDay } from './MonthGrid';

export const DayDialog = ({ date, day, onClose }: { date: string | null; day: SpecialDay | undefined; onClose: () => void }) => {
    const translate = useTranslate();
    const notify = useNotify();
    const [update, { isPending }] = useUpdate();

    const save = (data: { kind?: string | null; name?: string }) =>
        update(
            'calendarDays',
            { id: date!, data, previousData: day ? { id: date!, ...day } : undefined },
            {
                mutationMode: 'pessimistic',
                onSuccess: () => {
                    notify('app.notification.day_saved', { type: 'info', messageArgs: { date } });
                    onClose();
                },
                onError: error => notify((error as Error).message, { type: 'error' }),
            },
        );

    return (
        <Dialog open={date != null} onClose={onClose} maxWidth="xs" fullWidth>
            <DialogTitle>{date}</DialogTitle>
            <DialogContent>
                <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                    {translate('app.calendar.edit_hint')}
                </Typography>
                <Form record={{ id: date ?? '', kind: day?.kind ?? 'HOLIDAY', name: day?.name ?? '' }} onSubmit={save} resource="calendarDays">
                    <SelectInput source="kind" choices={calendarDayKindChoices} validate={required()} />
                    <TextInput source="name" validate={required()} />
                    <SaveButton label="app.action.set_day" disabled={isPending} alwaysEnable />
                    {day && (
                        <Button label="app.action.clear_day" onClick={() => save({ kind: null })} disabled={isPending} sx={{ ml: 1 }} />
                    )}
                </Form>
            </DialogContent>
        </Dialog>
    );
};
