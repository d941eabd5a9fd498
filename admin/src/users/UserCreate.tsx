// New console user (`createUser`). The office creates any role; a department admin creates admins and
// inspectors of its own department (the department is then fixed). The checks below mirror the server's so
// most mistakes show before sending; whatever the server still refuses comes back on the field it names
// (e.g. a taken username under "username").
import {
    AutocompleteInput,
    BooleanInput,
    Create,
    FormDataConsumer,
    PasswordInput,
    ReferenceInput,
    required,
    SelectInput,
    SimpleForm,
    TextInput,
    usePermissions,
    type Validator,
} from 'react-admin';

import type { Permissions } from '../authProvider';
import { roleChoices } from '../shared/choices';

const USERNAME = /^[a-z][a-z0-9_.-]{2,31}$/;

const validUsername: Validator = value =>
    value && !USERNAME.test(String(value).trim().toLowerCase()) ? 'app.validation.username' : undefined;

/** 10–128 characters from at least three of: lower case, upper case, digits, symbols. */
const validPassword: Validator = value => {
    if (!value) return undefined;
    const text = String(value);
    const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter(pattern => pattern.test(text)).length;
    return text.length < 10 || text.length > 128 || classes < 3 ? 'app.validation.password' : undefined;
};

const needsDepartment = (role: unknown) => role === 'DEPARTMENT_ADMIN' || role === 'INSPECTOR';

const validDepartment: Validator = (value, values) =>
    !value && needsDepartment(values?.role) ? 'app.validation.department_required' : undefined;

const UserCreate = () => {
    const { permissions } = usePermissions<Permissions | undefined>();
    const office = permissions?.role === 'OFFICE_ADMIN';
    const choices = office ? roleChoices : roleChoices.filter(choice => needsDepartment(choice.id));
    const defaults = office ? { role: 'DEPARTMENT_ADMIN' } : { role: 'INSPECTOR', departmentId: permissions?.departmentId };
    return (
        <Create redirect="show">
            <SimpleForm defaultValues={defaults}>
                <TextInput source="username" validate={[required(), validUsername]} autoComplete="off" />
                <TextInput source="displayName" validate={required()} />
                <PasswordInput source="password" validate={[required(), validPassword]} autoComplete="new-password" />
                <SelectInput source="role" choices={choices} validate={required()} />
                <ReferenceInput source="departmentId" reference="departments">
                    <AutocompleteInput optionText="name" disabled={!office} validate={validDepartment} sx={{ minWidth: 320 }} />
                </ReferenceInput>
                <BooleanInput source="isDepartmentHead" />
                <FormDataConsumer>
                    {({ formData }) =>
                        formData.role === 'INSPECTOR' && formData.departmentId ? (
                            <ReferenceInput source="inspectorId" reference="inspectors" filter={{ departmentId: formData.departmentId }}>
                                <AutocompleteInput optionText="name" sx={{ minWidth: 320 }} />
                            </ReferenceInput>
                        ) : null
                    }
                </FormDataConsumer>
            </SimpleForm>
        </Create>
    );
};

export default UserCreate;
