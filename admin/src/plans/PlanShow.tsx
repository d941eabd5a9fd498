// One plan: summary, scope and ratios, participants and items, its tasks, and every published version with
// the reason for each adjustment (调整) and the snapshot that was published.
import PublishIcon from '@mui/icons-material/Publish';
import SendIcon from '@mui/icons-material/Send';
import {
    ArrayField,
    ChipField,
    Datagrid,
    EditButton,
    TopToolbar,
    NumberField,
    SelectField,
    Show,
    SingleFieldList,
    TabbedShowLayout,
    TextField,
    useRecordContext,
} from 'react-admin';

import { ActionButton } from '../shared/ActionButton';
import { CalendarDayField } from '../shared/CalendarDayField';
import { itemCategoryChoices, listKindChoices, modeChoices, participantRoleChoices, planStatusChoices, taskStatusChoices } from '../shared/choices';
import { BasisPointsField, DateTimeField, EnumChipsField, JsonField, RatiosField, TagsField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';

const Actions = () => (
    <TopToolbar>
        <ActionButton action="submit" label="app.action.submit_plan" confirm="app.action.submit_confirm" icon={<SendIcon />} when={r => r.status === 'DRAFT' && r.kind === 'DEPARTMENT'} />
        <ActionButton action="publish" label="app.action.publish" confirm="app.action.publish_confirm" icon={<PublishIcon />} when={r => r.status === 'DRAFT' || r.status === 'SUBMITTED'} />
        <EditButtonWhenDraft />
    </TopToolbar>
);

const EditButtonWhenDraft = () => {
    const record = useRecordContext();
    return record?.status === 'DRAFT' ? <EditButton /> : null;
};

const PlanShow = () => (
    <Show actions={<Actions />}>
        <TabbedShowLayout>
            <TabbedShowLayout.Tab label="resources.plans.name">
                <TextField source="name" />
                <NumberField source="year" options={{ useGrouping: false }} />
                <RelationField source="department" reference="departments" />
                <SelectField source="kind" choices={listKindChoices} />
                <SelectField source="mode" choices={modeChoices} />
                <SelectField source="status" choices={planStatusChoices} />
                <NumberField source="version" />
                <CalendarDayField source="windowStart" />
                <CalendarDayField source="windowEnd" />
                <NumberField source="frequencyPerYear" />
                <RatiosField source="ratios" />
                <TagsField source="scope.industryCodes" label="resources.plans.scope.industryCodes" />
                <TagsField source="scope.regionCodes" label="resources.plans.scope.regionCodes" />
                <TagsField source="scope.keywords" label="resources.plans.scope.keywords" />
                <EnumChipsField source="scope.targetTypes" prefix="enums.TargetType" label="resources.plans.scope.targetTypes" />
                <TextField source="description" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
                <RelationField source="jointPlan" reference="plans" emptyText="app.field.none" />
                <ArrayField source="compiledFrom">
                    <SingleFieldList linkType="show" resource="plans">
                        <ChipField source="name" />
                    </SingleFieldList>
                </ArrayField>
                <DateTimeField source="publishedAt" emptyText="—" />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="resources.plans.fields.items" path="items">
                <ArrayField source="participants">
                    <Datagrid bulkActionButtons={false} rowClick={false}>
                        <RelationField source="department" reference="departments" label="resources.tasks.participant.department" />
                        <SelectField source="role" choices={participantRoleChoices} label="resources.tasks.participant.role" />
                    </Datagrid>
                </ArrayField>
                <ArrayField source="items">
                    <Datagrid bulkActionButtons={false} rowClick={false}>
                        <RelationField source="department" reference="departments" label="resources.tasks.item.department" />
                        <RelationField source="checkItem" reference="checkItems" label="resources.tasks.item.checkItem" />
                        <SelectField source="checkItem.category" choices={itemCategoryChoices} label="resources.checkItems.fields.category" />
                        <BasisPointsField source="ratioBp" label="resources.tasks.item.ratioBp" />
                    </Datagrid>
                </ArrayField>
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="resources.plans.fields.tasks" path="tasks">
                <ArrayField source="tasks" label={false}>
                    <Datagrid bulkActionButtons={false} rowClick={(id: unknown) => `/tasks/${id}/show`}>
                        <TextField source="code" label="resources.tasks.fields.code" />
                        <TextField source="name" label="resources.tasks.fields.name" />
                        <SelectField source="status" choices={taskStatusChoices} label="resources.tasks.fields.status" />
                    </Datagrid>
                </ArrayField>
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="resources.plans.fields.versions" path="versions">
                <ArrayField source="versions" label={false}>
                    <Datagrid bulkActionButtons={false} rowClick="expand" expand={<JsonField source="snapshot" />}>
                        <NumberField source="version" label="resources.plans.version.version" />
                        <DateTimeField source="publishedAt" label="resources.plans.version.publishedAt" />
                        <TextField source="reason" label="resources.plans.version.reason" emptyText="—" />
                    </Datagrid>
                </ArrayField>
            </TabbedShowLayout.Tab>
        </TabbedShowLayout>
    </Show>
);

export default PlanShow;
