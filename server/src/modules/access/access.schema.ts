// Users, sessions and API keys: who is signed in, login/logout, account and key management.
import { builder } from '../../builder.ts';
import { prisma } from '../../db/database.ts';
import { and, contains, eq, idEq, idsIn } from '../../shared/filters.ts';
import { defineListQueries, requireId } from '../../shared/pagination.ts';
import * as access from './access.service.ts';
import { PARTNER_SCOPES } from './scopes.ts';

export const RoleEnum = builder.enumType('Role', {
  description: '角色 / Role',
  values: {
    OFFICE_ADMIN: { description: '联席会议办公室管理员' },
    DEPARTMENT_ADMIN: { description: '部门管理员' },
    INSPECTOR: { description: '执法检查人员' },
    ANALYST: { description: '分析人员（只读）' },
    PARTNER: { description: '合作系统（API 密钥）' },
  } as const,
});

export const User = builder.prismaObject('User', {
  description: '用户（控制台）/ A console user; the password hash is never exposed',
  fields: (t) => ({
    id: t.exposeID('id'),
    username: t.exposeString('username'),
    displayName: t.exposeString('displayName'),
    role: t.expose('role', { type: RoleEnum }),
    isDepartmentHead: t.exposeBoolean('isDepartmentHead'),
    active: t.exposeBoolean('active'),
    lastLoginAt: t.expose('lastLoginAt', { type: 'DateTime', nullable: true }),
    department: t.relation('department', { nullable: true }),
    inspector: t.relation('inspector', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const UserFilter = builder.inputType('UserFilter', {
  fields: (t) => ({
    ids: t.idList({ required: false }),
    q: t.string({ required: false }),
    role: t.field({ type: RoleEnum, required: false }),
    departmentId: t.id({ required: false }),
    active: t.boolean({ required: false }),
  }),
});

defineListQueries<typeof UserFilter.$inferInput>({
  model: 'User',
  authScopes: { office: true, departmentAdmin: true },
  name: 'User',
  label: '用户',
  plural: 'users',
  singular: 'user',
  description: '用户',
  ref: User,
  filter: UserFilter,
  where: (f) => and(idsIn(f?.ids), contains(['username', 'displayName'], f?.q), eq('role', f?.role), idEq('departmentId', f?.departmentId), eq('active', f?.active)),
  sortFields: ['username', 'displayName', 'createdAt', 'lastLoginAt'],
  defaultSort: [{ username: 'asc' }],
});

export const ApiKey = builder.prismaObject('ApiKey', {
  description: 'API 密钥（仅显示前缀）/ A partner API key; only its prefix is ever shown again',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix'),
    scopes: t.exposeStringList('scopes'),
    department: t.relation('department', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.queryField('apiKeys', (t) =>
  t.prismaField({
    type: ['ApiKey'],
    description: 'API 密钥列表 / All partner API keys',
    authScopes: { office: true },
    resolve: (query) => prisma().apiKey.findMany({ ...query, orderBy: { createdAt: 'desc' }, take: 500 }),
  }),
);

const SessionRef = builder.prismaObject('Session', {
  description: '会话 / A console session (the token itself is never shown)',
  fields: (t) => ({
    id: t.string({ description: '会话标识前缀 / Session id prefix', resolve: (s) => s.id.slice(0, 12) }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastSeenAt: t.expose('lastSeenAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    ip: t.exposeString('ip', { nullable: true }),
    userAgent: t.exposeString('userAgent', { nullable: true }),
    user: t.relation('user'),
  }),
});

const Me = builder.objectRef<{ kind: string; name: string | null; role: string | null; departmentId: string | null; isDepartmentHead: boolean; scopes: readonly string[]; id: string | null }>('Me').implement({
  description: '当前调用者 / Who the caller is',
  fields: (t) => ({
    kind: t.exposeString('kind', { description: 'user | apiKey' }),
    id: t.exposeID('id', { nullable: true }),
    name: t.exposeString('name', { nullable: true }),
    role: t.field({ type: RoleEnum, nullable: true, resolve: (m) => m.role as never }),
    isDepartmentHead: t.exposeBoolean('isDepartmentHead'),
    scopes: t.exposeStringList('scopes'),
    user: t.prismaField({
      type: 'User',
      nullable: true,
      resolve: (query, m) => (m.kind === 'user' && m.id ? prisma().user.findUnique({ ...query, where: { id: m.id } }) : null),
    }),
    department: t.prismaField({
      type: 'Department',
      nullable: true,
      resolve: (query, m) => (m.departmentId ? prisma().department.findUnique({ ...query, where: { id: m.departmentId } }) : null),
    }),
  }),
});

builder.queryField('me', (t) =>
  t.field({
    type: Me,
    nullable: true,
    description: '当前登录用户或 API 密钥；未登录为 null / The signed-in user or API key, or null',
    authScopes: { public: true },
    resolve: (_r, _a, ctx) => (ctx.actor.kind === 'anonymous' ? null : ctx.actor),
  }),
);

builder.queryField('mySessions', (t) =>
  t.prismaField({
    type: ['Session'],
    description: '我的有效会话 / My active sessions',
    authScopes: { user: true },
    resolve: (query, _r, _a, ctx) =>
      prisma().session.findMany({ ...query, where: { userId: ctx.actor.id!, revokedAt: null, expiresAt: { gt: new Date() } }, orderBy: { lastSeenAt: 'desc' } }),
  }),
);

builder.mutationField('login', (t) =>
  t.field({
    type: builder.objectRef<{ expiresAt: Date; userId: string }>('LoginResult').implement({
      fields: (f) => ({
        expiresAt: f.expose('expiresAt', { type: 'DateTime' }),
        user: f.prismaField({ type: 'User', resolve: (query, r) => prisma().user.findUniqueOrThrow({ ...query, where: { id: r.userId } }) }),
      }),
    }),
    description: '登录：成功后设置 HttpOnly 会话 Cookie / Sign in; sets an HttpOnly session cookie',
    authScopes: { public: true },
    args: { username: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const { user, expiresAt } = await access.login(ctx, args.username.trim().toLowerCase(), args.password);
      return { expiresAt, userId: user.id };
    },
  }),
);

builder.mutationField('logout', (t) =>
  t.boolean({
    description: '退出登录（会话立即失效）/ Sign out; the session is revoked at once',
    authScopes: { user: true },
    resolve: (_r, _a, ctx) => access.logout(ctx),
  }),
);

builder.mutationField('revokeSession', (t) =>
  t.int({
    description: '吊销会话（办公室可吊销任何会话，用户可吊销自己的）/ Revoke a session by id prefix; returns how many',
    authScopes: { user: true },
    args: { sessionId: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) => access.revokeSession(ctx, args.sessionId),
  }),
);

const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    username: t.string({ required: true }),
    displayName: t.string({ required: true }),
    password: t.string({ required: true }),
    role: t.field({ type: RoleEnum, required: true }),
    departmentId: t.id({ required: false }),
    isDepartmentHead: t.boolean({ required: false }),
    inspectorId: t.id({ required: false }),
  }),
});

builder.mutationField('createUser', (t) =>
  t.prismaField({
    type: 'User',
    description: '创建用户 / Create a console user (office: anyone; department admin: own department admins and inspectors)',
    authScopes: { office: true, departmentAdmin: true },
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const user = await access.createUser(ctx, {
        ...input,
        departmentId: input.departmentId ? requireId('input.departmentId', String(input.departmentId)) : null,
        inspectorId: input.inspectorId ? requireId('input.inspectorId', String(input.inspectorId)) : null,
      });
      return prisma().user.findUniqueOrThrow({ ...query, where: { id: user.id } });
    },
  }),
);

builder.mutationField('setUserActive', (t) =>
  t.prismaField({
    type: 'User',
    description: '启用 / 停用用户（停用即吊销其全部会话）/ Activate or deactivate a user; deactivation revokes their sessions',
    authScopes: { office: true, departmentAdmin: true },
    args: { userId: t.arg.id({ required: true }), active: t.arg.boolean({ required: true }) },
    resolve: async (query, _r, args, ctx) => {
      const u = await access.setUserActive(ctx, requireId('userId', String(args.userId)), args.active);
      return prisma().user.findUniqueOrThrow({ ...query, where: { id: u.id } });
    },
  }),
);

const ApiKeyScope = builder.enumType('ApiKeyScope', {
  description: 'API 密钥权限范围 / What a partner key may do',
  values: Object.fromEntries(PARTNER_SCOPES.map((s) => [s.replace(':', '_').toUpperCase(), { value: s }])) as Record<string, { value: string }>,
});

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    scopes: t.field({ type: [ApiKeyScope], required: true }),
    departmentId: t.id({ required: false, description: '导入类密钥绑定的部门 / Department a targets:import key writes to' }),
    expiresAt: t.field({ type: 'DateTime', required: false }),
  }),
});

builder.mutationField('createApiKey', (t) =>
  t.field({
    type: builder.objectRef<{ apiKey: { id: string }; key: string }>('CreatedApiKey').implement({
      description: '新建的密钥：key 只在此显示一次 / The new key: `key` is shown this once only',
      fields: (f) => ({
        key: f.exposeString('key', { description: 'Authorization: Bearer <key>' }),
        apiKey: f.prismaField({ type: 'ApiKey', resolve: (query, r) => prisma().apiKey.findUniqueOrThrow({ ...query, where: { id: r.apiKey.id } }) }),
      }),
    }),
    description: '创建合作系统 API 密钥 / Create a partner API key',
    authScopes: { office: true },
    args: { input: t.arg({ type: CreateApiKeyInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      access.createApiKey(ctx, {
        name: input.name,
        scopes: input.scopes as string[],
        departmentId: input.departmentId ? requireId('input.departmentId', String(input.departmentId)) : null,
        expiresAt: input.expiresAt ?? null,
      }),
  }),
);

builder.mutationField('revokeApiKey', (t) =>
  t.prismaField({
    type: 'ApiKey',
    description: '吊销 API 密钥 / Revoke a partner API key',
    authScopes: { office: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _r, args, ctx) => {
      const k = await access.revokeApiKey(ctx, requireId('id', String(args.id)));
      return prisma().apiKey.findUniqueOrThrow({ ...query, where: { id: k.id } });
    },
  }),
);

void SessionRef;
