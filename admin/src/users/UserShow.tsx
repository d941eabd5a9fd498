// One user: role, department, head flag, linked inspector, last sign-in; activate / deactivate.
import { BooleanField, SelectField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';

import { roleChoices } from '../shared/choices';
import { DateTimeField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';
import { ToggleActiveButton } from './ToggleActiveButton';

const UserShow = () => (
    <Show actions={<TopToolbar><ToggleActiveButton /></TopToolbar>}>
        <SimpleShowLayout>
            <TextField source="username" />
            <TextField source="displayName" />
            <SelectField source="role" choices={roleChoices} />
            <RelationField source="department" reference="departments" emptyText="app.auth.no_department" />
            <BooleanField source="isDepartmentHead" />
            <RelationField source="inspector" reference="inspectors" emptyText="app.field.none" />
            <BooleanField source="active" />
            <DateTimeField source="lastLoginAt" emptyText="—" />
            <DateTimeField source="createdAt" />
        </SimpleShowLayout>
    </Show>
);

export default UserShow;
