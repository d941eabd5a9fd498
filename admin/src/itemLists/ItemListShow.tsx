// One item list: its version lineage and the check items it holds.
import PublishIcon from '@mui/icons-material/Publish';
import { ArrayField, Datagrid, NumberField, SelectField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';

import { ActionButton } from '../shared/ActionButton';
import { itemCategoryChoices, itemListStatusChoices, listKindChoices } from '../shared/choices';
import { DateTimeField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';

const Actions = () => (
    <TopToolbar>
        <ActionButton action="publish" label="app.action.publish" confirm="app.action.publish_confirm" icon={<PublishIcon />} when={r => r.status === 'DRAFT'} />
    </TopToolbar>
);

const ItemListShow = () => (
    <Show actions={<Actions />}>
        <SimpleShowLayout>
            <TextField source="name" />
            <NumberField source="year" options={{ useGrouping: false }} />
            <NumberField source="version" />
            <SelectField source="kind" choices={listKindChoices} />
            <SelectField source="status" choices={itemListStatusChoices} />
            <RelationField source="department" reference="departments" emptyText="enums.ListKind.JOINT" />
            <DateTimeField source="publishedAt" emptyText="—" />
            <RelationField source="supersedes" reference="itemLists" emptyText="app.field.none" />
            <RelationField source="supersededBy" reference="itemLists" emptyText="app.field.none" />
            <ArrayField source="items">
                <Datagrid bulkActionButtons={false} rowClick={(id: unknown) => `/checkItems/${id}/show`}>
                    <TextField source="code" label="resources.checkItems.fields.code" />
                    <TextField source="name" label="resources.checkItems.fields.name" />
                    <SelectField source="category" choices={itemCategoryChoices} label="resources.checkItems.fields.category" />
                    <TextField source="domain" label="resources.checkItems.fields.domain" />
                    <RelationField source="department" reference="departments" label="resources.checkItems.fields.department" />
                </Datagrid>
            </ArrayField>
        </SimpleShowLayout>
    </Show>
);

export default ItemListShow;
