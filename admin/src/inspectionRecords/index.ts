// Resource definition for `inspectionRecords`, spread into <Resource> by App.tsx.
import RecordIcon from '@mui/icons-material/Assignment';
import { lazy } from 'react';

const resource = {
    list: lazy(() => import('./InspectionRecordList')),
    show: lazy(() => import('./InspectionRecordShow')),
    icon: RecordIcon,
    recordRepresentation: (record: { id: string; target?: { name: string }; task?: { code: string } }) =>
        record.target ? `${record.task?.code ?? ''} ${record.target.name}`.trim() : String(record.id).slice(0, 8),
};

export default resource;
