// Resource definition for `users` (office and department admins), spread into <Resource> by App.tsx.
// No edit view: the only change the API allows is activating or deactivating (ToggleActiveButton).
import UserIcon from '@mui/icons-material/ManageAccounts';
import { lazy } from 'react';

const resource = {
    list: lazy(() => import('./UserList')),
    show: lazy(() => import('./UserShow')),
    create: lazy(() => import('./UserCreate')),
    icon: UserIcon,
    recordRepresentation: (record: { username: string; displayName: string }) => `${record.displayName}（${record.username}）`,
};

export default resource;
