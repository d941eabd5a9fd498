// New target (`createTarget`), entered into one of the department's pools.
import { Create } from 'react-admin';

import { TargetForm } from './TargetForm';

const TargetCreate = () => (
    <Create redirect="show">
        <TargetForm creating />
    </Create>
);

export default TargetCreate;
