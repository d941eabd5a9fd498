// Row-level visibility: which rows of each model an actor may see. The one place these rules live; lists AND
// them into their where clause (lists filter), single reads check them (single reads refuse), and nested
// relations that could leak another department's rows use them in their relation query.
//
// Summary (docs/SECURITY.md has the full table):
// - the office sees everything;
// - department admins and inspectors see their own department's pools, inspectors and recusals, the tasks their
//   department leads or joins (and those tasks' draws, teams and records), their own department's results,
//   and every published result;
// - analysts see everything published and every task, draw and record, but no unpublished results, no pools,
//   no recusals, and of inspectors only names (field-level rule in the Inspector type);
// - partner keys see what their scopes name: registers:read (departments, items, plans, targets),
//   results:read (draws, publications, published results, credit events).
import type { Actor } from './actor.ts';

type Where = Record<string, unknown>;
export const NOTHING: Where = { id: { in: [] } };

const role = (a: Actor) => (a.kind === 'user' ? a.role : a.kind === 'apiKey' ? 'PARTNER' : null);
const isOffice = (a: Actor) => role(a) === 'OFFICE_ADMIN';
const isDeptStaff = (a: Actor) => (role(a) === 'DEPARTMENT_ADMIN' || role(a) === 'INSPECTOR') && !!a.departmentId;
const isAnalyst = (a: Actor) => role(a) === 'ANALYST';
const partnerHas = (a: Actor, scope: string) => a.kind === 'apiKey' && a.scopes.includes(scope);

/** Tasks the actor's department leads or joins. */
const ownTasks = (a: Actor): Where => ({ participants: { some: { departmentId: a.departmentId } } });

export type VisibleModel =
  | 'Department'
  | 'CheckItem'
  | 'ItemList'
  | 'Plan'
  | 'TargetPool'
  | 'Target'
  | 'InspectorPool'
  | 'Inspector'
  | 'Recusal'
  | 'Task'
  | 'Draw'
  | 'InspectorAssignment'
  | 'InspectionRecord'
  | 'ItemResult'
  | 'Publication'
  | 'Correction'
  | 'CreditEvent'
  | 'FollowUp'
  | 'AuditEvent'
  | 'User'
  | 'ApiKey'
  | 'ImportJob';

/** undefined = no restriction; NOTHING = no rows. */
export function visibleWhere(model: VisibleModel, a: Actor): Where | undefined {
  if (isOffice(a)) return undefined;
  const staff = isDeptStaff(a);
  switch (model) {
    case 'Department':
    case 'CheckItem':
    case 'ItemList':
      return a.kind === 'anonymous' ? NOTHING : undefined;
    case 'Plan':
      if (staff) return { OR: [{ status: 'PUBLISHED' }, { departmentId: a.departmentId }, { participants: { some: { departmentId: a.departmentId } } }] };
      return isAnalyst(a) || partnerHas(a, 'registers:read') ? { status: { in: ['PUBLISHED', 'SUPERSEDED'] } } : NOTHING;
    case 'TargetPool':
    case 'InspectorPool':
      return staff ? { departmentId: a.departmentId } : NOTHING;
    case 'Target':
      if (staff)
        return {
          OR: [
            { pools: { some: { pool: { departmentId: a.departmentId } } } },
            { drawTargets: { some: { draw: { task: ownTasks(a) } } } },
          ],
        };
      return isAnalyst(a) || partnerHas(a, 'registers:read') ? undefined : NOTHING;
    case 'Inspector':
      if (staff) return { departmentId: a.departmentId };
      return isAnalyst(a) ? undefined : NOTHING;
    case 'Recusal':
      return staff ? { inspector: { departmentId: a.departmentId } } : NOTHING;
    case 'Task':
      if (staff) return ownTasks(a);
      return isAnalyst(a) ? undefined : NOTHING;
    case 'Draw':
      if (staff) return { task: ownTasks(a) };
      return isAnalyst(a) || partnerHas(a, 'results:read') ? { status: { in: ['REVEALED', 'LOCKED', 'VOIDED'] } } : NOTHING;
    case 'InspectorAssignment':
    case 'InspectionRecord':
      if (staff) return { task: ownTasks(a) };
      return isAnalyst(a) ? undefined : NOTHING;
    case 'ItemResult':
      if (staff) return { OR: [{ departmentId: a.departmentId }, { publicationId: { not: null } }] };
      return isAnalyst(a) || partnerHas(a, 'results:read') ? { publicationId: { not: null } } : NOTHING;
    case 'Publication':
    case 'CreditEvent':
      return staff || isAnalyst(a) || partnerHas(a, 'results:read') ? undefined : NOTHING;
    case 'Correction':
      if (staff) return { OR: [{ publication: { departmentId: a.departmentId } }, { status: 'APPROVED' }] };
      return isAnalyst(a) || partnerHas(a, 'results:read') ? { status: 'APPROVED' } : NOTHING;
    case 'FollowUp':
      if (staff) return { OR: [{ departmentId: a.departmentId }, { toDepartmentId: a.departmentId }] };
      return isAnalyst(a) ? undefined : NOTHING;
    case 'User':
      return role(a) === 'DEPARTMENT_ADMIN' ? { departmentId: a.departmentId } : a.kind === 'user' ? { id: a.id } : NOTHING;
    case 'AuditEvent':
    case 'ApiKey':
      return NOTHING;
    case 'ImportJob':
      // bulk imports: the department's own jobs; a partner key sees the jobs it started
      if (staff) return { departmentId: a.departmentId };
      return partnerHas(a, 'targets:import') ? { createdBy: a.id } : NOTHING;
  }
}

/** Combines a filter's where with the actor's visibility. */
export function withVisibility(model: VisibleModel, a: Actor, where: Where): Where {
  const v = visibleWhere(model, a);
  if (!v) return where;
  return Object.keys(where).length ? { AND: [where, v] } : v;
}
