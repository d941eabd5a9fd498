// The check item form, shared by create and edit. The code and the subject department are fixed once
// created (the API's update has neither). A ratio cap applies to general items only.
import {
    CheckboxGroupInput,
    FormDataConsumer,
    required,
    SelectInput,
    SimpleForm,
    TextInput,
    type Validator,
} from 'react-admin';

import { itemCategoryChoices, methodChoices, targetTypeChoices } from '../shared/choices';
import { BasisPointsInput, DepartmentInput } from '../shared/inputs';

const atLeastOneMethod: Validator = value => (!Array.isArray(value) || value.length === 0 ? 'ra.validation.required' : undefined);

export const CheckItemForm = ({ editing, defaultValues }: { editing?: boolean; defaultValues?: Record<string, unknown> }) => (
    <SimpleForm defaultValues={defaultValues}>
        <TextInput source="code" validate={required()} disabled={editing} />
        <TextInput source="name" validate={required()} fullWidth />
        <DepartmentInput disabled={editing} validate={required()} />
        <SelectInput source="category" choices={itemCategoryChoices} validate={required()} />
        <TextInput source="domain" validate={required()} />
        <SelectInput source="targetType" choices={targetTypeChoices} validate={required()} />
        <CheckboxGroupInput source="methods" choices={methodChoices} validate={atLeastOneMethod} />
        <FormDataConsumer>{({ formData }) => formData.category === 'GENERAL' && <BasisPointsInput source="ratioCapBp" validate={required()} />}</FormDataConsumer>
        <TextInput source="legalBasis" validate={required()} multiline minRows={2} fullWidth />
        <TextInput source="content" validate={required()} multiline minRows={3} fullWidth />
    </SimpleForm>
);
