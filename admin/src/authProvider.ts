// PLACEHOLDER: lets everyone in and checks nothing. It exists so the shell has the authProvider seam;
// the access-control work replaces this file with the real one (session cookie login against the
// GraphQL API, identity, per-role canAccess, and checkError reacting to 401/403 from the data provider).
import type { AuthProvider } from 'react-admin';

export const authProvider: AuthProvider = {
    login: () => Promise.resolve(),
    logout: () => Promise.resolve(),
    checkAuth: () => Promise.resolve(),
    checkError: () => Promise.resolve(),
    getPermissions: () => Promise.resolve(undefined),
};
