// 抽查任务: the latest execution windows first.
// Columns the API cannot sort on (fields.ts sortFields) are marked sortable={false}.
import { Datagrid, List, NumberField, SelectField, TextField } from 'react-admin';

import { CalendarDayField } from '../shared/CalendarDayField';
import { taskStatusChoices } from './taskChoices';

const TaskList = () => (
    <List sort={{ field: 'windowStart', order: 'DESC' }} perPage={25} exporter={false}>
        <Datagrid bulkActionButtons={false}>
            <TextField source="code" />
            <TextField source="name" />
            <NumberField source="year" options={{ useGrouping: false }} />
            <SelectField source="status" choices={taskStatusChoices} />
            <TextField source="leadDepartment.name" label="resources.tasks.fields.leadDepartment" sortable={false} />
            <CalendarDayField source="windowStart" />
            <CalendarDayField source="windowEnd" sortable={false} />
            <CalendarDayField source="inspectionEndOn" />
        </Datagrid>
    </List>
);

export default TaskList;
