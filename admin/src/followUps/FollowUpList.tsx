// 后续处置 / 移送: rectification, case filing or transfer, tracked to closure; overdue rows in red, the "overdue"
// filter (today) and "overdue on" (a date) find the late ones.
import { AutocompleteInput, Datagrid, DateInput, List, NullableBooleanInput, ReferenceInput, SelectArrayInput, SelectField, TextField, type RaRecord } from 'react-admin';

import { CalendarDayField } from '../shared/CalendarDayField';
import { followUpKindChoices, followUpStatusChoices } from '../shared/choices';
import { makeExporter } from '../shared/exporter';
import { DateTimeField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';

const exporter = makeExporter({ enums: { kind: 'FollowUpKind', status: 'FollowUpStatus' } });

const filters = [
    <SelectArrayInput key="status" source="status" choices={followUpStatusChoices} alwaysOn sx={{ minWidth: 200 }} />,
    <SelectArrayInput key="kind" source="kind" choices={followUpKindChoices} sx={{ minWidth: 200 }} />,
    <ReferenceInput key="departmentId" source="departmentId" reference="departments" alwaysOn>
        <AutocompleteInput optionText="shortName" />
    </ReferenceInput>,
    <NullableBooleanInput key="overdue" source="overdue" alwaysOn />,
    <DateInput key="overdueOn" source="overdueOn" />,
    <ReferenceInput key="taskId" source="taskId" reference="tasks">
        <AutocompleteInput optionText="name" />
    </ReferenceInput>,
    <ReferenceInput key="targetId" source="targetId" reference="targets">
        <AutocompleteInput optionText="name" />
    </ReferenceInput>,
];

const FollowUpList = () => (
    <List filters={filters} sort={{ field: 'dueOn', order: 'ASC' }} perPage={25} exporter={exporter}>
        <Datagrid rowClick="show" bulkActionButtons={false} rowSx={(record: RaRecord) => (record.overdue ? { '& td': { color: 'error.main' } } : { '& td': {} })}>
            <RelationField source="target" reference="targets" sortable={false} />
            <SelectField source="kind" choices={followUpKindChoices} sortable={false} />
            <SelectField source="status" choices={followUpStatusChoices} sortable={false} />
            <RelationField source="department" reference="departments" sortable={false} />
            <RelationField source="toDepartment" reference="departments" sortable={false} />
            <TextField source="description" sortable={false} />
            <CalendarDayField source="dueOn" />
            <DateTimeField source="closedAt" sortable={false} />
        </Datagrid>
    </List>
);

export default FollowUpList;
