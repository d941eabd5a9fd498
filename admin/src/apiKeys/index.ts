// Resource definition for `apiKeys` (office only), spread into <Resource> by App.tsx.
// No edit view: a key is never changed, only revoked (RevokeButton on the show page).
import ApiKeyIcon from '@mui/icons-material/Key';
import { lazy } from 'react';

const resource = {
    list: lazy(() => import('./ApiKeyList')),
    show: lazy(() => import('./ApiKeyShow')),
    create: lazy(() => import('./ApiKeyCreate')),
    icon: ApiKeyIcon,
    recordRepresentation: (record: { name: string; prefix: string }) => `${record.name}（${record.prefix}）`,
};

export default resource;
