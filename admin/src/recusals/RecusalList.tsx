// 回避: an inspector who may not be matched to a target (kinship, prior involvement…); staff only.
import { AutocompleteInput, Datagrid, List, ReferenceInput, TextField } from 'react-admin';

import { makeExporter } from '../shared/exporter';
import { DateTimeField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';

const filters = [
    <ReferenceInput key="inspectorId" source="inspectorId" reference="inspectors" alwaysOn>
        <AutocompleteInput optionText="name" sx={{ minWidth: 200 }} />
    </ReferenceInput>,
    <ReferenceInput key="targetId" source="targetId" reference="targets" alwaysOn>
        <AutocompleteInput optionText="name" sx={{ minWidth: 260 }} />
    </ReferenceInput>,
];

const RecusalList = () => (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} exporter={makeExporter()}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
            <RelationField source="inspector" reference="inspectors" sortable={false} />
            <RelationField source="inspector.department" reference="departments" label="resources.recusals.fields.department" sortable={false} />
            <RelationField source="target" reference="targets" sortable={false} />
            <TextField source="target.uscc" label="resources.targets.fields.uscc" sortable={false} sx={{ fontFamily: 'monospace' }} />
            <TextField source="reason" sortable={false} />
            <DateTimeField source="createdAt" />
        </Datagrid>
    </List>
);

export default RecusalList;
