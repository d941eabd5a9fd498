// New task draft (`createTask`): the office for any lead department, a department admin led by its own.
import { Create } from 'react-admin';

import { TaskForm } from './TaskForm';

const TaskCreate = () => (
    <Create redirect="show">
        <TaskForm />
    </Create>
);

export default TaskCreate;
