// One credit record, the result it came from, and its repair (信用修复) if any; the office repairs it (reason required).
import { BooleanField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';

import { CalendarDayField } from '../shared/CalendarDayField';
import { creditEventKindChoices, resultCodeChoices } from '../shared/choices';
import { DateTimeField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';
import { CreditEventActions } from './RepairButton';

const CreditEventShow = () => (
    <Show actions={<CreditEventActions />}>
        <SimpleShowLayout>
            <RelationField source="target" reference="targets" />
            <TextField source="target.uscc" label="resources.targets.fields.uscc" />
            <SelectField source="kind" choices={creditEventKindChoices} />
            <SelectField source="resultCode" choices={resultCodeChoices} emptyText="—" />
            <BooleanField source="active" />
            <TextField source="note" emptyText="—" />
            <RelationField source="itemResult" reference="itemResults" emptyText="app.field.none" />
            <CalendarDayField source="effectiveFrom" />
            <CalendarDayField source="effectiveTo" emptyText="—" />
            <DateTimeField source="repairedAt" emptyText="—" />
            <TextField source="repairReason" emptyText="—" />
            <DateTimeField source="createdAt" />
        </SimpleShowLayout>
    </Show>
);

export default CreditEventShow;
