// 部门 / 成员单位: the member units of the joint meeting, in the office's own order (sortOrder).
// Columns the API cannot sort on (dataProvider/fields.ts sortFields) are marked sortable={false}.
import { BooleanInput, Datagrid, List, NumberField, SearchInput, TextField } from 'react-admin';

import { makeExporter } from '../shared/exporter';
import { FlagField } from '../shared/fields';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <BooleanInput key="isOfficeHost" source="isOfficeHost" />];

const DepartmentList = () => (
    <List filters={filters} sort={{ field: 'sortOrder', order: 'ASC' }} perPage={25} exporter={makeExporter()}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="code" />
            <TextField source="name" />
            <TextField source="shortName" sortable={false} />
            <FlagField source="isOfficeHost" sortable={false} />
            <TextField source="liaisonName" sortable={false} />
            <TextField source="liaisonPhone" sortable={false} />
            <NumberField source="inspectorCount" sortable={false} />
            <NumberField source="ledTaskCount" sortable={false} />
        </Datagrid>
    </List>
);

export default DepartmentList;
