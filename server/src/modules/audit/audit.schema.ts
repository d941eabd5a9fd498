// The audit trail for the office: browse and filter events, verify the hash chain.
import { builder } from '../../builder.ts';
import { and, contains, dateRange, eq } from '../../shared/filters.ts';
import { findPage, pageFields, type ListArgs } from '../../shared/pagination.ts';
import { selects } from '../../shared/selection.ts';
import { prisma } from '../../db/database.ts';
import { verifyAuditChain, type ChainReport } from './audit.service.ts';

export const AuditEvent = builder.prismaObject('AuditEvent', {
  description: '审计事件（只增不改，哈希链）/ An append-only, hash-chained audit event',
  fields: (t) => ({
    id: t.id({ resolve: (e) => e.id.toString() }),
    at: t.expose('at', { type: 'DateTime' }),
    actorId: t.exposeString('actorId', { nullable: true }),
    actorKind: t.exposeString('actorKind'),
    role: t.exposeString('role', { nullable: true }),
    departmentId: t.exposeString('departmentId', { nullable: true }),
    operation: t.exposeString('operation'),
    entity: t.exposeString('entity'),
    entityId: t.exposeString('entityId', { nullable: true }),
    before: t.expose('before', { type: 'JSON', nullable: true }),
    after: t.expose('after', { type: 'JSON', nullable: true }),
    requestId: t.exposeString('requestId', { nullable: true }),
    prevHash: t.exposeString('prevHash'),
    hash: t.exposeString('hash'),
  }),
});

const AuditEventFilter = builder.inputType('AuditEventFilter', {
  fields: (t) => ({
    operation: t.string({ required: false }),
    entity: t.string({ required: false }),
    entityId: t.string({ required: false }),
    actorId: t.string({ required: false }),
    departmentId: t.id({ required: false }),
    requestId: t.string({ required: false }),
    q: t.string({ required: false, description: '操作或对象包含' }),
    from: t.field({ type: 'DateTime', required: false }),
    to: t.field({ type: 'DateTime', required: false }),
  }),
});

const AuditEventPage = builder.objectRef<Awaited<ReturnType<typeof findPage>>>('AuditEventPage').implement({
  fields: (t) => pageFields(t, AuditEvent),
});

builder.queryField('auditEvents', (t) =>
  t.field({
    type: AuditEventPage,
    description: '审计事件（最新在前）/ Audit events, newest first',
    authScopes: { office: true },
    args: {
      filter: t.arg({ type: AuditEventFilter, required: false }),
      page: t.arg.int({ required: false }),
      perPage: t.arg.int({ required: false }),
      first: t.arg.int({ required: false }),
      after: t.arg.string({ required: false }),
    },
    resolve: (_r, args, ctx, info) => {
      const f = args.filter;
      const where = and(
        eq('operation', f?.operation),
        eq('entity', f?.entity),
        eq('entityId', f?.entityId),
        eq('actorId', f?.actorId),
        eq('departmentId', f?.departmentId),
        eq('requestId', f?.requestId),
        contains(['operation', 'entity'], f?.q),
        dateRange('at', f?.from, f?.to),
      );
      return findPage('AuditEvent', args as ListArgs, where, [{ id: 'desc' }], ctx, info);
    },
  }),
);

builder.queryField('verifyAuditChain', (t) =>
  t.field({
    type: builder.objectRef<ChainReport>('AuditChainReport').implement({
      description: '审计哈希链校验结果 / Result of recomputing the audit hash chain',
      fields: (f) => ({
        ok: f.exposeBoolean('ok'),
        checked: f.exposeInt('checked'),
        firstBrokenId: f.exposeID('firstBrokenId', { nullable: true }),
        reason: f.exposeString('reason', { nullable: true }),
      }),
    }),
    description: '重新计算审计哈希链，报告第一处断裂 / Recompute the audit chain and report the first broken link',
    authScopes: { office: true },
    resolve: () => verifyAuditChain(),
  }),
);

void prisma;
void selects;
