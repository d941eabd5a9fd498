// One correction: the original published result and the requested one side by side, the reason, the record it
// belongs to, and the department head's decision (approve / reject, CorrectionDecision.tsx).
import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { Labeled, Link, SelectField, Show, SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';

import { CalendarDayField } from '../shared/CalendarDayField';
import { correctionStatusChoices } from '../shared/choices';
import { DateTimeField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';
import { CorrectionDecision } from './CorrectionDecision';

const SideBySide = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record) return null;
    const column = (title: string, code: number, note: string | null, testId: string, highlight?: boolean) => (
        <Card variant="outlined" sx={{ flex: 1, borderColor: highlight ? 'warning.main' : undefined }} data-testid={testId}>
            <CardContent>
                <Typography variant="overline">{translate(title)}</Typography>
                <Typography variant="body1">{translate(`enums.ResultCode.${code}`)}</Typography>
                <Typography variant="body2" color="text.secondary">
                    {note || '—'}
                </Typography>
            </CardContent>
        </Card>
    );
    return (
        <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 2, width: '100%' }}>
            {column('correction.original', record.oldCode, record.oldNote, 'correction-original')}
            {column('correction.corrected', record.newCode, record.newNote, 'correction-new', true)}
        </Stack>
    );
};

const RecordLink = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    const inspection = record?.itemResult?.record;
    if (!inspection?.task || !inspection.target) return null;
    return (
        <Labeled label="correction.record">
            <Box>
                <Link to={`/tasks/${inspection.task.id}/records/${inspection.target.id}`}>
                    {`${inspection.task.code} ${inspection.target.name}`}
                </Link>{' '}
                <Typography component="span" variant="caption">
                    {translate('recordForm.title')}
                </Typography>
            </Box>
        </Labeled>
    );
};

const CorrectionShow = () => (
    <Show actions={<CorrectionDecision />}>
        <SimpleShowLayout>
            <SelectField source="status" choices={correctionStatusChoices} />
            <RelationField source="itemResult.checkItem" reference="checkItems" label="resources.itemResults.fields.checkItem" />
            <RelationField source="itemResult.department" reference="departments" label="resources.corrections.fields.department" />
            <RecordLink />
            <SideBySide />
            <TextField source="reason" />
            <DateTimeField source="requestedAt" />
            <CalendarDayField source="dueOn" />
            <RelationField source="publication" reference="publications" />
            <DateTimeField source="decidedAt" emptyText="—" />
            <TextField source="decisionNote" emptyText="—" />
        </SimpleShowLayout>
    </Show>
);

export default CorrectionShow;
