// One inspector pool and the inspectors in it (paged from the API, filtered by pool).
import { BooleanField, Datagrid, NumberField, Pagination, ReferenceManyField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';

import { ImportButton } from '../imports/ImportButton';
import { DateTimeField, TagsField } from '../shared/fields';
import { ConfirmPoolButton } from '../shared/ConfirmPoolButton';
import { RelationField } from '../shared/RelationField';

const Actions = () => (
    <TopToolbar>
        <ConfirmPoolButton />
        <ImportButton kind="INSPECTORS" />
    </TopToolbar>
);

const InspectorPoolShow = () => (
    <Show actions={<Actions />}>
        <SimpleShowLayout>
            <TextField source="name" />
            <RelationField source="department" reference="departments" />
            <NumberField source="inspectorCount" />
            <DateTimeField source="confirmedAt" emptyText="—" />
            <ReferenceManyField reference="inspectors" target="poolId" label="resources.inspectorPools.fields.inspectors" perPage={10} pagination={<Pagination />} sort={{ field: 'name', order: 'ASC' }}>
                <Datagrid bulkActionButtons={false} rowClick="show">
                    <TextField source="name" />
                    <TextField source="certificateNo" />
                    <TagsField source="expertiseTags" sortable={false} />
                    <BooleanField source="isThirdPartyExpert" sortable={false} />
                    <BooleanField source="active" sortable={false} />
                </Datagrid>
            </ReferenceManyField>
        </SimpleShowLayout>
    </Show>
);

export default InspectorPoolShow;
