// Resource definition for `itemLists`, spread into <Resource> by App.tsx.
import ItemListIcon from '@mui/icons-material/LibraryBooks';
import { lazy } from 'react';

const resource = {
    list: lazy(() => import('./ItemListList')),
    show: lazy(() => import('./ItemListShow')),
    create: lazy(() => import('./ItemListCreate')),
    icon: ItemListIcon,
    recordRepresentation: (record: { name: string; version: number }) => `${record.name}（v${record.version}）`,
};

export default resource;
