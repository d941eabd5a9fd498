// Resource definition for `draws`, spread into <Resource> by App.tsx.
import DrawIcon from '@mui/icons-material/Casino';
import { lazy } from 'react';

const resource = {
    list: lazy(() => import('./DrawList')),
    show: lazy(() => import('./DrawShow')),
    icon: DrawIcon,
    // A task code and commit date when the row has them; a nested `{ id }` alone reads as the id's start.
    recordRepresentation: (record: { id: string; task?: { code: string }; committedAt?: string }) =>
        record.task ? `${record.task.code} ${record.committedAt?.slice(0, 10) ?? ''}`.trim() : String(record.id).slice(0, 8),
};

export default resource;
