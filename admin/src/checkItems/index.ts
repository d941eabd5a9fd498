// Resource definition for `checkItems`, spread into <Resource> by App.tsx.
import CheckItemIcon from '@mui/icons-material/Checklist';
import { lazy } from 'react';

const resource = {
    list: lazy(() => import('./CheckItemList')),
    show: lazy(() => import('./CheckItemShow')),
    create: lazy(() => import('./CheckItemCreate')),
    edit: lazy(() => import('./CheckItemEdit')),
    icon: CheckItemIcon,
    recordRepresentation: (record: { code: string; name: string }) => `${record.code} ${record.name}`,
};

export default resource;
