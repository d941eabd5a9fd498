// 执法检查人员名录库: each department's pool of qualified staff (and third-party experts).
import { AutocompleteInput, Datagrid, List, NumberField, ReferenceInput, SearchInput, TextField } from 'react-admin';

import { makeExporter } from '../shared/exporter';
import { DateTimeField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';

const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <ReferenceInput key="departmentId" source="departmentId" reference="departments" alwaysOn>
        <AutocompleteInput optionText="shortName" sx={{ minWidth: 200 }} />
    </ReferenceInput>,
];

const InspectorPoolList = () => (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }} perPage={25} exporter={makeExporter()}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="name" />
            <RelationField source="department" reference="departments" sortable={false} />
            <NumberField source="inspectorCount" sortable={false} />
            <DateTimeField source="confirmedAt" sortable={false} />
            <DateTimeField source="createdAt" />
        </Datagrid>
    </List>
);

export default InspectorPoolList;
