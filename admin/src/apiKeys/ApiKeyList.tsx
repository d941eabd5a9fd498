// API 密钥: partner systems' keys (office only). Only the prefix is ever shown after creation.
import { Datagrid, List, NullableBooleanInput, SearchInput, TextField } from 'react-admin';

import { makeExporter } from '../shared/exporter';
import { DateTimeField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';
import { ScopesField } from './ScopesField';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <NullableBooleanInput key="revoked" source="revoked" alwaysOn />];

const ApiKeyList = () => (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} exporter={makeExporter()}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="name" />
            <TextField source="prefix" sx={{ fontFamily: 'monospace' }} />
            <ScopesField label="resources.apiKeys.fields.scopes" sortable={false} />
            <RelationField source="department" reference="departments" sortable={false} />
            <DateTimeField source="createdAt" />
            <DateTimeField source="expiresAt" />
            <DateTimeField source="lastUsedAt" />
            <DateTimeField source="revokedAt" />
        </Datagrid>
    </List>
);

export default ApiKeyList;
