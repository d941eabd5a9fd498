// 抽查事项: what may be checked, by which department, how; filter by department, category, domain.
import {
    AutocompleteInput,
    BooleanField,
    Datagrid,
    List,
    NullableBooleanInput,
    ReferenceInput,
    SearchInput,
    SelectField,
    SelectInput,
    TextField,
    TextInput,
} from 'react-admin';

import { itemCategoryChoices, targetTypeChoices } from '../shared/choices';
import { makeExporter } from '../shared/exporter';
import { BasisPointsField, EnumChipsField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';

const exporter = makeExporter({ enums: { category: 'ItemCategory', targetType: 'TargetType', methods: 'InspectionMethod' } });

const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <ReferenceInput key="departmentId" source="departmentId" reference="departments" alwaysOn>
        <AutocompleteInput optionText="shortName" sx={{ minWidth: 200 }} />
    </ReferenceInput>,
    <SelectInput key="category" source="category" choices={itemCategoryChoices} />,
    <TextInput key="domain" source="domain" />,
    <NullableBooleanInput key="active" source="active" />,
];

const CheckItemList = () => (
    <List filters={filters} sort={{ field: 'code', order: 'ASC' }} perPage={25} exporter={exporter}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="code" />
            <TextField source="name" />
            <RelationField source="department" reference="departments" sortable={false} />
            <SelectField source="category" choices={itemCategoryChoices} />
            <TextField source="domain" />
            <SelectField source="targetType" choices={targetTypeChoices} sortable={false} />
            <EnumChipsField source="methods" prefix="enums.InspectionMethod" sortable={false} />
            <BasisPointsField source="ratioCapBp" sortable={false} />
            <BooleanField source="active" sortable={false} />
        </Datagrid>
    </List>
);

export default CheckItemList;
