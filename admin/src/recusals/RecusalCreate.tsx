// Record a recusal (`addRecusal`): this inspector must not be matched to this target. A link from an
// inspector's page fills the inspector in (`?source={"inspector":{"id":…}}`).
import { AutocompleteInput, Create, ReferenceInput, required, SimpleForm, TextInput } from 'react-admin';

const RecusalCreate = () => (
    <Create redirect="show">
        <SimpleForm>
            <ReferenceInput source="inspector.id" reference="inspectors">
                <AutocompleteInput optionText="name" label="resources.recusals.fields.inspector" validate={required()} sx={{ minWidth: 320 }} />
            </ReferenceInput>
            <ReferenceInput source="target.id" reference="targets">
                <AutocompleteInput
                    optionText={(target: { name: string; uscc: string }) => `${target.name}（${target.uscc}）`}
                    label="resources.recusals.fields.target"
                    validate={required()}
                    sx={{ minWidth: 420 }}
                />
            </ReferenceInput>
            <TextInput source="reason" validate={required()} multiline fullWidth />
        </SimpleForm>
    </Create>
);

export default RecusalCreate;
