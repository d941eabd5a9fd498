// The task form, shared by create and edit (DRAFT tasks): name, lead department, window and deadlines,
// stratification and ratios, target scope, and each participating department with its check items (the
// lead is always a participant; a department's items left empty are taken from the plan).
// The guided wizard from a plan comes with the workflow screens.
import {
    ArrayInput,
    AutocompleteInput,
    BooleanInput,
    DateInput,
    NumberInput,
    ReferenceInput,
    required,
    SelectArrayInput,
    SelectInput,
    SimpleForm,
    SimpleFormIterator,
    TextArrayInput,
    TextInput,
} from 'react-admin';

import { modeChoices, targetTypeChoices } from '../shared/choices';
import { BasisPointsInput, RatiosInput, useOwnDepartment } from '../shared/inputs';

const itemLabel = (item: { code: string; name: string }) => `${item.code} ${item.name}`;

export const TaskForm = ({ editing }: { editing?: boolean }) => {
    const { office, departmentId } = useOwnDepartment();
    const year = new Date().getFullYear();
    const defaults = { year, mode: 'COMPREHENSIVE', stratified: true, leadDepartment: { id: departmentId }, ratios: { A: 300, B: 500, C: 1000, D: 2000 } };
    return (
        <SimpleForm defaultValues={editing ? undefined : defaults}>
            <TextInput source="name" validate={required()} fullWidth />
            <TextInput source="code" helperText={false} />
            <NumberInput source="year" validate={required()} />
            <SelectInput source="mode" choices={modeChoices} validate={required()} />
            {!editing && (
                <ReferenceInput source="plan.id" reference="plans" filter={{ status: 'PUBLISHED' }}>
                    <AutocompleteInput optionText="name" label="resources.tasks.fields.plan" sx={{ minWidth: 420 }} />
                </ReferenceInput>
            )}
            <ReferenceInput source="leadDepartment.id" reference="departments" perPage={50}>
                <AutocompleteInput optionText="name" label="resources.tasks.fields.leadDepartment" disabled={editing || !office} validate={required()} sx={{ minWidth: 320 }} />
            </ReferenceInput>
            <DateInput source="windowStart" validate={required()} />
            <DateInput source="windowEnd" validate={required()} />
            <DateInput source="acceptanceDueOn" />
            <DateInput source="drawDueOn" />
            <DateInput source="inspectionEndOn" />
            <BooleanInput source="stratified" />
            <RatiosInput />
            <TextArrayInput source="scope.industryCodes" label="resources.plans.scope.industryCodes" />
            <TextArrayInput source="scope.regionCodes" label="resources.plans.scope.regionCodes" />
            <TextArrayInput source="scope.keywords" label="resources.plans.scope.keywords" />
            <SelectArrayInput source="scope.targetTypes" choices={targetTypeChoices} label="resources.plans.scope.targetTypes" />
            <ArrayInput source="participants" label="resources.tasks.fields.participants">
                <SimpleFormIterator disableReordering>
                    <ReferenceInput source="department.id" reference="departments" perPage={50}>
                        <AutocompleteInput optionText="name" label="resources.tasks.participant.department" validate={required()} sx={{ minWidth: 320 }} />
                    </ReferenceInput>
                    <ArrayInput source="items" label="resources.tasks.fields.items">
                        <SimpleFormIterator inline disableReordering>
                            <ReferenceInput source="checkItem.id" reference="checkItems" perPage={50} filter={{ active: true }}>
                                <AutocompleteInput optionText={itemLabel} label="resources.tasks.item.checkItem" sx={{ minWidth: 360 }} />
                            </ReferenceInput>
                            <BasisPointsInput source="ratioBp" label="resources.tasks.item.ratioBp" />
                        </SimpleFormIterator>
                    </ArrayInput>
                </SimpleFormIterator>
            </ArrayInput>
        </SimpleForm>
    );
};
