// The Pothos builder and its plugins; defines no types itself (style: app-layout). Type files under
// modules/<domain>/ import `builder` from here; schema.ts imports them all and prints the schema.
// Plugin order: scope-auth first (every root field states who may use it), then loaded columns, then prisma.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { defaultFieldResolver, type GraphQLFieldResolver } from 'graphql';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import PrismaPlugin from '@pothos/plugin-prisma';
import type PrismaTypes from './generated/pothos-types.ts';
import { getDatamodel } from './generated/pothos-types.ts';
import type { Context } from './context.ts';
import { db } from './db/database.ts';
import { AppError } from './shared/errors.ts';
import { isSqlRow } from './shared/sql-read.ts';
import { scopesFor, type AuthScopes } from './modules/access/scopes.ts';

/**
 * A column exposed on a select-mode Prisma type (`select: …` on the prismaObject, e.g. Task, Target): the prisma
 * plugin wraps its resolver to look up the request's selection mapping for every row, in case the column was not
 * loaded and must be fetched. When the row already carries the column (the planned query loaded it — always, for
 * a row that came through the plan), this plugin answers with it directly, which is what the wrapped resolver
 * would return; otherwise the prisma plugin's resolver runs as before. Sits inside scope-auth (field authScopes
 * still run first) and outside prisma. It cut 10–20 % of the CPU of a 100-row nested list (docs/BENCHMARKS.md,
 * "Peer comparison"). A row from a compiled read (`SqlRow`, shared/sql-read.ts) goes to the field's own resolver for
 * every field of a select-mode type: the compiled statement loaded what this selection needs.
 */
class LoadedColumnsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(resolver: GraphQLFieldResolver<unknown, Types['Context'], object>, fieldConfig: PothosOutputFieldConfig<Types>) {
    const ext = fieldConfig.extensions as { pothosExposedField?: unknown; pothosPrismaSelect?: unknown } | undefined;
    const column = ext?.pothosExposedField;
    const select = ext?.pothosPrismaSelect;
    if (fieldConfig.kind !== 'PrismaObject' || !select) return resolver;
    // A row from a compiled read (shared/sql-read.ts) carries what this field needs for this selection: the field's
    // own resolver answers, without the prisma plugin's per-row selection mapping (it would find no plan for the row).
    const own = (fieldConfig.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, Types['Context'], object>;
    let loaded = resolver;
    if (typeof column === 'string' && typeof select === 'object') {
      const keys = Object.keys(select);
      if (keys.length === 1 && keys[0] === column && (select as Record<string, unknown>)[column] === true)
        loaded = (parent, args, ctx, info) => {
          const value = parent !== null && typeof parent === 'object' ? (parent as Record<string, unknown>)[column] : undefined;
          return value !== undefined ? value : resolver(parent, args, ctx, info);
        };
    }
    return (parent: unknown, args: object, ctx: Types['Context'], info: Parameters<typeof resolver>[3]) =>
      isSqlRow(parent) ? own(parent, args, ctx, info) : loaded(parent, args, ctx, info);
  }
}
SchemaBuilder.registerPlugin('loadedColumns', LoadedColumnsPlugin);
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      loadedColumns: LoadedColumnsPlugin<Types>;
    }
  }
}

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  Scalars: {
    ID: { Input: string; Output: string };
    Date: { Input: Date; Output: Date };
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
    /** multipart upload (GraphQL multipart request spec); the import service checks what arrived */
    File: { Input: unknown; Output: never };
  };
}>({
  plugins: [ScopeAuthPlugin, 'loadedColumns', PrismaPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (ctx) => scopesFor(ctx.actor),
    unauthorizedError: (_parent, ctx, info) =>
      ctx.actor.kind === 'anonymous'
        ? new AppError('UNAUTHENTICATED', { zh: '请先登录', en: 'sign in first' }, { field: info.fieldName, reason: 'SCOPE' })
        : new AppError('FORBIDDEN', { zh: `无权使用 ${info.fieldName}`, en: `not allowed to use ${info.fieldName}` }, { field: info.fieldName, reason: 'SCOPE' }),
  },
  prisma: {
    // A function, so the same schema serves whichever database the process (or a test file) opened.
    client: () => db().prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
});

builder.queryType({ description: '查询 / Queries' });
builder.mutationType({ description: '变更 / Mutations' });
