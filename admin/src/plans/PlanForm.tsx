// The plan form, shared by create and edit (DRAFT plans): window, mode, frequency, sampling ratio per risk
// class, target scope, participating departments and check items with their ratios. Year, kind and
// department are fixed once created.
import {
    ArrayInput,
    AutocompleteInput,
    DateInput,
    FormDataConsumer,
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

import { listKindChoices, modeChoices, targetTypeChoices } from '../shared/choices';
import { BasisPointsInput, DepartmentInput, RatiosInput, useOwnDepartment } from '../shared/inputs';

export const PlanForm = ({ editing }: { editing?: boolean }) => {
    const { office, departmentId } = useOwnDepartment();
    const year = new Date().getFullYear();
    const defaults = {
        kind: 'DEPARTMENT',
        mode: 'COMPREHENSIVE',
        year,
        windowStart: `${year}-03-01`,
        windowEnd: `${year}-11-30`,
        frequencyPerYear: 1,
        ratios: { A: 300, B: 500, C: 1000, D: 2000 },
        department: { id: departmentId },
    };
    return (
        <SimpleForm defaultValues={editing ? undefined : defaults}>
            <TextInput source="name" validate={required()} fullWidth />
            <NumberInput source="year" validate={required()} disabled={editing} />
            <SelectInput source="kind" choices={office ? listKindChoices : listKindChoices.filter(c => c.id === 'DEPARTMENT')} validate={required()} disabled={editing} />
            <FormDataConsumer>{({ formData }) => formData.kind !== 'JOINT' && <DepartmentInput disabled={editing} validate={required()} />}</FormDataConsumer>
            <SelectInput source="mode" choices={modeChoices} validate={required()} />
            <DateInput source="windowStart" validate={required()} />
            <DateInput source="windowEnd" validate={required()} />
            <NumberInput source="frequencyPerYear" min={1} />
            <RatiosInput />
            <TextArrayInput source="scope.industryCodes" label="resources.plans.scope.industryCodes" />
            <TextArrayInput source="scope.regionCodes" label="resources.plans.scope.regionCodes" />
            <TextArrayInput source="scope.keywords" label="resources.plans.scope.keywords" />
            <SelectArrayInput source="scope.targetTypes" choices={targetTypeChoices} label="resources.plans.scope.targetTypes" />
            <ArrayInput source="participants">
                <SimpleFormIterator inline disableReordering>
                    <ReferenceInput source="department.id" reference="departments" perPage={50}>
                        <AutocompleteInput optionText="name" label="resources.tasks.participant.department" sx={{ minWidth: 280 }} />
                    </ReferenceInput>
                </SimpleFormIterator>
            </ArrayInput>
            <ArrayInput source="items">
                <SimpleFormIterator inline disableReordering>
                    <ReferenceInput source="checkItem.id" reference="checkItems" perPage={50} filter={{ active: true }}>
                        <AutocompleteInput
                            optionText={(item: { code: string; name: string }) => `${item.code} ${item.name}`}
                            label="resources.tasks.item.checkItem"
                            sx={{ minWidth: 360 }}
                        />
                    </ReferenceInput>
                    <BasisPointsInput source="ratioBp" label="resources.tasks.item.ratioBp" />
                </SimpleFormIterator>
            </ArrayInput>
            <TextInput source="description" multiline minRows={2} fullWidth />
        </SimpleForm>
    );
};
