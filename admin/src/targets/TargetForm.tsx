// The target form, shared by create and edit. A new target enters through one of the department's pools.
// The unified social credit code is checked by the server (GB 32100 check character); its message shows
// under the field.
import {
    AutocompleteInput,
    BooleanInput,
    DateInput,
    maxLength,
    minLength,
    NumberInput,
    ReferenceInput,
    required,
    SelectInput,
    SimpleForm,
    TextInput,
} from 'react-admin';

import { riskClassChoices, targetStatusChoices, targetTypeChoices } from '../shared/choices';
import { useOwnDepartment } from '../shared/inputs';

export const TargetForm = ({ creating }: { creating?: boolean }) => {
    const { office, departmentId } = useOwnDepartment();
    return (
        <SimpleForm defaultValues={creating ? { type: 'ENTERPRISE', riskClass: 'B', status: 'ACTIVE' } : undefined}>
            {creating && (
                <ReferenceInput source="pool.id" reference="targetPools" filter={office || !departmentId ? {} : { departmentId }}>
                    <AutocompleteInput optionText="name" label="resources.targets.fields.poolId" validate={required()} sx={{ minWidth: 320 }} />
                </ReferenceInput>
            )}
            <TextInput source="uscc" validate={[required(), minLength(18), maxLength(18)]} sx={{ fontFamily: 'monospace' }} />
            <TextInput source="name" validate={required()} fullWidth />
            <SelectInput source="type" choices={targetTypeChoices} />
            <TextInput source="legalRepresentative" />
            <TextInput source="address" fullWidth />
            <TextInput source="regionCode" validate={required()} />
            <TextInput source="industryCode" validate={required()} />
            <TextInput source="businessScope" multiline fullWidth />
            <DateInput source="establishedOn" />
            <SelectInput source="status" choices={targetStatusChoices} />
            <SelectInput source="riskClass" choices={riskClassChoices} />
            <BooleanInput source="onAbnormalList" />
            <BooleanInput source="onKeyAttentionList" />
            <BooleanInput source="seriousViolation" />
            <NumberInput source="complaintCount" min={0} />
        </SimpleForm>
    );
};
