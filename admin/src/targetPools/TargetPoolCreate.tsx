// New target pool or sub-pool (`createTargetPool`) of a department.
import { AutocompleteInput, Create, ReferenceInput, required, SimpleForm, TextInput } from 'react-admin';

import { DepartmentInput, useOwnDepartment } from '../shared/inputs';

const TargetPoolCreate = () => {
    const { departmentId } = useOwnDepartment();
    return (
        <Create redirect="show">
            <SimpleForm defaultValues={{ department: { id: departmentId } }}>
                <TextInput source="name" validate={required()} fullWidth />
                <DepartmentInput validate={required()} />
                <TextInput source="domain" />
                <ReferenceInput source="parent.id" reference="targetPools">
                    <AutocompleteInput optionText="name" label="resources.targetPools.fields.parent" sx={{ minWidth: 320 }} />
                </ReferenceInput>
            </SimpleForm>
        </Create>
    );
};

export default TargetPoolCreate;
