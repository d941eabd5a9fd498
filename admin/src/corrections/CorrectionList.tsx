// 更正: a request to correct a published result; the department head approves or rejects, the original stays.
import { AutocompleteInput, Datagrid, List, ReferenceInput, SelectArrayInput, SelectField, TextField } from 'react-admin';

import { CalendarDayField } from '../shared/CalendarDayField';
import { correctionStatusChoices, resultCodeChoices } from '../shared/choices';
import { makeExporter } from '../shared/exporter';
import { DateTimeField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';

const exporter = makeExporter({ enums: { status: 'CorrectionStatus', oldCode: 'ResultCode', newCode: 'ResultCode' } });

const filters = [
    <SelectArrayInput key="status" source="status" choices={correctionStatusChoices} alwaysOn sx={{ minWidth: 200 }} />,
    <ReferenceInput key="departmentId" source="departmentId" reference="departments" alwaysOn>
        <AutocompleteInput optionText="shortName" />
    </ReferenceInput>,
];

const CorrectionList = () => (
    <List filters={filters} sort={{ field: 'requestedAt', order: 'DESC' }} perPage={25} exporter={exporter}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
            <RelationField source="itemResult.department" reference="departments" label="resources.corrections.fields.department" sortable={false} />
            <RelationField source="itemResult.checkItem" reference="checkItems" label="resources.corrections.fields.checkItem" sortable={false} />
            <SelectField source="status" choices={correctionStatusChoices} sortable={false} />
            <SelectField source="oldCode" choices={resultCodeChoices} sortable={false} />
            <SelectField source="newCode" choices={resultCodeChoices} sortable={false} />
            <TextField source="reason" sortable={false} />
            <DateTimeField source="requestedAt" />
            <CalendarDayField source="dueOn" />
            <DateTimeField source="decidedAt" />
        </Datagrid>
    </List>
);

export default CorrectionList;
