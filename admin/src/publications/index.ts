// Resource definition for `publications`, spread into <Resource> by App.tsx.
import PublicationIcon from '@mui/icons-material/Campaign';
import { lazy } from 'react';

const resource = {
    list: lazy(() => import('./PublicationList')),
    show: lazy(() => import('./PublicationShow')),
    icon: PublicationIcon,
    recordRepresentation: (record: { id: string; publishedAt?: string; department?: { shortName: string } }) =>
        record.publishedAt ? `${record.department?.shortName ?? ''} ${record.publishedAt.slice(0, 10)}`.trim() : String(record.id).slice(0, 8),
};

export default resource;
