// One inspector; staff also see qualifications, leave and recusals (who may not inspect which target).
import { ArrayField, BooleanField, Datagrid, EditButton, Show, TabbedShowLayout, TextField, TopToolbar, usePermissions } from 'react-admin';

import { isStaff } from '../auth/access';
import type { Permissions } from '../authProvider';
import { CalendarDayField } from '../shared/CalendarDayField';
import { DateTimeField, TagsField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';

const InspectorShow = () => {
    const { permissions } = usePermissions<Permissions | undefined>();
    const staff = isStaff(permissions?.role);
    return (
        <Show actions={<TopToolbar><EditButton /></TopToolbar>}>
            <TabbedShowLayout>
                <TabbedShowLayout.Tab label="resources.inspectors.name">
                    <TextField source="name" />
                    <RelationField source="department" reference="departments" />
                    {staff && <TextField source="certificateNo" />}
                    {staff && <TagsField source="qualifications" />}
                    {staff && <TagsField source="expertiseTags" />}
                    {staff && <RelationField source="pool" reference="inspectorPools" emptyText="app.field.none" />}
                    <BooleanField source="isThirdPartyExpert" />
                    <BooleanField source="active" />
                    <DateTimeField source="createdAt" />
                </TabbedShowLayout.Tab>
                {staff && (
                    <TabbedShowLayout.Tab label="resources.inspectors.fields.leaves" path="leaves">
                        <ArrayField source="leaves" label={false}>
                            <Datagrid bulkActionButtons={false} rowClick={false}>
                                <CalendarDayField source="startsOn" label="resources.inspectors.leave.startsOn" />
                                <CalendarDayField source="endsOn" label="resources.inspectors.leave.endsOn" />
                                <TextField source="reason" label="resources.inspectors.leave.reason" />
                            </Datagrid>
                        </ArrayField>
                    </TabbedShowLayout.Tab>
                )}
                {staff && (
                    <TabbedShowLayout.Tab label="resources.inspectors.fields.recusals" path="recusals">
                        <ArrayField source="recusals" label={false}>
                            <Datagrid bulkActionButtons={false} rowClick={(id: unknown) => `/recusals/${id}/show`}>
                                <RelationField source="target" reference="targets" label="resources.recusals.fields.target" />
                                <TextField source="target.uscc" label="resources.targets.fields.uscc" sx={{ fontFamily: 'monospace' }} />
                                <TextField source="reason" label="resources.recusals.fields.reason" />
                                <DateTimeField source="createdAt" label="resources.recusals.fields.createdAt" />
                            </Datagrid>
                        </ArrayField>
                    </TabbedShowLayout.Tab>
                )}
            </TabbedShowLayout>
        </Show>
    );
};

export default InspectorShow;
