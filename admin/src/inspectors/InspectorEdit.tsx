// Edit an inspector (`updateInspector`; only changed fields are sent).
import { Edit } from 'react-admin';

import { InspectorForm } from './InspectorForm';

const InspectorEdit = () => (
    <Edit mutationMode="pessimistic" redirect="show">
        <InspectorForm editing />
    </Edit>
);

export default InspectorEdit;
