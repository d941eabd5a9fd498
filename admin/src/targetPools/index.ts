// Resource definition for `targetPools` (staff only), spread into <Resource> by App.tsx.
import TargetPoolIcon from '@mui/icons-material/Inventory2';
import { lazy } from 'react';

const resource = {
    list: lazy(() => import('./TargetPoolList')),
    show: lazy(() => import('./TargetPoolShow')),
    create: lazy(() => import('./TargetPoolCreate')),
    edit: lazy(() => import('./TargetPoolEdit')),
    icon: TargetPoolIcon,
    recordRepresentation: 'name',
};

export default resource;
