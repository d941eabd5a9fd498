// 联合抽查情况记录表: one record per target per task; filter by task, target, department, status, date.
// The record form (laid out like the paper form, printable, with drafts) comes with the workflow round.
import { AutocompleteInput, BooleanField, Datagrid, DateInput, List, ReferenceInput, SelectField, SelectInput } from 'react-admin';

import { CalendarDayField } from '../shared/CalendarDayField';
import { recordStatusChoices, signatureChoices } from '../shared/choices';
import { makeExporter } from '../shared/exporter';
import { DateTimeField, EnumChipsField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';

const exporter = makeExporter({ enums: { status: 'RecordStatus', signatureStatus: 'SignatureStatus', methods: 'InspectionMethod' } });

const filters = [
    <ReferenceInput key="taskId" source="taskId" reference="tasks" alwaysOn>
        <AutocompleteInput optionText="name" sx={{ minWidth: 260 }} />
    </ReferenceInput>,
    <SelectInput key="status" source="status" choices={recordStatusChoices} alwaysOn />,
    <ReferenceInput key="targetId" source="targetId" reference="targets">
        <AutocompleteInput optionText="name" />
    </ReferenceInput>,
    <ReferenceInput key="departmentId" source="departmentId" reference="departments">
        <AutocompleteInput optionText="shortName" />
    </ReferenceInput>,
    <DateInput key="inspectedFrom" source="inspectedFrom" />,
    <DateInput key="inspectedTo" source="inspectedTo" />,
];

const InspectionRecordList = () => (
    <List filters={filters} sort={{ field: 'inspectedOn', order: 'DESC' }} perPage={25} exporter={exporter}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
            <RelationField source="task" reference="tasks" sortable={false} />
            <RelationField source="target" reference="targets" sortable={false} />
            <SelectField source="status" choices={recordStatusChoices} sortable={false} />
            <CalendarDayField source="inspectedOn" />
            <EnumChipsField source="methods" prefix="enums.InspectionMethod" sortable={false} />
            <BooleanField source="onSite" sortable={false} />
            <SelectField source="signatureStatus" choices={signatureChoices} sortable={false} />
            <DateTimeField source="completedAt" sortable={false} />
        </Datagrid>
    </List>
);

export default InspectionRecordList;
