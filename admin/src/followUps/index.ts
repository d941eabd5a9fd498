// Resource definition for `followUps`, spread into <Resource> by App.tsx.
import FollowUpIcon from '@mui/icons-material/TaskAlt';
import { lazy } from 'react';

const resource = {
    list: lazy(() => import('./FollowUpList')),
    show: lazy(() => import('./FollowUpShow')),
    create: lazy(() => import('./FollowUpCreate')),
    icon: FollowUpIcon,
    recordRepresentation: (record: { id: string; target?: { name: string } }) => record.target?.name ?? String(record.id).slice(0, 8),
};

export default resource;
