// Who is signed in, as the API's `me` query tells it. Kept in memory for the page's life and reloaded after
// login, logout or a 401, so role-aware menus and selections never ask twice per navigation.
import { graphql } from '../dataProvider/graphql';
import type { Role } from './access';

export interface Actor {
    id: string;
    username: string;
    displayName: string;
    role: Role;
    isDepartmentHead: boolean;
    department: { id: string; name: string; shortName: string } | null;
}

interface MeResult {
    me: {
        kind: string;
        id: string | null;
        role: Role | null;
        isDepartmentHead: boolean;
        user: { username: string; displayName: string } | null;
        department: { id: string; name: string; shortName: string } | null;
    } | null;
}

const ME = `query me {
  me { kind id role isDepartmentHead user { username displayName } department { id name shortName } }
}`;

let current: Actor | null = null;
let pending: Promise<Actor | null> | null = null;

/** The actor already known (null before the first load or when signed out). */
export const currentActor = (): Actor | null => current;

/** Asks `me` once, then answers from memory until `forgetActor()`. */
export function loadActor(): Promise<Actor | null> {
    if (current) return Promise.resolve(current);
    if (!pending) {
        pending = graphql<MeResult>(ME)
            .then(({ me }) => {
                // Only console users sign in here; an API key's caller (kind apiKey) has no console.
                current =
                    me && me.kind === 'user' && me.id && me.role && me.user
                        ? {
                              id: me.id,
                              username: me.user.username,
                              displayName: me.user.displayName,
                              role: me.role,
                              isDepartmentHead: me.isDepartmentHead,
                              department: me.department,
                          }
                        : null;
                return current;
            })
            .finally(() => {
                pending = null;
            });
    }
    return pending;
}

export function forgetActor(): void {
    current = null;
    pending = null;
}
