// Rename a target pool or change its domain (`renameTargetPool`: the only edit a pool has).
import { Edit, required, SimpleForm, TextInput } from 'react-admin';

const TargetPoolEdit = () => (
    <Edit mutationMode="pessimistic" redirect="show">
        <SimpleForm>
            <TextInput source="name" validate={required()} fullWidth />
            <TextInput source="domain" />
        </SimpleForm>
    </Edit>
);

export default TargetPoolEdit;
