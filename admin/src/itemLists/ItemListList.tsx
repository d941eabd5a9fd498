// 抽查事项清单: published, versioned lists of check items, per department or joint.
import {
    AutocompleteInput,
    Datagrid,
    List,
    NumberField,
    NumberInput,
    ReferenceInput,
    SearchInput,
    SelectField,
    SelectInput,
    TextField,
} from 'react-admin';

import { itemListStatusChoices, listKindChoices } from '../shared/choices';
import { makeExporter } from '../shared/exporter';
import { DateTimeField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';

const exporter = makeExporter({ enums: { kind: 'ListKind', status: 'ItemListStatus' } });

const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <NumberInput key="year" source="year" alwaysOn />,
    <SelectInput key="kind" source="kind" choices={listKindChoices} />,
    <SelectInput key="status" source="status" choices={itemListStatusChoices} />,
    <ReferenceInput key="departmentId" source="departmentId" reference="departments">
        <AutocompleteInput optionText="shortName" />
    </ReferenceInput>,
];

const ItemListList = () => (
    <List filters={filters} sort={{ field: 'year', order: 'DESC' }} perPage={25} exporter={exporter}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="name" />
            <NumberField source="year" options={{ useGrouping: false }} />
            <NumberField source="version" />
            <SelectField source="kind" choices={listKindChoices} sortable={false} />
            <SelectField source="status" choices={itemListStatusChoices} sortable={false} />
            <RelationField source="department" reference="departments" sortable={false} emptyText="enums.ListKind.JOINT" />
            <NumberField source="itemCount" sortable={false} />
            <DateTimeField source="publishedAt" sortable={false} />
        </Datagrid>
    </List>
);

export default ItemListList;
