// One draw: the draw panel (the steps still open, the browser's verification of the evidence, lock or void), its
// fairness evidence (commitment, candidate hash, public input, seed, result hash) and the selected targets in
// stratum and rank order.
import { Alert } from '@mui/material';
import { ArrayField, BooleanField, Datagrid, NumberField, SelectField, Show, TabbedShowLayout, TextField, useRecordContext, useRefresh, useTranslate } from 'react-admin';

import { drawKindChoices, drawStatusChoices, riskClassChoices } from '../shared/choices';
import { DateTimeField, HashField, JsonField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';
import { DrawPanel } from './DrawPanel';

/** The API returns at most 100 selected targets per request (draw.targets(first, offset)). */
const SHOWN_TARGETS = 100;

/** The guided steps for this draw; the page's fields are read again after a step. */
const Steps = () => {
    const record = useRecordContext();
    const refresh = useRefresh();
    return record?.id ? <DrawPanel key={String(record.id)} drawId={String(record.id)} onChange={refresh} /> : null;
};

const DrawShow = () => {
    const translate = useTranslate();
    return (
        <Show>
            <Steps />
            <TabbedShowLayout>
                <TabbedShowLayout.Tab label="resources.draws.name">
                    <RelationField source="task" reference="tasks" />
                    <SelectField source="kind" choices={drawKindChoices} />
                    <SelectField source="status" choices={drawStatusChoices} />
                    <TextField source="algorithm" />
                    <BooleanField source="stratified" />
                    <NumberField source="candidateCount" />
                    <NumberField source="targetCount" />
                    <NumberField source="selectedCount" emptyText="—" />
                    <DateTimeField source="committedAt" />
                    <DateTimeField source="revealedAt" emptyText="—" />
                    <DateTimeField source="lockedAt" emptyText="—" />
                    <DateTimeField source="voidedAt" emptyText="—" />
                    <TextField source="voidReason" emptyText="—" />
                    <RelationField source="targetDraw" reference="draws" emptyText="app.field.none" />
                </TabbedShowLayout.Tab>
                <TabbedShowLayout.Tab label="resources.draws.fields.commitment" path="evidence">
                    <HashField source="commitment" />
                    <HashField source="candidateHash" />
                    <TextField source="publicInputSource" />
                    <HashField source="publicInput" />
                    <HashField source="serverSeed" />
                    <HashField source="seed" />
                    <HashField source="resultHash" />
                    <JsonField source="params" />
                </TabbedShowLayout.Tab>
                <TabbedShowLayout.Tab label="resources.draws.fields.targets" path="targets">
                    <Alert severity="info">{translate('app.field.first_rows', { count: SHOWN_TARGETS })}</Alert>
                    <ArrayField source="targets" label={false}>
                        <Datagrid bulkActionButtons={false} rowClick={false}>
                            <TextField source="stratum" label="resources.draws.target.stratum" />
                            <NumberField source="rank" label="resources.draws.target.rank" />
                            <RelationField source="target" reference="targets" label="resources.draws.target.target" />
                            <TextField source="uscc" label="resources.draws.target.uscc" sx={{ fontFamily: 'monospace' }} />
                            <SelectField source="target.riskClass" choices={riskClassChoices} label="resources.targets.fields.riskClass" />
                            <HashField source="ticket" label="resources.draws.target.ticket" />
                        </Datagrid>
                    </ArrayField>
                </TabbedShowLayout.Tab>
            </TabbedShowLayout>
        </Show>
    );
};

export default DrawShow;
