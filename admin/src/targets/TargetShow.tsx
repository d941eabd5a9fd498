// One target: registration data, risk flags, credit records and (for staff) the pools it is in.
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
import { CalendarDayField } from '../shared/CalendarDayField';
import { creditEventKindChoices, resultCodeChoices, riskClassChoices, targetStatusChoices, targetTypeChoices } from '../shared/choices';
import { DateTimeField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';

const TargetShow = () => {
    const { permissions } = usePermissions<Permissions | undefined>();
    return (
        <Show>
            <TabbedShowLayout>
                <TabbedShowLayout.Tab label="resources.targets.name">
                    <TextField source="uscc" sx={{ fontFamily: 'monospace' }} />
                    <TextField source="name" />
                    <SelectField source="type" choices={targetTypeChoices} />
                    <TextField source="legalRepresentative" />
                    <TextField source="address" />
                    <TextField source="regionCode" />
                    <TextField source="industryCode" />
                    <TextField source="businessScope" />
                    <CalendarDayField source="establishedOn" />
                    <SelectField source="status" choices={targetStatusChoices} />
                    <DateTimeField source="updatedAt" />
                </TabbedShowLayout.Tab>
                <TabbedShowLayout.Tab label="resources.targets.fields.riskClass" path="risk">
                    <SelectField source="riskClass" choices={riskClassChoices} />
                    <BooleanField source="onAbnormalList" />
                    <BooleanField source="onKeyAttentionList" />
                    <BooleanField source="seriousViolation" />
                    <NumberField source="complaintCount" />
                    <NumberField source="timesDrawnInYear" />
                    <ArrayField source="creditEvents">
                        <Datagrid bulkActionButtons={false} rowClick={(id: unknown) => `/creditEvents/${id}/show`} empty={<span />}>
                            <SelectField source="kind" choices={creditEventKindChoices} label="resources.creditEvents.fields.kind" />
                            <SelectField source="resultCode" choices={resultCodeChoices} label="resources.creditEvents.fields.resultCode" />
                            <CalendarDayField source="effectiveFrom" label="resources.creditEvents.fields.effectiveFrom" />
                            <CalendarDayField source="effectiveTo" label="resources.creditEvents.fields.effectiveTo" />
                            <DateTimeField source="repairedAt" label="resources.creditEvents.fields.repairedAt" />
                        </Datagrid>
                    </ArrayField>
                </TabbedShowLayout.Tab>
                {isStaff(permissions?.role) && (
                    <TabbedShowLayout.Tab label="resources.targets.fields.pools" path="pools">
                        <ArrayField source="pools" label={false}>
                            <Datagrid bulkActionButtons={false} rowClick={(id: unknown) => `/targetPools/${id}/show`}>
                                <TextField source="name" label="resources.targetPools.fields.name" />
                                <RelationField source="department" reference="departments" label="resources.targetPools.fields.department" />
                            </Datagrid>
                        </ArrayField>
                    </TabbedShowLayout.Tab>
                )}
            </TabbedShowLayout>
        </Show>
    );
};

export default TargetShow;
