// Resource definition for `auditEvents` (office only), spread into <Resource> by App.tsx.
// No show view: the API has no by-id audit query; rows expand in the list instead.
import AuditIcon from '@mui/icons-material/History';
import { lazy } from 'react';

const resource = {
    list: lazy(() => import('./AuditEventList')),
    icon: AuditIcon,
    recordRepresentation: (record: { operation: string; at: string }) => `${record.operation} ${record.at}`,
};

export default resource;
