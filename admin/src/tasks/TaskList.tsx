// 抽查任务: the latest execution windows first; filter by status, mode, year, lead or participating department.
// Columns the API cannot sort on (dataProvider/fields.ts sortFields) are marked sortable={false}.
import {
    AutocompleteInput,
    Datagrid,
    DateInput,
    List,
    NumberField,
    NumberInput,
    ReferenceInput,
    SearchInput,
    SelectArrayInput,
    SelectField,
    SelectInput,
    TextField,
} from 'react-admin';

import { CalendarDayField } from '../shared/CalendarDayField';
import { modeChoices, taskStatusChoices } from '../shared/choices';
import { makeExporter } from '../shared/exporter';
import { RelationField } from '../shared/RelationField';

const exporter = makeExporter({ enums: { status: 'TaskStatus', mode: 'InspectionMode' }, omit: ['participants'] });

const taskFilters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectArrayInput key="status" source="status" choices={taskStatusChoices} alwaysOn sx={{ minWidth: 200 }} />,
    <SelectInput key="mode" source="mode" choices={modeChoices} />,
    <NumberInput key="year" source="year" />,
    <ReferenceInput key="leadDepartmentId" source="leadDepartmentId" reference="departments">
        <AutocompleteInput optionText="shortName" />
    </ReferenceInput>,
    <ReferenceInput key="departmentId" source="departmentId" reference="departments">
        <AutocompleteInput optionText="shortName" />
    </ReferenceInput>,
    <ReferenceInput key="planId" source="planId" reference="plans">
        <AutocompleteInput optionText="name" />
    </ReferenceInput>,
    <DateInput key="windowFrom" source="windowFrom" />,
    <DateInput key="windowTo" source="windowTo" />,
];

const TaskList = () => (
    <List filters={taskFilters} sort={{ field: 'windowStart', order: 'DESC' }} perPage={25} exporter={exporter}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="code" />
            <TextField source="name" />
            <NumberField source="year" options={{ useGrouping: false }} />
            <SelectField source="mode" choices={modeChoices} sortable={false} />
            <SelectField source="status" choices={taskStatusChoices} />
            <RelationField source="leadDepartment" reference="departments" sortable={false} />
            <CalendarDayField source="windowStart" />
            <CalendarDayField source="windowEnd" sortable={false} />
            <CalendarDayField source="publicationDueOn" />
            <NumberField source="recordCount" sortable={false} />
        </Datagrid>
    </List>
);

export default TaskList;
