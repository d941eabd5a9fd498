// One inspection record: the visit, the team, every department's item results (others' unpublished results
// are not visible to a department), publications, and (for staff) attachments.
import { ArrayField, BooleanField, Datagrid, NumberField, SelectField, Show, TabbedShowLayout, TextField, usePermissions } from 'react-admin';

import { isStaff } from '../auth/access';
import type { Permissions } from '../authProvider';
import { CalendarDayField } from '../shared/CalendarDayField';
import { recordStatusChoices, resultCodeChoices, signatureChoices } from '../shared/choices';
import { DateTimeField, EnumChipsField, FlagField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';

const InspectionRecordShow = () => {
    const { permissions } = usePermissions<Permissions | undefined>();
    return (
        <Show>
            <TabbedShowLayout>
                <TabbedShowLayout.Tab label="resources.inspectionRecords.name">
                    <RelationField source="task" reference="tasks" />
                    <RelationField source="target" reference="targets" />
                    <TextField source="target.uscc" label="resources.targets.fields.uscc" />
                    <SelectField source="status" choices={recordStatusChoices} />
                    <CalendarDayField source="inspectedOn" emptyText="—" />
                    <BooleanField source="onSite" />
                    <EnumChipsField source="methods" prefix="enums.InspectionMethod" />
                    <ArrayField source="inspectors">
                        <Datagrid bulkActionButtons={false} rowClick={(id: unknown) => `/inspectors/${id}/show`}>
                            <TextField source="name" label="resources.inspectors.fields.name" />
                            <RelationField source="department" reference="departments" label="resources.inspectors.fields.department" />
                        </Datagrid>
                    </ArrayField>
                    <TextField source="disposalOpinion" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
                    <TextField source="remarks" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
                    <SelectField source="signatureStatus" choices={signatureChoices} />
                    <TextField source="refusalNote" emptyText="—" />
                    <DateTimeField source="completedAt" emptyText="—" />
                </TabbedShowLayout.Tab>
                <TabbedShowLayout.Tab label="resources.inspectionRecords.fields.results" path="results">
                    <ArrayField source="results" label={false}>
                        <Datagrid bulkActionButtons={false} rowClick={(id: unknown) => `/itemResults/${id}/show`}>
                            <RelationField source="department" reference="departments" label="resources.itemResults.fields.department" />
                            <RelationField source="checkItem" reference="checkItems" label="resources.itemResults.fields.checkItem" />
                            <SelectField source="code" choices={resultCodeChoices} label="resources.itemResults.fields.code" />
                            <TextField source="note" label="resources.itemResults.fields.note" />
                            <DateTimeField source="publication.publishedAt" label="resources.publications.fields.publishedAt" />
                        </Datagrid>
                    </ArrayField>
                    <ArrayField source="publications">
                        <Datagrid bulkActionButtons={false} rowClick={(id: unknown) => `/publications/${id}/show`}>
                            <RelationField source="department" reference="departments" label="resources.publications.fields.department" />
                            <DateTimeField source="publishedAt" label="resources.publications.fields.publishedAt" />
                            <CalendarDayField source="dueOn" label="resources.publications.fields.dueOn" />
                            <FlagField source="onTime" label="resources.publications.fields.onTime" />
                        </Datagrid>
                    </ArrayField>
                </TabbedShowLayout.Tab>
                {isStaff(permissions?.role) && (
                    <TabbedShowLayout.Tab label="resources.inspectionRecords.fields.attachments" path="attachments">
                        <ArrayField source="attachments" label={false}>
                            <Datagrid bulkActionButtons={false} rowClick={false}>
                                <TextField source="fileName" label="resources.inspectionRecords.attachment.fileName" />
                                <TextField source="mimeType" label="resources.inspectionRecords.attachment.mimeType" />
                                <NumberField source="size" label="resources.inspectionRecords.attachment.size" />
                                <DateTimeField source="createdAt" label="resources.inspectionRecords.attachment.createdAt" />
                            </Datagrid>
                        </ArrayField>
                    </TabbedShowLayout.Tab>
                )}
            </TabbedShowLayout>
        </Show>
    );
};

export default InspectionRecordShow;
