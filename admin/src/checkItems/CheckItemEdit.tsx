// Edit a check item (`updateCheckItem`; only changed fields are sent). Pessimistic, so a refusal shows on
// its field instead of being undone after the fact.
import { Edit } from 'react-admin';

import { CheckItemForm } from './CheckItemForm';

const CheckItemEdit = () => (
    <Edit mutationMode="pessimistic" redirect="show">
        <CheckItemForm editing />
    </Edit>
);

export default CheckItemEdit;
