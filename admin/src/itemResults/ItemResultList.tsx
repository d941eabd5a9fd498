// 事项检查结果: one department's result code for one check item of a record ("谁检查、谁录入、谁公开").
import { AutocompleteInput, Datagrid, List, NullableBooleanInput, ReferenceInput, SelectArrayInput, SelectField, TextField } from 'react-admin';

import { resultCodeChoices } from '../shared/choices';
import { makeExporter } from '../shared/exporter';
import { DateTimeField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';

const exporter = makeExporter({ enums: { code: 'ResultCode' } });

const filters = [
    <SelectArrayInput key="code" source="code" choices={resultCodeChoices} alwaysOn sx={{ minWidth: 220 }} />,
    <ReferenceInput key="departmentId" source="departmentId" reference="departments" alwaysOn>
        <AutocompleteInput optionText="shortName" />
    </ReferenceInput>,
    <ReferenceInput key="checkItemId" source="checkItemId" reference="checkItems">
        <AutocompleteInput optionText="name" />
    </ReferenceInput>,
    <NullableBooleanInput key="published" source="published" />,
];

const ItemResultList = () => (
    <List filters={filters} sort={{ field: 'enteredAt', order: 'DESC' }} perPage={25} exporter={exporter}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
            <RelationField source="record.task" reference="tasks" label="resources.itemResults.fields.task" sortable={false} />
            <RelationField source="record.target" reference="targets" label="resources.itemResults.fields.target" sortable={false} />
            <RelationField source="department" reference="departments" sortable={false} />
            <RelationField source="checkItem" reference="checkItems" sortable={false} />
            <SelectField source="code" choices={resultCodeChoices} />
            <TextField source="note" sortable={false} />
            <DateTimeField source="enteredAt" />
            <DateTimeField source="publication.publishedAt" label="resources.itemResults.fields.published" sortable={false} />
        </Datagrid>
    </List>
);

export default ItemResultList;
