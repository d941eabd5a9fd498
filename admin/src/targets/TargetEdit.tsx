// Edit a target (`updateTarget`; only changed fields are sent; department admins: targets in their pools).
import { Edit } from 'react-admin';

import { TargetForm } from './TargetForm';

const TargetEdit = () => (
    <Edit mutationMode="pessimistic" redirect="show">
        <TargetForm />
    </Edit>
);

export default TargetEdit;
