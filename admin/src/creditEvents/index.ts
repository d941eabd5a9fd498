// Resource definition for `creditEvents`, spread into <Resource> by App.tsx.
import CreditIcon from '@mui/icons-material/CreditScore';
import { lazy } from 'react';

const resource = {
    list: lazy(() => import('./CreditEventList')),
    show: lazy(() => import('./CreditEventShow')),
    icon: CreditIcon,
    recordRepresentation: (record: { id: string; target?: { name: string }; effectiveFrom?: string }) =>
        record.target ? `${record.target.name} ${record.effectiveFrom ?? ''}`.trim() : String(record.id).slice(0, 8),
};

export default resource;
