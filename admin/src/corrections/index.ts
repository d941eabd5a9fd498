// Resource definition for `corrections`, spread into <Resource> by App.tsx.
import CorrectionIcon from '@mui/icons-material/EditNote';
import { lazy } from 'react';

const resource = {
    list: lazy(() => import('./CorrectionList')),
    show: lazy(() => import('./CorrectionShow')),
    icon: CorrectionIcon,
    recordRepresentation: (record: { id: string; requestedAt?: string }) => record.requestedAt?.slice(0, 10) ?? String(record.id).slice(0, 8),
};

export default resource;
