// Resource definition for `recusals` (staff only), spread into <Resource> by App.tsx.
import RecusalIcon from '@mui/icons-material/PersonOff';
import { lazy } from 'react';

const resource = {
    list: lazy(() => import('./RecusalList')),
    show: lazy(() => import('./RecusalShow')),
    create: lazy(() => import('./RecusalCreate')),
    icon: RecusalIcon,
    recordRepresentation: (record: { inspector?: { name: string }; target?: { name: string } }) =>
        `${record.inspector?.name ?? ''} ↔ ${record.target?.name ?? ''}`,
};

export default resource;
