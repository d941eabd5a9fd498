// One follow-up, from the result that caused it to its closure.
import { SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';

import { CalendarDayField } from '../shared/CalendarDayField';
import { followUpKindChoices, followUpStatusChoices } from '../shared/choices';
import { DateTimeField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';

const FollowUpShow = () => (
    <Show>
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
            <DateTimeField source="closedAt" emptyText="—" />
            <TextField source="closureNote" emptyText="—" />
            <DateTimeField source="createdAt" />
        </SimpleShowLayout>
    </Show>
);

export default FollowUpShow;
