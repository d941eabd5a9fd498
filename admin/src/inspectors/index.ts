// Resource definition for `inspectors`, spread into <Resource> by App.tsx.
import InspectorIcon from '@mui/icons-material/Badge';
import { lazy } from 'react';

const resource = {
    list: lazy(() => import('./InspectorList')),
    show: lazy(() => import('./InspectorShow')),
    icon: InspectorIcon,
    recordRepresentation: 'name',
};

export default resource;
