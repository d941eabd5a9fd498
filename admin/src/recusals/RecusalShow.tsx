// One recusal: which inspector stays away from which target, and why.
import { DeleteButton, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';

import { DateTimeField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';

// Removing a recusal (`removeRecusal`) lets the inspector be matched to the target again.
const Actions = () => (
    <TopToolbar>
        <DeleteButton mutationMode="pessimistic" />
    </TopToolbar>
);

const RecusalShow = () => (
    <Show actions={<Actions />}>
        <SimpleShowLayout>
            <RelationField source="inspector" reference="inspectors" />
            <RelationField source="inspector.department" reference="departments" label="resources.recusals.fields.department" />
            <RelationField source="target" reference="targets" />
            <TextField source="target.uscc" label="resources.targets.fields.uscc" />
            <TextField source="reason" />
            <DateTimeField source="createdAt" />
        </SimpleShowLayout>
    </Show>
);

export default RecusalShow;
