// 审计日志 (office only): every change, newest first, append-only and hash-chained. A row expands to the
// before/after values and the hashes; "verify" recomputes the whole chain on the server.
import { Box, Grid } from '@mui/material';
import { Datagrid, DateTimeInput, ExportButton, FilterButton, Labeled, List, SearchInput, SelectField, TextField, TextInput, TopToolbar } from 'react-admin';

import { roleChoices } from '../shared/choices';
import { makeExporter } from '../shared/exporter';
import { DateTimeField, HashField, JsonField } from '../shared/fields';
import { VerifyChainButton } from './VerifyChainButton';

const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <TextInput key="entity" source="entity" alwaysOn />,
    <TextInput key="operation" source="operation" />,
    <TextInput key="entityId" source="entityId" />,
    <TextInput key="actorId" source="actorId" />,
    <TextInput key="requestId" source="requestId" />,
    <DateTimeInput key="from" source="from" />,
    <DateTimeInput key="to" source="to" />,
];

const Actions = () => (
    <TopToolbar>
        <FilterButton />
        <ExportButton />
        <VerifyChainButton />
    </TopToolbar>
);

const EventDetail = () => (
    <Box sx={{ py: 1 }}>
        <Grid container spacing={2}>
            <Grid size={{ xs: 12, md: 6 }}>
                <Labeled label="resources.auditEvents.fields.before">
                    <JsonField source="before" />
                </Labeled>
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
                <Labeled label="resources.auditEvents.fields.after">
                    <JsonField source="after" />
                </Labeled>
            </Grid>
            <Grid size={12}>
                <Labeled label="resources.auditEvents.fields.prevHash">
                    <HashField source="prevHash" />
                </Labeled>
            </Grid>
            <Grid size={12}>
                <Labeled label="resources.auditEvents.fields.hash">
                    <HashField source="hash" />
                </Labeled>
            </Grid>
        </Grid>
    </Box>
);

const exporter = makeExporter({ enums: { role: 'Role' }, omit: ['before', 'after'] });

// The API lists audit events newest first and takes no sort argument: no column is sortable.
const AuditEventList = () => (
    <List filters={filters} actions={<Actions />} perPage={25} exporter={exporter} sort={{ field: 'at', order: 'DESC' }}>
        <Datagrid bulkActionButtons={false} rowClick="expand" expand={<EventDetail />}>
            <DateTimeField source="at" sortable={false} />
            <TextField source="operation" sortable={false} />
            <TextField source="entity" sortable={false} />
            <TextField source="entityId" sortable={false} />
            <TextField source="actorKind" sortable={false} />
            <TextField source="actorId" sortable={false} />
            <SelectField source="role" choices={roleChoices} sortable={false} />
            <TextField source="requestId" sortable={false} />
        </Datagrid>
    </List>
);

export default AuditEventList;
