// One team seat: who inspects which target for which task, drawn with which ticket.
import { SelectField, Show, SimpleShowLayout } from 'react-admin';

import { teamRoleChoices } from '../shared/choices';
import { DateTimeField, HashField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';

const InspectorAssignmentShow = () => (
    <Show>
        <SimpleShowLayout>
            <RelationField source="task" reference="tasks" />
            <RelationField source="target" reference="targets" />
            <RelationField source="inspector" reference="inspectors" />
            <RelationField source="department" reference="departments" />
            <SelectField source="role" choices={teamRoleChoices} />
            <RelationField source="draw" reference="draws" />
            <HashField source="ticket" />
            <DateTimeField source="createdAt" />
        </SimpleShowLayout>
    </Show>
);

export default InspectorAssignmentShow;
