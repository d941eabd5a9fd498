// 用户: console accounts. The office sees everyone; a department admin its own department's accounts.
import {
    AutocompleteInput,
    BooleanField,
    Datagrid,
    List,
    NullableBooleanInput,
    ReferenceInput,
    SearchInput,
    SelectField,
    SelectInput,
    TextField,
} from 'react-admin';

import { roleChoices } from '../shared/choices';
import { makeExporter } from '../shared/exporter';
import { DateTimeField, FlagField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';

const exporter = makeExporter({ enums: { role: 'Role' } });

const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="role" source="role" choices={roleChoices} alwaysOn />,
    <ReferenceInput key="departmentId" source="departmentId" reference="departments">
        <AutocompleteInput optionText="shortName" />
    </ReferenceInput>,
    <NullableBooleanInput key="active" source="active" />,
];

const UserList = () => (
    <List filters={filters} sort={{ field: 'username', order: 'ASC' }} perPage={25} exporter={exporter}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="username" />
            <TextField source="displayName" />
            <SelectField source="role" choices={roleChoices} sortable={false} />
            <RelationField source="department" reference="departments" sortable={false} />
            <FlagField source="isDepartmentHead" sortable={false} />
            <BooleanField source="active" sortable={false} />
            <DateTimeField source="lastLoginAt" />
            <DateTimeField source="createdAt" />
        </Datagrid>
    </List>
);

export default UserList;
