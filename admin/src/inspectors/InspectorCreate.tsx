// New inspector or third-party expert (`createInspector`).
import { Create } from 'react-admin';

import { InspectorForm } from './InspectorForm';

const InspectorCreate = () => (
    <Create redirect="show">
        <InspectorForm />
    </Create>
);

export default InspectorCreate;
