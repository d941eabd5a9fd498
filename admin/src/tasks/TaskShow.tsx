// One task: summary, participants with their acceptance, each department's check items, deadlines, draws.
// The acceptance buttons and the draw screen arrive with the workflow round.
import {
    ArrayField,
    BooleanField,
    ChipField,
    Datagrid,
    NumberField,
    SelectField,
    Show,
    SingleFieldList,
    TabbedShowLayout,
    TextField,
} from 'react-admin';

import { CalendarDayField } from '../shared/CalendarDayField';
import { acceptanceChoices, drawKindChoices, drawStatusChoices, itemCategoryChoices, modeChoices, participantRoleChoices, taskStatusChoices } from '../shared/choices';
import { BasisPointsField, DateTimeField, RatiosField, TagsField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';
import { TaskActions } from './TaskActions';
import { TaskLineage } from './TaskLineage';

const TaskShow = () => (
    <Show actions={<TaskActions />}>
        <TaskLineage />
        <TabbedShowLayout>
            <TabbedShowLayout.Tab label="resources.tasks.tabs.summary">
                <TextField source="code" />
                <TextField source="name" />
                <SelectField source="status" choices={taskStatusChoices} />
                <SelectField source="mode" choices={modeChoices} />
                <NumberField source="year" options={{ useGrouping: false }} />
                <RelationField source="leadDepartment" reference="departments" />
                <RelationField source="plan" reference="plans" emptyText="app.field.none" />
                <BooleanField source="stratified" />
                <RatiosField source="ratios" />
                <TagsField source="scope.industryCodes" label="resources.plans.scope.industryCodes" />
                <TagsField source="scope.regionCodes" label="resources.plans.scope.regionCodes" />
                <TagsField source="scope.keywords" label="resources.plans.scope.keywords" />
                <NumberField source="recordCount" />
                <RelationField source="reissuedFrom" reference="tasks" emptyText="app.field.none" />
                <TextField source="reissueReason" emptyText="—" />
                <TextField source="cancelReason" emptyText="—" />
                <ArrayField source="reissues">
                    <SingleFieldList linkType="show" resource="tasks">
                        <ChipField source="code" />
                    </SingleFieldList>
                </ArrayField>
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="resources.tasks.tabs.participants" path="participants">
                <ArrayField source="participants" label={false}>
                    <Datagrid bulkActionButtons={false} rowClick={false}>
                        <RelationField source="department" reference="departments" label="resources.tasks.participant.department" />
                        <SelectField source="role" choices={participantRoleChoices} label="resources.tasks.participant.role" />
                        <SelectField source="acceptance" choices={acceptanceChoices} label="resources.tasks.participant.acceptance" />
                        <DateTimeField source="invitedAt" label="resources.tasks.participant.invitedAt" />
                        <DateTimeField source="respondedAt" label="resources.tasks.participant.respondedAt" />
                        <TextField source="declineReason" label="resources.tasks.participant.declineReason" />
                    </Datagrid>
                </ArrayField>
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="resources.tasks.tabs.items" path="items">
                <ArrayField source="items" label={false}>
                    <Datagrid bulkActionButtons={false} rowClick={false}>
                        <RelationField source="department" reference="departments" label="resources.tasks.item.department" />
                        <RelationField source="checkItem" reference="checkItems" label="resources.tasks.item.checkItem" />
                        <SelectField source="checkItem.category" choices={itemCategoryChoices} label="resources.checkItems.fields.category" />
                        <BasisPointsField source="ratioBp" label="resources.tasks.item.ratioBp" />
                    </Datagrid>
                </ArrayField>
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="resources.tasks.tabs.deadlines" path="deadlines">
                <CalendarDayField source="windowStart" />
                <CalendarDayField source="windowEnd" />
                <CalendarDayField source="acceptanceDueOn" emptyText="—" />
                <CalendarDayField source="drawDueOn" emptyText="—" />
                <CalendarDayField source="inspectionEndOn" />
                <CalendarDayField source="publicationDueOn" emptyText="—" />
                <DateTimeField source="closedAt" emptyText="—" />
                <DateTimeField source="createdAt" />
                <DateTimeField source="updatedAt" />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="resources.tasks.tabs.draws" path="draws">
                <ArrayField source="draws" label={false}>
                    <Datagrid bulkActionButtons={false} rowClick={(id: unknown) => `/draws/${id}/show`}>
                        <SelectField source="kind" choices={drawKindChoices} label="resources.draws.fields.kind" />
                        <SelectField source="status" choices={drawStatusChoices} label="resources.draws.fields.status" />
                        <DateTimeField source="committedAt" label="resources.draws.fields.committedAt" />
                        <NumberField source="selectedCount" label="resources.draws.fields.selectedCount" />
                    </Datagrid>
                </ArrayField>
            </TabbedShowLayout.Tab>
        </TabbedShowLayout>
    </Show>
);

export default TaskShow;
