// Edit a draft task (`updateTask`; only changed fields are sent; participants are replaced as a whole).
import { Edit } from 'react-admin';

import { TaskForm } from './TaskForm';

const TaskEdit = () => (
    <Edit mutationMode="pessimistic" redirect="show">
        <TaskForm editing />
    </Edit>
);

export default TaskEdit;
