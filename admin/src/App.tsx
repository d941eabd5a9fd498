// The admin console: providers, layout, sign-in page, work-queue dashboard, and one <Resource> per resource
// folder (the order here is irrelevant: the menu groups them, layout/AppMenu.tsx). Every view is loaded
// lazily, so the first load carries only the shell.
import { lazy } from 'react';
import { Admin, CustomRoutes, reactRouterProvider, Resource } from 'react-admin';

import apiKeys from './apiKeys';
import auditEvents from './auditEvents';
import LoginPage from './auth/LoginPage';
import { authProvider } from './authProvider';
import calendarDays from './calendarDays';
import checkItems from './checkItems';
import corrections from './corrections';
import creditEvents from './creditEvents';
import { graphqlDataProvider } from './dataProvider/graphqlDataProvider';
import departments from './departments';
import draws from './draws';
import followUps from './followUps';
import { i18nProvider } from './i18n/i18nProvider';
import inspectionRecords from './inspectionRecords';
import inspectorAssignments from './inspectorAssignments';
import inspectorPools from './inspectorPools';
import inspectors from './inspectors';
import itemLists from './itemLists';
import itemResults from './itemResults';
import { Layout } from './layout/Layout';
import plans from './plans';
import publications from './publications';
import recusals from './recusals';
import targetPools from './targetPools';
import targets from './targets';
import tasks from './tasks';
import users from './users';

const Dashboard = lazy(() => import('./dashboard/Dashboard'));
// Pages that are not a resource view: the guided draw of a task, bulk imports (each its own lazy chunk).
const DrawScreen = lazy(() => import('./draws/DrawScreen'));
const ImportPage = lazy(() => import('./imports/ImportPage'));
// The record form and a task's records (records/), each its own lazy chunk.
const RecordScreen = lazy(() => import('./records/RecordScreen'));
const TaskRecords = lazy(() => import('./records/TaskRecords'));
// The quarterly report (reports/): its own chunk, so recharts is not in the first load.
const ReportPage = lazy(() => import('./reports/ReportPage'));
const { Route } = reactRouterProvider;

type Representation = string | ((record: never) => string) | undefined;

/**
 * A refused read (403) leaves react-admin with an empty record (authProvider.checkError): its title must not
 * read "undefined". String representations already fall back to nothing.
 */
const guarded = (representation: Representation) =>
    typeof representation === 'function'
        ? (record: { id?: unknown } | undefined) => (record?.id == null ? '' : (representation as (r: unknown) => string)(record))
        : representation;

const resources = {
    departments,
    checkItems,
    itemLists,
    targetPools,
    targets,
    inspectorPools,
    inspectors,
    recusals,
    plans,
    tasks,
    draws,
    inspectorAssignments,
    inspectionRecords,
    itemResults,
    publications,
    corrections,
    creditEvents,
    followUps,
    calendarDays,
    users,
    apiKeys,
    auditEvents,
};

const App = () => (
    <Admin
        title="app.title"
        dataProvider={graphqlDataProvider}
        authProvider={authProvider}
        i18nProvider={i18nProvider}
        loginPage={LoginPage}
        layout={Layout}
        dashboard={Dashboard}
        requireAuth
        disableTelemetry
    >
        {Object.entries(resources).map(([name, definition]) => (
            <Resource key={name} name={name} {...definition} recordRepresentation={guarded(definition.recordRepresentation)} />
        ))}
        <CustomRoutes>
            <Route path="/tasks/:id/draw" element={<DrawScreen />} />
            <Route path="/imports" element={<ImportPage />} />
            <Route path="/tasks/:id/records" element={<TaskRecords />} />
            <Route path="/tasks/:taskId/records/:targetId" element={<RecordScreen />} />
            <Route path="/reports" element={<ReportPage />} />
        </CustomRoutes>
    </Admin>
);

export default App;
