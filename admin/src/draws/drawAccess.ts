// Who may run a draw's steps (commit, reveal, lock, void): the office, or an admin of the task's lead department
// (docs/SECURITY.md "Draws"). The server decides in the end; the console only hides what it would refuse.
import { usePermissions } from 'react-admin';

import type { Permissions } from '../authProvider';

export function mayRunDraw(permissions: Permissions | undefined, leadDepartmentId: string | undefined): boolean {
    if (!permissions) return false;
    if (permissions.role === 'OFFICE_ADMIN') return true;
    return permissions.role === 'DEPARTMENT_ADMIN' && !!leadDepartmentId && permissions.departmentId === leadDepartmentId;
}

export const useMayRunDraw = (leadDepartmentId: string | undefined): boolean => {
    const { permissions } = usePermissions<Permissions | undefined>();
    return mayRunDraw(permissions, leadDepartmentId);
};

/** The server's refusal as shown to the reader: its bilingual message, and NO_ELIGIBLE_INSPECTOR's target and department. */
export interface DrawError {
    message: string;
    reason?: string;
    uscc?: string;
    department?: string;
}

export function drawErrorOf(error: unknown): DrawError {
    const e = error as { message?: string; body?: { graphQLErrors?: { extensions?: Record<string, unknown> }[] } };
    const ext = e?.body?.graphQLErrors?.[0]?.extensions ?? {};
    return {
        message: e?.message ?? String(error),
        reason: typeof ext.reason === 'string' ? ext.reason : undefined,
        uscc: typeof ext.uscc === 'string' ? ext.uscc : undefined,
        department: typeof ext.department === 'string' ? ext.department : undefined,
    };
}
