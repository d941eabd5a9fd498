// Resource definition for `targets`, spread into <Resource> by App.tsx.
import TargetIcon from '@mui/icons-material/Storefront';
import { lazy } from 'react';

const resource = {
    // Views load on first visit (Layout's Suspense shows a spinner), keeping them out of the initial bundle.
    list: lazy(() => import('./TargetList')),
    show: lazy(() => import('./TargetShow')),
    create: lazy(() => import('./TargetCreate')),
    edit: lazy(() => import('./TargetEdit')),
    icon: TargetIcon,
    recordRepresentation: 'name',
};

export default resource;
