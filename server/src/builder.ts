// The Pothos builder and its plugins; defines no types itself (style: app-layout). Type files under
// modules/<domain>/ import `builder` from here; schema.ts imports them all and prints the schema.
// Plugin order: scope-auth first (every root field states who may use it), then prisma.
import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import PrismaPlugin from '@pothos/plugin-prisma';
import type PrismaTypes from './generated/pothos-types.ts';
import { getDatamodel } from './generated/pothos-types.ts';
import type { Context } from './context.ts';
import { db } from './db/database.ts';
import { AppError } from './shared/errors.ts';
import { scopesFor, type AuthScopes } from './modules/access/scopes.ts';

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
  plugins: [ScopeAuthPlugin, PrismaPlugin],
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
