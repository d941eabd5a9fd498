// One department: contact, counts, its check items and (for staff) its two pools.
import {
    ArrayField,
    BooleanField,
    Datagrid,
    NumberField,
    SelectField,
    Show,
    TabbedShowLayout,
    TextField,
    usePermissions,
} from 'react-admin';

import { isStaff } from '../auth/access';
import type { Permissions } from '../authProvider';
import { itemCategoryChoices } from '../shared/choices';
import { DateTimeField } from '../shared/fields';

const DepartmentShow = () => {
    const { permissions } = usePermissions<Permissions | undefined>();
    const staff = isStaff(permissions?.role);
    return (
        <Show>
            <TabbedShowLayout>
                <TabbedShowLayout.Tab label="resources.departments.name">
                    <TextField source="code" />
                    <TextField source="name" />
                    <TextField source="shortName" />
                    <BooleanField source="isOfficeHost" />
                    <BooleanField source="active" />
                    <TextField source="liaisonName" />
                    <TextField source="liaisonPhone" />
                    <NumberField source="inspectorCount" />
                    <NumberField source="ledTaskCount" />
                    <DateTimeField source="updatedAt" />
                </TabbedShowLayout.Tab>
                <TabbedShowLayout.Tab label="resources.departments.fields.checkItems" path="checkItems">
                    <ArrayField source="checkItems" label={false}>
                        <Datagrid bulkActionButtons={false} rowClick={(id: unknown) => `/checkItems/${id}/show`}>
                            <TextField source="code" label="resources.checkItems.fields.code" />
                            <TextField source="name" label="resources.checkItems.fields.name" />
                            <SelectField source="category" choices={itemCategoryChoices} label="resources.checkItems.fields.category" />
                        </Datagrid>
                    </ArrayField>
                </TabbedShowLayout.Tab>
                {staff && (
                    <TabbedShowLayout.Tab label="resources.departments.fields.targetPools" path="pools">
                        <ArrayField source="targetPools">
                            <Datagrid bulkActionButtons={false} rowClick={(id: unknown) => `/targetPools/${id}/show`}>
                                <TextField source="name" label="resources.targetPools.fields.name" />
                                <TextField source="domain" label="resources.targetPools.fields.domain" />
                                <NumberField source="targetCount" label="resources.targetPools.fields.targetCount" />
                            </Datagrid>
                        </ArrayField>
                        <ArrayField source="inspectorPools">
                            <Datagrid bulkActionButtons={false} rowClick={(id: unknown) => `/inspectorPools/${id}/show`}>
                                <TextField source="name" label="resources.inspectorPools.fields.name" />
                                <NumberField source="inspectorCount" label="resources.inspectorPools.fields.inspectorCount" />
                            </Datagrid>
                        </ArrayField>
                    </TabbedShowLayout.Tab>
                )}
            </TabbedShowLayout>
        </Show>
    );
};

export default DepartmentShow;
