// Resource definition for `tasks`, spread into <Resource> by App.tsx.
import TaskIcon from '@mui/icons-material/FactCheck';
import { lazy } from 'react';

const resource = {
    // Views load on first visit (Layout's Suspense shows a spinner), keeping them out of the initial bundle.
    list: lazy(() => import('./TaskList')),
    show: lazy(() => import('./TaskShow')),
    create: lazy(() => import('./TaskCreate')),
    edit: lazy(() => import('./TaskEdit')),
    icon: TaskIcon,
    recordRepresentation: (record: { code: string; name: string }) => `${record.code} ${record.name}`,
};

export default resource;
