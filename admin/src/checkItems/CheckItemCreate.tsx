// New check item (`createCheckItem`): department admins for their own department, the office for any.
import { Create } from 'react-admin';

import { useOwnDepartment } from '../shared/inputs';
import { CheckItemForm } from './CheckItemForm';

const CheckItemCreate = () => {
    const { departmentId } = useOwnDepartment();
    return (
        <Create redirect="show">
            <CheckItemForm defaultValues={{ category: 'GENERAL', targetType: 'ENTERPRISE', methods: ['ON_SITE'], department: { id: departmentId } }} />
        </Create>
    );
};

export default CheckItemCreate;
