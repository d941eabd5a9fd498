// One API key (never its secret), with the revoke button.
import { Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';

import { DateTimeField } from '../shared/fields';
import { RelationField } from '../shared/RelationField';
import { RevokeButton } from './RevokeButton';
import { ScopesField } from './ScopesField';

const ApiKeyShow = () => (
    <Show actions={<TopToolbar><RevokeButton /></TopToolbar>}>
        <SimpleShowLayout>
            <TextField source="name" />
            <TextField source="prefix" sx={{ fontFamily: 'monospace' }} />
            <ScopesField label="resources.apiKeys.fields.scopes" />
            <RelationField source="department" reference="departments" emptyText="app.field.none" />
            <DateTimeField source="createdAt" />
            <DateTimeField source="expiresAt" emptyText="—" />
            <DateTimeField source="lastUsedAt" emptyText="—" />
            <DateTimeField source="revokedAt" emptyText="—" />
        </SimpleShowLayout>
    </Show>
);

export default ApiKeyShow;
