// One follow-up, from the result that caused it to its closure; progress, transfer and closure (FollowUpActions).
import { SelectField, Show, SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import { Chip } from '@mui/material';

import { CalendarDayField } from '../shared/CalendarDayField';
import { followUpKindChoices, followUpStatusChoices } from '../shared/choices';
import { DateTimeField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';
import { FollowUpActions } from './FollowUpActions';

const OverdueChip = (_: { label?: string }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    return record?.overdue ? <Chip color="error" size="small" label={translate('followUp.overdue')} data-testid="overdue" /> : null;
};

const FollowUpShow = () => (
    <Show actions={<FollowUpActions />}>
        <SimpleShowLayout>
            <RelationField source="target" reference="targets" />
            <RelationField source="task" reference="tasks" emptyText="app.field.none" />
            <RelationField source="itemResult" reference="itemResults" emptyText="app.field.none" />
            <SelectField source="kind" choices={followUpKindChoices} />
            <SelectField source="status" choices={followUpStatusChoices} />
            <RelationField source="department" reference="departments" />
            <RelationField source="toDepartment" reference="departments" emptyText="—" />
            <TextField source="description" sx={{ whiteSpace: 'pre-wrap' }} />
            <CalendarDayField source="dueOn" emptyText="—" />
            <OverdueChip label="resources.followUps.fields.overdue" />
            <TextField source="reference" emptyText="—" />
            <DateTimeField source="closedAt" emptyText="—" />
            <TextField source="closureNote" emptyText="—" />
            <DateTimeField source="createdAt" />
        </SimpleShowLayout>
    </Show>
);

export default FollowUpShow;
