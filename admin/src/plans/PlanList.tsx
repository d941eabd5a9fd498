// 抽查计划: annual plans of departments and the office's joint plan, latest year first.
import {
    AutocompleteInput,
    Datagrid,
    List,
    NumberField,
    NumberInput,
    ReferenceInput,
    SearchInput,
    SelectField,
    SelectInput,
    TextField,
} from 'react-admin';

import { CalendarDayField } from '../shared/CalendarDayField';
import { listKindChoices, modeChoices, planStatusChoices } from '../shared/choices';
import { makeExporter } from '../shared/exporter';
import { RelationField } from '../shared/RelationField';

const exporter = makeExporter({ enums: { kind: 'ListKind', mode: 'InspectionMode', status: 'PlanStatus' } });

const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <NumberInput key="year" source="year" alwaysOn />,
    <SelectInput key="status" source="status" choices={planStatusChoices} />,
    <SelectInput key="kind" source="kind" choices={listKindChoices} />,
    <SelectInput key="mode" source="mode" choices={modeChoices} />,
    <ReferenceInput key="departmentId" source="departmentId" reference="departments">
        <AutocompleteInput optionText="shortName" />
    </ReferenceInput>,
];

const PlanList = () => (
    <List filters={filters} sort={{ field: 'year', order: 'DESC' }} perPage={25} exporter={exporter}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="name" />
            <NumberField source="year" options={{ useGrouping: false }} />
            <RelationField source="department" reference="departments" sortable={false} />
            <SelectField source="kind" choices={listKindChoices} sortable={false} />
            <SelectField source="mode" choices={modeChoices} sortable={false} />
            <SelectField source="status" choices={planStatusChoices} sortable={false} />
            <NumberField source="version" sortable={false} />
            <CalendarDayField source="windowStart" />
            <CalendarDayField source="windowEnd" sortable={false} />
        </Datagrid>
    </List>
);

export default PlanList;
