// Resource definition for `departments`, spread into <Resource> by App.tsx.
import DepartmentIcon from '@mui/icons-material/AccountBalance';
import { lazy } from 'react';

const resource = {
    // Views load on first visit (Layout's Suspense shows a spinner), keeping them out of the initial bundle.
    list: lazy(() => import('./DepartmentList')),
    show: lazy(() => import('./DepartmentShow')),
    icon: DepartmentIcon,
    recordRepresentation: 'shortName',
};

export default resource;
