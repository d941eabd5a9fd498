// Resource definition for `itemResults`, spread into <Resource> by App.tsx.
import ItemResultIcon from '@mui/icons-material/Rule';
import { lazy } from 'react';

const resource = {
    list: lazy(() => import('./ItemResultList')),
    show: lazy(() => import('./ItemResultShow')),
    icon: ItemResultIcon,
    recordRepresentation: (record: { id: string; code?: number; checkItem?: { name: string } }) =>
        record.checkItem ? `${record.checkItem.name}：${record.code}` : String(record.code ?? String(record.id).slice(0, 8)),
};

export default resource;
