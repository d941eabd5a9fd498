// One item result: where it comes from, whether it is published, and any correction requested for it.
import { ArrayField, Datagrid, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';

import { correctionStatusChoices, resultCodeChoices } from '../shared/choices';
import { DateTimeField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';

const ItemResultShow = () => (
    <Show>
        <SimpleShowLayout>
            <RelationField source="record" reference="inspectionRecords" />
            <RelationField source="record.task" reference="tasks" label="resources.itemResults.fields.task" />
            <RelationField source="record.target" reference="targets" label="resources.itemResults.fields.target" />
            <RelationField source="department" reference="departments" />
            <RelationField source="checkItem" reference="checkItems" />
            <SelectField source="code" choices={resultCodeChoices} />
            <TextField source="note" emptyText="—" />
            <DateTimeField source="enteredAt" />
            <RelationField source="publication" reference="publications" emptyText="app.field.none" />
            <ArrayField source="corrections">
                <Datagrid bulkActionButtons={false} rowClick={(id: unknown) => `/corrections/${id}/show`} empty={<span />}>
                    <SelectField source="status" choices={correctionStatusChoices} label="resources.corrections.fields.status" />
                    <SelectField source="oldCode" choices={resultCodeChoices} label="resources.corrections.fields.oldCode" />
                    <SelectField source="newCode" choices={resultCodeChoices} label="resources.corrections.fields.newCode" />
                    <TextField source="reason" label="resources.corrections.fields.reason" />
                    <DateTimeField source="requestedAt" label="resources.corrections.fields.requestedAt" />
                </Datagrid>
            </ArrayField>
        </SimpleShowLayout>
    </Show>
);

export default ItemResultShow;
