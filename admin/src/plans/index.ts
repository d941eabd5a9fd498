// Resource definition for `plans`, spread into <Resource> by App.tsx.
import PlanIcon from '@mui/icons-material/EventNote';
import { lazy } from 'react';

const resource = {
    list: lazy(() => import('./PlanList')),
    show: lazy(() => import('./PlanShow')),
    create: lazy(() => import('./PlanCreate')),
    edit: lazy(() => import('./PlanEdit')),
    icon: PlanIcon,
    recordRepresentation: 'name',
};

export default resource;
