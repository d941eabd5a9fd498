// One check item: legal basis, content, method and, for general items, the sampling ratio cap.
import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { BooleanField, EditButton, SelectField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';

import { ActionButton } from '../shared/ActionButton';
import { itemCategoryChoices, targetTypeChoices } from '../shared/choices';
import { BasisPointsField, DateTimeField, EnumChipsField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';

const Actions = () => (
    <TopToolbar>
        <ActionButton action="setActive" args={{ active: false }} label="app.action.deactivate_item" icon={<BlockIcon />} color="error" when={r => r.active} />
        <ActionButton action="setActive" args={{ active: true }} label="app.action.activate_item" icon={<CheckCircleIcon />} when={r => !r.active} />
        <EditButton />
    </TopToolbar>
);

const CheckItemShow = () => (
    <Show actions={<Actions />}>
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
