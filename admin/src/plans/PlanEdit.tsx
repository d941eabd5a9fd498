// Edit a draft plan (`updatePlan`; only changed fields are sent). A published plan is adjusted with a
// reason instead (adjustPlan, with the workflow screens).
import { Edit } from 'react-admin';

import { PlanForm } from './PlanForm';

const PlanEdit = () => (
    <Edit mutationMode="pessimistic" redirect="show">
        <PlanForm editing />
    </Edit>
);

export default PlanEdit;
