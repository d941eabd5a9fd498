// 检查对象名录库 (+ 分库): each department's pools and sub-pools, with their size and last confirmation.
import { AutocompleteInput, Datagrid, List, NumberField, ReferenceInput, SearchInput, TextField } from 'react-admin';

import { makeExporter } from '../shared/exporter';
import { DateTimeField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';

const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <ReferenceInput key="departmentId" source="departmentId" reference="departments" alwaysOn>
        <AutocompleteInput optionText="shortName" sx={{ minWidth: 200 }} />
    </ReferenceInput>,
    <ReferenceInput key="parentId" source="parentId" reference="targetPools">
        <AutocompleteInput optionText="name" />
    </ReferenceInput>,
];

const TargetPoolList = () => (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }} perPage={25} exporter={makeExporter()}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="name" />
            <RelationField source="department" reference="departments" sortable={false} />
            <TextField source="domain" sortable={false} />
            <RelationField source="parent" reference="targetPools" sortable={false} />
            <NumberField source="targetCount" sortable={false} />
            <DateTimeField source="confirmedAt" sortable={false} />
        </Datagrid>
    </List>
);

export default TargetPoolList;
