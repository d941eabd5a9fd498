// One correction: original and corrected result side by side, the reason and the head's decision.
// Approval and rejection buttons come with the workflow round.
import { SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';

import { CalendarDayField } from '../shared/CalendarDayField';
import { correctionStatusChoices, resultCodeChoices } from '../shared/choices';
import { DateTimeField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';

const CorrectionShow = () => (
    <Show>
        <SimpleShowLayout>
            <RelationField source="itemResult" reference="itemResults" />
            <RelationField source="itemResult.department" reference="departments" label="resources.corrections.fields.department" />
            <RelationField source="publication" reference="publications" />
            <SelectField source="status" choices={correctionStatusChoices} />
            <SelectField source="oldCode" choices={resultCodeChoices} />
            <TextField source="oldNote" emptyText="—" />
            <SelectField source="newCode" choices={resultCodeChoices} />
            <TextField source="newNote" emptyText="—" />
            <TextField source="reason" />
            <DateTimeField source="requestedAt" />
            <CalendarDayField source="dueOn" />
            <DateTimeField source="decidedAt" emptyText="—" />
            <TextField source="decisionNote" emptyText="—" />
        </SimpleShowLayout>
    </Show>
);

export default CorrectionShow;
