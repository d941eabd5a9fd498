// 执法检查人员: staff see certificate numbers, expertise and pools; analysts only names and departments
// (the API refuses the staff-only fields to them, and dataProvider/fields.ts does not ask).
import { Alert } from '@mui/material';
import {
    AutocompleteInput,
    BooleanField,
    Datagrid,
    List,
    NullableBooleanInput,
    ReferenceInput,
    SearchInput,
    TextField,
    TextInput,
    usePermissions,
    useTranslate,
} from 'react-admin';

import { isStaff } from '../auth/access';
import type { Permissions } from '../authProvider';
import { makeExporter } from '../shared/exporter';
import { TagsField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';

const inspectorFilters = (staff: boolean) => [
    <SearchInput key="q" source="q" alwaysOn />,
    <ReferenceInput key="departmentId" source="departmentId" reference="departments" alwaysOn>
        <AutocompleteInput optionText="shortName" sx={{ minWidth: 200 }} />
    </ReferenceInput>,
    <NullableBooleanInput key="active" source="active" />,
    <NullableBooleanInput key="isThirdPartyExpert" source="isThirdPartyExpert" />,
    ...(staff
        ? [
              <TextInput key="expertiseTag" source="expertiseTag" />,
              <ReferenceInput key="poolId" source="poolId" reference="inspectorPools">
                  <AutocompleteInput optionText="name" />
              </ReferenceInput>,
          ]
        : []),
];

const InspectorList = () => {
    const { permissions } = usePermissions<Permissions | undefined>();
    const translate = useTranslate();
    const staff = isStaff(permissions?.role);
    return (
        <List
            filters={inspectorFilters(staff)}
            sort={{ field: 'name', order: 'ASC' }}
            perPage={25}
            exporter={makeExporter()}
            aside={staff ? undefined : <Alert severity="info" sx={{ ml: 2, alignSelf: 'flex-start', maxWidth: 240 }}>{translate('resources.inspectors.names_only')}</Alert>}
        >
            <Datagrid rowClick="show" bulkActionButtons={false}>
                <TextField source="name" />
                <RelationField source="department" reference="departments" sortable={false} />
                {staff && <TextField source="certificateNo" />}
                {staff && <TagsField source="expertiseTags" sortable={false} />}
                {staff && <RelationField source="pool" reference="inspectorPools" sortable={false} />}
                <BooleanField source="isThirdPartyExpert" sortable={false} />
                <BooleanField source="active" sortable={false} />
            </Datagrid>
        </List>
    );
};

export default InspectorList;
