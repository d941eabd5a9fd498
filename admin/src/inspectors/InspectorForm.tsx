// The inspector form, shared by create and edit: certificate number (unique), pool, expertise and
// qualifications (free tags), third-party expert and on-duty flags. The department is fixed once created.
import { AutocompleteInput, BooleanInput, FormDataConsumer, ReferenceInput, required, SimpleForm, TextArrayInput, TextInput } from 'react-admin';

import { DepartmentInput, useOwnDepartment } from '../shared/inputs';

export const InspectorForm = ({ editing }: { editing?: boolean }) => {
    const { departmentId } = useOwnDepartment();
    return (
        <SimpleForm defaultValues={editing ? undefined : { department: { id: departmentId }, active: true, isThirdPartyExpert: false }}>
            <TextInput source="name" validate={required()} />
            <TextInput source="certificateNo" validate={required()} />
            <DepartmentInput disabled={editing} validate={required()} />
            <FormDataConsumer>
                {({ formData }) => (
                    <ReferenceInput source="pool.id" reference="inspectorPools" filter={formData.department?.id ? { departmentId: formData.department.id } : {}}>
                        <AutocompleteInput optionText="name" label="resources.inspectors.fields.pool" sx={{ minWidth: 320 }} />
                    </ReferenceInput>
                )}
            </FormDataConsumer>
            <TextArrayInput source="expertiseTags" />
            <TextArrayInput source="qualifications" />
            <BooleanInput source="isThirdPartyExpert" />
            <BooleanInput source="active" />
        </SimpleForm>
    );
};
