// 部门 / 成员单位: the member units of the joint meeting, in the office's own order (sortOrder).
// Columns the API cannot sort on (fields.ts sortFields) are marked sortable={false}.
import { BooleanField, Datagrid, List, TextField } from 'react-admin';

const DepartmentList = () => (
    <List sort={{ field: 'sortOrder', order: 'ASC' }} perPage={25} exporter={false}>
        <Datagrid bulkActionButtons={false}>
            <TextField source="code" />
            <TextField source="name" />
            <TextField source="shortName" sortable={false} />
            <BooleanField source="isOfficeHost" FalseIcon={null} sortable={false} />
            <TextField source="liaisonName" sortable={false} />
            <TextField source="liaisonPhone" sortable={false} />
        </Datagrid>
    </List>
);

export default DepartmentList;
