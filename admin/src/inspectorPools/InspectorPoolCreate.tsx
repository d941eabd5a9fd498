// New inspector pool (`createInspectorPool`) of a department.
import { Create, required, SimpleForm, TextInput } from 'react-admin';

import { DepartmentInput, useOwnDepartment } from '../shared/inputs';

const InspectorPoolCreate = () => {
    const { departmentId } = useOwnDepartment();
    return (
        <Create redirect="show">
            <SimpleForm defaultValues={{ department: { id: departmentId } }}>
                <TextInput source="name" validate={required()} fullWidth />
                <DepartmentInput validate={required()} />
            </SimpleForm>
        </Create>
    );
};

export default InspectorPoolCreate;
