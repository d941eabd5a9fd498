// Resource definition for `inspectorPools` (staff only), spread into <Resource> by App.tsx.
import InspectorPoolIcon from '@mui/icons-material/Groups';
import { lazy } from 'react';

const resource = {
    list: lazy(() => import('./InspectorPoolList')),
    show: lazy(() => import('./InspectorPoolShow')),
    create: lazy(() => import('./InspectorPoolCreate')),
    icon: InspectorPoolIcon,
    recordRepresentation: 'name',
};

export default resource;
