// New plan draft (`createPlan`): a department's annual plan, or (office) a joint plan.
import { Create } from 'react-admin';

import { PlanForm } from './PlanForm';

const PlanCreate = () => (
    <Create redirect="show">
        <PlanForm />
    </Create>
);

export default PlanCreate;
