// 摇号: every target draw and inspector matching, with its state (committed → revealed → locked, or voided).
// The guided draw screen (commit, public input, reveal, verify, lock) comes with the workflow round.
import { AutocompleteInput, BooleanField, Datagrid, List, NumberField, ReferenceInput, SelectArrayInput, SelectField, SelectInput } from 'react-admin';

import { drawKindChoices, drawStatusChoices } from '../shared/choices';
import { makeExporter } from '../shared/exporter';
import { DateTimeField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';

const exporter = makeExporter({ enums: { kind: 'DrawKind', status: 'DrawStatus' } });

const filters = [
    <ReferenceInput key="taskId" source="taskId" reference="tasks" alwaysOn>
        <AutocompleteInput optionText="name" sx={{ minWidth: 260 }} />
    </ReferenceInput>,
    <SelectInput key="kind" source="kind" choices={drawKindChoices} alwaysOn />,
    <SelectArrayInput key="status" source="status" choices={drawStatusChoices} />,
];

const DrawList = () => (
    <List filters={filters} sort={{ field: 'committedAt', order: 'DESC' }} perPage={25} exporter={exporter}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
            <RelationField source="task" reference="tasks" sortable={false} />
            <SelectField source="kind" choices={drawKindChoices} sortable={false} />
            <SelectField source="status" choices={drawStatusChoices} sortable={false} />
            <BooleanField source="stratified" sortable={false} />
            <NumberField source="candidateCount" sortable={false} />
            <NumberField source="selectedCount" sortable={false} />
            <DateTimeField source="committedAt" />
            <DateTimeField source="revealedAt" />
            <DateTimeField source="lockedAt" />
        </Datagrid>
    </List>
);

export default DrawList;
