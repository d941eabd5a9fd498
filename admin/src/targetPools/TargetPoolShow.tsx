// One target pool: its sub-pools and the targets in it (paged from the API, filtered by pool).
import {
    ArrayField,
    Datagrid,
    NumberField,
    Pagination,
    ReferenceManyField,
    SelectField,
    Show,
    EditButton,
    TopToolbar,
    SimpleShowLayout,
    TextField,
} from 'react-admin';

import { riskClassChoices, targetStatusChoices } from '../shared/choices';
import { DateTimeField } from '../shared/fields';
import { ImportButton } from '../imports/ImportButton';
import { ConfirmPoolButton } from '../shared/ConfirmPoolButton';
import { RelationField } from '../shared/RelationField';

const Actions = () => (
    <TopToolbar>
        <ConfirmPoolButton />
        <ImportButton kind="TARGETS" />
        <EditButton />
    </TopToolbar>
);

const TargetPoolShow = () => (
    <Show actions={<Actions />}>
        <SimpleShowLayout>
            <TextField source="name" />
            <RelationField source="department" reference="departments" />
            <TextField source="domain" emptyText="—" />
            <RelationField source="parent" reference="targetPools" emptyText="app.field.none" />
            <NumberField source="targetCount" />
            <DateTimeField source="confirmedAt" emptyText="—" />
            <ArrayField source="subPools">
                <Datagrid bulkActionButtons={false} rowClick={(id: unknown) => `/targetPools/${id}/show`} empty={<span />}>
                    <TextField source="name" label="resources.targetPools.fields.name" />
                    <TextField source="domain" label="resources.targetPools.fields.domain" />
                    <NumberField source="targetCount" label="resources.targetPools.fields.targetCount" />
                </Datagrid>
            </ArrayField>
            <ReferenceManyField reference="targets" target="poolId" label="resources.targetPools.fields.targets" perPage={10} pagination={<Pagination />} sort={{ field: 'name', order: 'ASC' }}>
                <Datagrid bulkActionButtons={false} rowClick="show">
                    <TextField source="uscc" sx={{ fontFamily: 'monospace' }} />
                    <TextField source="name" />
                    <SelectField source="riskClass" choices={riskClassChoices} />
                    <SelectField source="status" choices={targetStatusChoices} sortable={false} />
                </Datagrid>
            </ReferenceManyField>
        </SimpleShowLayout>
    </Show>
);

export default TargetPoolShow;
