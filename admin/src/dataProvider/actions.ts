// Workflow actions on one record that are neither create, update nor delete: publish a list, submit or
// publish a plan, invite / accept / decline / cancel a task, confirm a pool, (de)activate a check item.
// Each names its mutation, the argument carrying the record's id, and any further arguments (a reason…).
// The answer is read with the resource's show selection; the action button refreshes the view.
import type { RaRecord } from 'react-admin';

import { currentActor } from '../auth/actor';
import { resourceFields, selectionOf } from './fields';
import { graphql } from './graphql';

interface ActionSpec {
    mutation: string;
    /** Name of the id argument (default `id`). */
    idArg?: string;
    /** Further arguments and their GraphQL types, e.g. `{ reason: 'String!' }`. */
    args?: Record<string, string>;
    /** The mutation answers with something other than the record: select only this. */
    selection?: string;
}

const ACTIONS: Readonly<Record<string, Readonly<Record<string, ActionSpec>>>> = {
    checkItems: { setActive: { mutation: 'setCheckItemActive', args: { active: 'Boolean!' } } },
    itemLists: { publish: { mutation: 'publishItemList' } },
    targetPools: { confirm: { mutation: 'confirmPool', selection: 'confirmedAt confirmedPoolCount' } },
    inspectorPools: { confirm: { mutation: 'confirmPool', selection: 'confirmedAt confirmedPoolCount' } },
    plans: { submit: { mutation: 'submitPlan' }, publish: { mutation: 'publishPlan' } },
    tasks: {
        invite: { mutation: 'inviteParticipants', idArg: 'taskId' },
        accept: { mutation: 'acceptTask', idArg: 'taskId' },
        decline: { mutation: 'declineTask', idArg: 'taskId', args: { reason: 'String!' } },
        cancel: { mutation: 'cancelTask', idArg: 'taskId', args: { reason: 'String!' } },
    },
};

export function hasAction(resource: string, action: string): boolean {
    return Boolean(ACTIONS[resource]?.[action]);
}

export async function runAction(resource: string, action: string, id: string, args: Record<string, unknown> = {}): Promise<RaRecord> {
    const spec = ACTIONS[resource]?.[action];
    if (!spec) throw new Error('app.notification.not_yet_available');
    const idArg = spec.idArg ?? 'id';
    const extra = Object.entries(spec.args ?? {});
    const declarations = [`$${idArg}: ID!`, ...extra.map(([name, type]) => `$${name}: ${type}`)].join(', ');
    const call = [`${idArg}: $${idArg}`, ...extra.map(([name]) => `${name}: $${name}`)].join(', ');
    const selection = spec.selection ?? selectionOf(resourceFields[resource], 'show', currentActor()?.role ?? null);
    const data = await graphql<Record<string, RaRecord>>(
        `mutation ${spec.mutation}(${declarations}) { ${spec.mutation}(${call}) { ${selection} } }`,
        { [idArg]: id, ...args },
    );
    return { ...data[spec.mutation], id };
}
