// 检查对象 / 市场主体: searchable by name or unified social credit code, filterable by credit risk class.
// Columns the API cannot sort on (fields.ts sortFields) are marked sortable={false}.
import { BooleanField, Datagrid, List, SearchInput, SelectField, SelectInput, TextField } from 'react-admin';

import { riskClassChoices, targetStatusChoices } from './targetChoices';

const targetFilters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="riskClass" source="riskClass" choices={riskClassChoices} alwaysOn />,
];

const TargetList = () => (
    <List filters={targetFilters} sort={{ field: 'name', order: 'ASC' }} perPage={25} exporter={false}>
        <Datagrid bulkActionButtons={false}>
            <TextField source="uscc" sx={{ fontFamily: 'monospace' }} />
            <TextField source="name" />
            <TextField source="legalRepresentative" sortable={false} />
            <TextField source="regionCode" />
            <TextField source="industryCode" />
            <SelectField source="riskClass" choices={riskClassChoices} />
            <SelectField source="status" choices={targetStatusChoices} sortable={false} />
            <BooleanField source="onAbnormalList" FalseIcon={null} sortable={false} />
        </Datagrid>
    </List>
);

export default TargetList;
