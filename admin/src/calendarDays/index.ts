// Resource definition for `calendarDays` (the working-day calendar), spread into <Resource> by App.tsx.
// Its list is the year view; a day has nothing more to show.
import CalendarIcon from '@mui/icons-material/CalendarMonth';
import { lazy } from 'react';

const resource = {
    list: lazy(() => import('./CalendarDayList')),
    icon: CalendarIcon,
    recordRepresentation: (record: { date: string; name: string }) => `${record.date} ${record.name}`,
};

export default resource;
