// Resource definition for `inspectorAssignments`, spread into <Resource> by App.tsx.
import AssignmentIcon from '@mui/icons-material/AssignmentInd';
import { lazy } from 'react';

const resource = {
    list: lazy(() => import('./InspectorAssignmentList')),
    show: lazy(() => import('./InspectorAssignmentShow')),
    icon: AssignmentIcon,
    recordRepresentation: (record: { inspector?: { name: string }; target?: { name: string } }) =>
        `${record.inspector?.name ?? ''} → ${record.target?.name ?? ''}`,
};

export default resource;
