// One publication: what was published (immutable) and the corrections asked for since.
import { ArrayField, BooleanField, Datagrid, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';

import { CalendarDayField } from '../shared/CalendarDayField';
import { correctionStatusChoices, resultCodeChoices } from '../shared/choices';
import { DateTimeField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';

const PublicationShow = () => (
    <Show>
        <SimpleShowLayout>
            <RelationField source="record" reference="inspectionRecords" />
            <RelationField source="record.task" reference="tasks" label="resources.publications.fields.task" />
            <RelationField source="record.target" reference="targets" label="resources.publications.fields.target" />
            <RelationField source="department" reference="departments" />
            <DateTimeField source="publishedAt" />
            <CalendarDayField source="dueOn" />
            <BooleanField source="onTime" />
            <ArrayField source="results">
                <Datagrid bulkActionButtons={false} rowClick={(id: unknown) => `/itemResults/${id}/show`}>
                    <RelationField source="checkItem" reference="checkItems" label="resources.itemResults.fields.checkItem" />
                    <SelectField source="code" choices={resultCodeChoices} label="resources.itemResults.fields.code" />
                    <TextField source="note" label="resources.itemResults.fields.note" />
                </Datagrid>
            </ArrayField>
            <ArrayField source="corrections">
                <Datagrid bulkActionButtons={false} rowClick={(id: unknown) => `/corrections/${id}/show`} empty={<span />}>
                    <SelectField source="status" choices={correctionStatusChoices} label="resources.corrections.fields.status" />
                    <TextField source="reason" label="resources.corrections.fields.reason" />
                    <DateTimeField source="requestedAt" label="resources.corrections.fields.requestedAt" />
                </Datagrid>
            </ArrayField>
        </SimpleShowLayout>
    </Show>
);

export default PublicationShow;
