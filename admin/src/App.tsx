// The admin console shell: providers, locale, and one <Resource> per resource folder.
import { Admin, Resource } from 'react-admin';

import { authProvider } from './authProvider';
import { graphqlDataProvider } from './dataProvider/graphqlDataProvider';
import departments from './departments';
import { i18nProvider } from './i18n/i18nProvider';
import targets from './targets';
import tasks from './tasks';

const App = () => (
    <Admin
        title="双随机、一公开 联合监管平台"
        dataProvider={graphqlDataProvider}
        authProvider={authProvider}
        i18nProvider={i18nProvider}
        disableTelemetry
    >
        <Resource name="tasks" {...tasks} />
        <Resource name="targets" {...targets} />
        <Resource name="departments" {...departments} />
    </Admin>
);

export default App;
