// One recusal: which inspector stays away from which target, and why.
import { Show, SimpleShowLayout, TextField } from 'react-admin';

import { DateTimeField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';

const RecusalShow = () => (
    <Show>
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
