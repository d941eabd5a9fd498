// 公示: a department's published part of a record, due within 20 working days after the inspection ends.
import { AutocompleteInput, Datagrid, DateTimeInput, List, NullableBooleanInput, ReferenceInput } from 'react-admin';

import { CalendarDayField } from '../shared/CalendarDayField';
import { makeExporter } from '../shared/exporter';
import { DateTimeField, FlagField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';

const filters = [
    <ReferenceInput key="departmentId" source="departmentId" reference="departments" alwaysOn>
        <AutocompleteInput optionText="shortName" sx={{ minWidth: 200 }} />
    </ReferenceInput>,
    <NullableBooleanInput key="onTime" source="onTime" alwaysOn />,
    <DateTimeInput key="publishedFrom" source="publishedFrom" />,
    <DateTimeInput key="publishedTo" source="publishedTo" />,
];

const PublicationList = () => (
    <List filters={filters} sort={{ field: 'publishedAt', order: 'DESC' }} perPage={25} exporter={makeExporter()}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
            <RelationField source="record.task" reference="tasks" label="resources.publications.fields.task" sortable={false} />
            <RelationField source="record.target" reference="targets" label="resources.publications.fields.target" sortable={false} />
            <RelationField source="department" reference="departments" sortable={false} />
            <DateTimeField source="publishedAt" />
            <CalendarDayField source="dueOn" />
            <FlagField source="onTime" sortable={false} />
        </Datagrid>
    </List>
);

export default PublicationList;
