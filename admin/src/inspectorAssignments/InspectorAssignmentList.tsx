// 随机匹配执法检查人员: each seat in a target's inspection team, from an inspector draw.
import { AutocompleteInput, Datagrid, List, ReferenceInput, SelectField } from 'react-admin';

import { teamRoleChoices } from '../shared/choices';
import { makeExporter } from '../shared/exporter';
import { DateTimeField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';

const exporter = makeExporter({ enums: { role: 'TeamRole' }, omit: ['ticket'] });

const filters = [
    <ReferenceInput key="taskId" source="taskId" reference="tasks" alwaysOn>
        <AutocompleteInput optionText="name" sx={{ minWidth: 260 }} />
    </ReferenceInput>,
    <ReferenceInput key="departmentId" source="departmentId" reference="departments" alwaysOn>
        <AutocompleteInput optionText="shortName" />
    </ReferenceInput>,
    <ReferenceInput key="inspectorId" source="inspectorId" reference="inspectors">
        <AutocompleteInput optionText="name" />
    </ReferenceInput>,
    <ReferenceInput key="targetId" source="targetId" reference="targets">
        <AutocompleteInput optionText="name" />
    </ReferenceInput>,
];

const InspectorAssignmentList = () => (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} exporter={exporter}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
            <RelationField source="task" reference="tasks" sortable={false} />
            <RelationField source="target" reference="targets" sortable={false} />
            <RelationField source="inspector" reference="inspectors" sortable={false} />
            <RelationField source="department" reference="departments" sortable={false} />
            <SelectField source="role" choices={teamRoleChoices} sortable={false} />
            <RelationField source="draw" reference="draws" sortable={false} />
            <DateTimeField source="createdAt" />
        </Datagrid>
    </List>
);

export default InspectorAssignmentList;
