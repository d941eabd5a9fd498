// Resource definition for `inspectors`, spread into <Resource> by App.tsx.
import InspectorIcon from '@mui/icons-material/Badge';
import { lazy } from 'react';

const resource = {
    list: lazy(() => import('./InspectorList')),
    show: lazy(() => import('./InspectorShow')),
    create: lazy(() => import('./InspectorCreate')),
    edit: lazy(() => import('./InspectorEdit')),
    icon: InspectorIcon,
    recordRepresentation: 'name',
};

export default resource;
