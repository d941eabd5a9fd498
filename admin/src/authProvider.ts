// react-admin AuthProvider on the API's session cookie.
// login → `login` mutation (the server sets an HttpOnly cookie the console never sees); identity and
// permissions → `me`; logout → `logout`. A 401 (UNAUTHENTICATED: no or expired session) sends the user to the
// login page; a 403 (FORBIDDEN: signed in but not allowed) stays a notification, the session is kept.
// canAccess answers from the role matrix in auth/access.ts, which mirrors docs/SECURITY.md.
import type { AuthProvider } from 'react-admin';

import { canUse, type Role } from './auth/access';
import { forgetActor, loadActor } from './auth/actor';
import { graphql } from './dataProvider/graphql';

const LOGIN = `mutation login($username: String!, $password: String!) {
  login(username: $username, password: $password) { expiresAt }
}`;
const LOGOUT = `mutation logout { logout }`;

export interface Permissions {
    role: Role;
    departmentId: string | null;
    isDepartmentHead: boolean;
}

export const authProvider: AuthProvider = {
    async login({ username, password }: { username: string; password: string }) {
        forgetActor();
        // A refusal throws an HttpError whose message is already in the console's language.
        await graphql(LOGIN, { username: String(username ?? '').trim(), password: String(password ?? '') });
        const actor = await loadActor();
        if (!actor) throw new Error('app.auth.no_console_access');
    },

    async logout() {
        forgetActor();
        try {
            await graphql(LOGOUT);
        } catch {
            // Already signed out (expired or revoked session): nothing left to end.
        }
    },

    async checkAuth() {
        const actor = await loadActor().catch(() => null);
        // `message: false`: landing on the login page needs no "please sign in" notification.
        if (!actor) throw { message: false };
    },

    async checkError(error: { status?: number; message?: string; body?: { operation?: string } }) {
        if (error?.status === 401) {
            // react-admin then calls logout() (which forgets the actor); the actor is kept until then because
            // react-admin shows the "session ended" notice only while checkAuth still passes.
            throw { message: 'ra.notification.logged_out' };
        }
        if (error?.status === 403 && error.body?.operation !== 'mutation') {
            // A read refused to a signed-in user (a row of another department): react-admin shows the server's
            // message as a notification and keeps the session (`logoutUser: false`). A refused mutation is left
            // to its form or button, which shows the message (react-admin would otherwise report a success).
            throw { logoutUser: false, message: error.message || 'ra.notification.not_authorized' };
        }
        // Everything else: the view that asked shows the (translated) error.
    },

    async getIdentity() {
        const actor = await loadActor();
        if (!actor) throw new Error('ra.auth.auth_check_error');
        return {
            id: actor.id,
            fullName: actor.displayName,
            username: actor.username,
            role: actor.role,
            department: actor.department,
            isDepartmentHead: actor.isDepartmentHead,
        };
    },

    async getPermissions(): Promise<Permissions | undefined> {
        const actor = await loadActor().catch(() => null);
        if (!actor) return undefined;
        return { role: actor.role, departmentId: actor.department?.id ?? null, isDepartmentHead: actor.isDepartmentHead };
    },

    async canAccess({ resource, action }) {
        const actor = await loadActor().catch(() => null);
        return canUse(actor?.role, resource, action);
    },
};
