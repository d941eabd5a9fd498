// New follow-up (后续处置): rectification with a deadline, case filing, or a transfer to the competent department or
// to the police; for a target (and optionally the result that caused it). Opened from a result, the URL's
// `source` presets target and result (?source={"target":{"id":…},"itemResult":{"id":…}}).
import { AutocompleteInput, Create, DateInput, FormDataConsumer, ReferenceInput, required, SelectInput, SimpleForm, TextInput, usePermissions } from 'react-admin';

import type { Permissions } from '../authProvider';
import { followUpKindChoices } from '../shared/choices';

const FollowUpCreate = () => {
    const { permissions } = usePermissions<Permissions | undefined>();
    return (
        <Create redirect="show">
            <SimpleForm defaultValues={{ kind: 'RECTIFICATION' }}>
                <SelectInput source="kind" choices={followUpKindChoices} validate={required()} />
                <ReferenceInput source="target.id" reference="targets">
                    <AutocompleteInput optionText={(t: { name: string; uscc: string }) => `${t.name} ${t.uscc}`} label="resources.followUps.fields.target" sx={{ minWidth: 360 }} />
                </ReferenceInput>
                <TextInput source="itemResult.id" label="resources.followUps.fields.itemResult" helperText="followUp.item_result_hint" />
                <TextInput source="description" multiline minRows={3} fullWidth validate={required()} />
                <FormDataConsumer>
                    {({ formData }) => (
                        <>
                            <DateInput source="dueOn" validate={formData.kind === 'RECTIFICATION' ? required() : undefined} helperText="followUp.due_hint" />
                            {formData.kind === 'TRANSFER_DEPARTMENT' && (
                                <ReferenceInput source="toDepartment.id" reference="departments">
                                    <AutocompleteInput optionText="name" label="resources.followUps.fields.toDepartment" validate={required()} sx={{ minWidth: 300 }} />
                                </ReferenceInput>
                            )}
                        </>
                    )}
                </FormDataConsumer>
                <TextInput source="reference" helperText="followUp.reference_hint" />
                {permissions?.role === 'OFFICE_ADMIN' && (
                    <ReferenceInput source="department.id" reference="departments">
                        <AutocompleteInput optionText="name" label="resources.followUps.fields.department" helperText="followUp.department_hint" sx={{ minWidth: 300 }} />
                    </ReferenceInput>
                )}
            </SimpleForm>
        </Create>
    );
};

export default FollowUpCreate;
