// The auth scopes every root field declares (docs/SECURITY.md lists who may use what). Computed from the actor
// alone: no database access, so checking them is free.
import type { Actor } from './actor.ts';

export const PARTNER_SCOPES = ['registers:read', 'results:read', 'reports:read', 'targets:import'] as const;
export type PartnerScope = (typeof PARTNER_SCOPES)[number];

export interface AuthScopes {
  /** anyone, signed in or not (login, public probes) */
  public: boolean;
  /** a console user or an API key */
  authenticated: boolean;
  /** a console user */
  user: boolean;
  office: boolean;
  departmentAdmin: boolean;
  inspector: boolean;
  analyst: boolean;
  /** office, department admins and inspectors */
  staff: boolean;
  /** staff and analysts */
  reader: boolean;
  /** a user flagged as the head of a department (approves corrections) */
  departmentHead: boolean;
  /** an API key holding this scope */
  partner: PartnerScope;
}

export function scopesFor(actor: Actor) {
  const role = actor.kind === 'user' ? actor.role : null;
  const office = role === 'OFFICE_ADMIN';
  const departmentAdmin = role === 'DEPARTMENT_ADMIN';
  const inspector = role === 'INSPECTOR';
  const analyst = role === 'ANALYST';
  const staff = office || departmentAdmin || inspector;
  return {
    public: true,
    authenticated: actor.kind !== 'anonymous',
    user: actor.kind === 'user',
    office,
    departmentAdmin,
    inspector,
    analyst,
    staff,
    reader: staff || analyst,
    departmentHead: actor.kind === 'user' && actor.isDepartmentHead,
    partner: (scope: PartnerScope) => actor.kind === 'apiKey' && actor.scopes.includes(scope),
  };
}
