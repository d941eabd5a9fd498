// English labels of the system screens; keys must match zh-CN/system.ts.
import type zhSystem from '../zh-CN/system';
import type { SameKeys } from '../shape';

const enSystem: SameKeys<typeof zhSystem> = {
    calendarDays: {
        name: 'Working-day calendar',
        fields: { id: 'Date', date: 'Date', kind: 'Kind', name: 'Holiday', year: 'Year' },
    },
    users: {
        name: 'User |||| Users',
        fields: {
            id: 'ID',
            q: 'Search username or name',
            username: 'Username',
            displayName: 'Name',
            password: 'Initial password',
            role: 'Role',
            isDepartmentHead: 'Department head (approves corrections)',
            active: 'Active',
            lastLoginAt: 'Last sign-in',
            department: 'Department',
            departmentId: 'Department',
            inspector: 'Inspector record',
            inspectorId: 'Inspector record',
            createdAt: 'Created',
        },
    },
    apiKeys: {
        name: 'API key |||| API keys',
        fields: {
            id: 'ID',
            q: 'Search name or prefix',
            name: 'Name (partner system)',
            prefix: 'Prefix',
            scopes: 'Scopes',
            department: 'Bound department',
            departmentId: 'Bound department',
            expiresAt: 'Expires',
            revokedAt: 'Revoked',
            revoked: 'Revoked',
            lastUsedAt: 'Last used',
            key: 'Key',
            createdAt: 'Created',
        },
    },
    auditEvents: {
        name: 'Audit log',
        fields: {
            id: 'ID',
            q: 'Search operation or entity',
            at: 'Time',
            actorKind: 'Actor kind',
            actorId: 'Actor',
            role: 'Role',
            departmentId: 'Department',
            operation: 'Operation',
            entity: 'Entity',
            entityId: 'Entity ID',
            requestId: 'Request ID',
            before: 'Before',
            after: 'After',
            hash: 'Hash',
            prevHash: 'Previous hash',
            from: 'From',
            to: 'To',
        },
    },
};

export default enSystem;
