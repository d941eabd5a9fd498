// One check item: legal basis, content, method and, for general items, the sampling ratio cap.
import { BooleanField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';

import { itemCategoryChoices, targetTypeChoices } from '../shared/choices';
import { BasisPointsField, DateTimeField, EnumChipsField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';

const CheckItemShow = () => (
    <Show>
        <SimpleShowLayout>
            <TextField source="code" />
            <TextField source="name" />
            <RelationField source="department" reference="departments" />
            <SelectField source="category" choices={itemCategoryChoices} />
            <TextField source="domain" />
            <SelectField source="targetType" choices={targetTypeChoices} />
            <EnumChipsField source="methods" prefix="enums.InspectionMethod" />
            <BasisPointsField source="ratioCapBp" emptyText="app.field.none" />
            <TextField source="legalBasis" sx={{ whiteSpace: 'pre-wrap' }} />
            <TextField source="content" sx={{ whiteSpace: 'pre-wrap' }} />
            <BooleanField source="active" />
            <DateTimeField source="updatedAt" />
        </SimpleShowLayout>
    </Show>
);

export default CheckItemShow;
