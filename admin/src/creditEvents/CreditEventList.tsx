// 信用记录: credit consequences of results (abnormal-operations list, dishonesty record, follow-up required).
import { AutocompleteInput, BooleanField, Datagrid, List, NullableBooleanInput, ReferenceInput, SelectArrayInput, SelectField } from 'react-admin';

import { CalendarDayField } from '../shared/CalendarDayField';
import { creditEventKindChoices, resultCodeChoices } from '../shared/choices';
import { makeExporter } from '../shared/exporter';
import { DateTimeField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';

const exporter = makeExporter({ enums: { kind: 'CreditEventKind', resultCode: 'ResultCode' } });

const filters = [
    <SelectArrayInput key="kind" source="kind" choices={creditEventKindChoices} alwaysOn sx={{ minWidth: 220 }} />,
    <NullableBooleanInput key="repaired" source="repaired" alwaysOn />,
    <ReferenceInput key="targetId" source="targetId" reference="targets">
        <AutocompleteInput optionText="name" />
    </ReferenceInput>,
];

const CreditEventList = () => (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} exporter={exporter}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
            <RelationField source="target" reference="targets" sortable={false} />
            <SelectField source="kind" choices={creditEventKindChoices} sortable={false} />
            <SelectField source="resultCode" choices={resultCodeChoices} sortable={false} />
            <BooleanField source="active" sortable={false} />
            <CalendarDayField source="effectiveFrom" />
            <CalendarDayField source="effectiveTo" sortable={false} />
            <DateTimeField source="repairedAt" sortable={false} />
            <DateTimeField source="createdAt" />
        </Datagrid>
    </List>
);

export default CreditEventList;
