// Sessions, login throttling, users and API keys. Rules: authorise → validate → persist → audit, each change one
// transaction (shared/mutation.ts).
import { randomBytes } from 'node:crypto';
import { prisma } from '../../db/database.ts';
import type { Role } from '../../generated/prisma/enums.ts';
import { AppError, InputError } from '../../shared/errors.ts';
import { mutate } from '../../shared/mutation.ts';
import type { Context } from '../../context.ts';
import { SESSION_ABSOLUTE_MS, SESSION_COOKIE, sha256hex } from './actor.ts';
import { dummyHash, hashPassword, verifyPassword } from './password.ts';
import { PARTNER_SCOPES, type PartnerScope } from './scopes.ts';

export const LOGIN_LIMITS = {
  /** failures of one account before it is locked */
  accountFailures: 5,
  accountLockMs: 15 * 60 * 1000,
  /** failures from one address within the window before it is refused */
  addressFailures: 20,
  windowMs: 15 * 60 * 1000,
};

const loginRefused = () => new AppError('UNAUTHENTICATED', { zh: '用户名或密码不正确', en: 'wrong username or password' }, { reason: 'BAD_CREDENTIALS' });
const throttled = (scope: 'ACCOUNT' | 'ADDRESS') =>
  new AppError('FORBIDDEN', { zh: '登录失败次数过多，请稍后再试', en: 'too many failed sign-ins; try again later' }, { reason: `THROTTLED_${scope}` });

function sessionCookie(token: string, ctx: Context, maxAgeS: number): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeS}${ctx.secure ? '; Secure' : ''}`;
}

export async function login(ctx: Context, username: string, password: string) {
  const now = new Date();
  const since = new Date(now.getTime() - LOGIN_LIMITS.windowMs);
  const [user, addressFailures] = await Promise.all([
    prisma().user.findUnique({ where: { username } }),
    prisma().loginAttempt.count({ where: { ip: ctx.ip, success: false, at: { gte: since } } }),
  ]);
  if (addressFailures >= LOGIN_LIMITS.addressFailures) throw throttled('ADDRESS');
  if (user?.lockedUntil && user.lockedUntil > now) throw throttled('ACCOUNT');

  const ok = user && user.active ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await dummyHash(), password), false);
  if (!ok) {
    await mutate(ctx, async (tx, audit) => {
      await tx.loginAttempt.create({ data: { username, ip: ctx.ip, success: false, at: now } });
      if (user) {
        const failed = user.failedLogins + 1;
        const lock = failed >= LOGIN_LIMITS.accountFailures;
        await tx.user.update({
          where: { id: user.id },
          data: { failedLogins: lock ? 0 : failed, lockedUntil: lock ? new Date(now.getTime() + LOGIN_LIMITS.accountLockMs) : user.lockedUntil },
        });
        audit.record({ operation: 'loginFailed', entity: 'User', entityId: user.id, after: { failedLogins: failed, locked: lock, ip: ctx.ip } });
      } else {
        audit.record({ operation: 'loginFailed', entity: 'User', entityId: null, after: { username, ip: ctx.ip } });
      }
    });
    throw loginRefused();
  }

  const token = randomBytes(32).toString('base64url'); // 256 bits
  const session = await mutate({ ...ctx, actor: { ...ctx.actor, kind: 'user', id: user!.id, role: user!.role, departmentId: user!.departmentId } }, async (tx, audit) => {
    await tx.loginAttempt.create({ data: { username, ip: ctx.ip, success: true, at: now } });
    await tx.user.update({ where: { id: user!.id }, data: { failedLogins: 0, lockedUntil: null, lastLoginAt: now } });
    const s = await tx.session.create({
      data: { id: sha256hex(token), userId: user!.id, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS), ip: ctx.ip, userAgent: ctx.userAgent },
    });
    audit.record({ operation: 'login', entity: 'Session', entityId: s.id.slice(0, 12), after: { userId: user!.id, ip: ctx.ip } });
    return s;
  });
  ctx.setCookie(sessionCookie(token, ctx, SESSION_ABSOLUTE_MS / 1000));
  return { user: user!, expiresAt: session.expiresAt };
}

export async function logout(ctx: Context): Promise<boolean> {
  ctx.setCookie(sessionCookie('', ctx, 0));
  if (!ctx.actor.sessionId) return false;
  const id = ctx.actor.sessionId;
  await mutate(ctx, async (tx, audit) => {
    await tx.session.update({ where: { id }, data: { revokedAt: new Date() } });
    audit.record({ operation: 'logout', entity: 'Session', entityId: id.slice(0, 12) });
  });
  return true;
}

/** The office revokes any session; a user revokes their own. */
export async function revokeSession(ctx: Context, sessionPrefix: string): Promise<number> {
  if (!/^[0-9a-f]{12,64}$/.test(sessionPrefix)) throw new InputError('sessionId', 'INVALID_ID', { zh: '会话标识格式不正确', en: 'not a session id' });
  const sessions = await prisma().session.findMany({ where: { id: { startsWith: sessionPrefix }, revokedAt: null } });
  const mine = ctx.actor.role === 'OFFICE_ADMIN' ? sessions : sessions.filter((s) => s.userId === ctx.actor.id);
  if (!mine.length) throw new AppError('NOT_FOUND', { zh: '未找到可吊销的会话', en: 'no such active session' }, { field: 'sessionId' });
  await mutate(ctx, async (tx, audit) => {
    await tx.session.updateMany({ where: { id: { in: mine.map((s) => s.id) } }, data: { revokedAt: new Date() } });
    for (const s of mine) audit.record({ operation: 'revokeSession', entity: 'Session', entityId: s.id.slice(0, 12), after: { userId: s.userId } });
  });
  return mine.length;
}

// ── users ──

const USERNAME_RE = /^[a-z][a-z0-9_.-]{2,31}$/;

export function validatePassword(field: string, password: string): void {
  if (password.length < 10 || password.length > 128)
    throw new InputError(field, 'PASSWORD_LENGTH', { zh: '密码长度应为 10–128 个字符', en: 'a password has 10 to 128 characters' });
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3)
    throw new InputError(field, 'PASSWORD_WEAK', { zh: '密码应至少包含大写、小写、数字、符号中的三类', en: 'use at least three of: upper case, lower case, digits, symbols' });
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  departmentId?: string | null;
  isDepartmentHead?: boolean | null;
  inspectorId?: string | null;
}

export async function createUser(ctx: Context, input: CreateUserInput) {
  // authorise: the office creates anyone; a department admin creates inspectors and admins of its own department
  const office = ctx.actor.role === 'OFFICE_ADMIN';
  if (!office) {
    if (ctx.actor.role !== 'DEPARTMENT_ADMIN' || input.departmentId !== ctx.actor.departmentId || !['DEPARTMENT_ADMIN', 'INSPECTOR'].includes(input.role))
      throw new AppError('FORBIDDEN', { zh: '只能为本部门创建管理员或检查人员账号', en: 'department admins create admin or inspector accounts of their own department only' }, { field: 'input.role' });
  }
  const username = input.username.trim().toLowerCase();
  if (!USERNAME_RE.test(username))
    throw new InputError('input.username', 'USERNAME', { zh: '用户名应为 3–32 位小写字母、数字或 _ . -，以字母开头', en: 'a username has 3–32 lower-case letters, digits, _ . -, starting with a letter' });
  if (!input.displayName.trim()) throw new InputError('input.displayName', 'REQUIRED', { zh: '请填写姓名', en: 'a display name is required' });
  validatePassword('input.password', input.password);
  if (['DEPARTMENT_ADMIN', 'INSPECTOR'].includes(input.role) && !input.departmentId)
    throw new InputError('input.departmentId', 'REQUIRED', { zh: '部门管理员和检查人员须属于一个部门', en: 'department admins and inspectors belong to a department' });
  if (input.role === 'PARTNER') throw new InputError('input.role', 'PARTNER_IS_KEY', { zh: '合作系统使用 API 密钥，不建用户', en: 'partner systems use API keys, not users' });
  if (await prisma().user.findUnique({ where: { username } }))
    throw new AppError('CONFLICT', { zh: '用户名已存在', en: 'that username is taken' }, { field: 'input.username' });
  const passwordHash = await hashPassword(input.password);
  return mutate(ctx, async (tx, audit) => {
    const user = await tx.user.create({
      data: {
        username,
        displayName: input.displayName.trim(),
        passwordHash,
        role: input.role,
        departmentId: input.departmentId ?? null,
        isDepartmentHead: input.isDepartmentHead ?? false,
        inspectorId: input.inspectorId ?? null,
      },
    });
    const { passwordHash: _omit, ...safe } = user;
    audit.record({ operation: 'createUser', entity: 'User', entityId: user.id, after: safe });
    return user;
  });
}

export async function setUserActive(ctx: Context, userId: string, active: boolean) {
  const user = await prisma().user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError('NOT_FOUND', { zh: '未找到用户', en: 'no such user' }, { field: 'userId' });
  if (ctx.actor.role !== 'OFFICE_ADMIN' && user.departmentId !== ctx.actor.departmentId)
    throw new AppError('FORBIDDEN', { zh: '只能管理本部门用户', en: 'only users of your own department' }, { field: 'userId' });
  return mutate(ctx, async (tx, audit) => {
    const updated = await tx.user.update({ where: { id: userId }, data: { active } });
    if (!active) await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    audit.record({ operation: active ? 'activateUser' : 'deactivateUser', entity: 'User', entityId: userId, before: { active: user.active }, after: { active } });
    return updated;
  });
}

// ── API keys ──

export interface CreateApiKeyInput {
  name: string;
  scopes: string[];
  departmentId?: string | null;
  expiresAt?: Date | null;
}

export async function createApiKey(ctx: Context, input: CreateApiKeyInput) {
  const name = input.name.trim();
  if (!name) throw new InputError('input.name', 'REQUIRED', { zh: '请填写名称', en: 'a name is required' });
  if (!input.scopes.length) throw new InputError('input.scopes', 'REQUIRED', { zh: '至少选择一个权限范围', en: 'choose at least one scope' });
  for (const s of input.scopes)
    if (!PARTNER_SCOPES.includes(s as PartnerScope))
      throw new InputError('input.scopes', 'UNKNOWN_SCOPE', { zh: `未知权限范围 ${s}`, en: `unknown scope ${s}; known: ${PARTNER_SCOPES.join(', ')}` });
  if (input.scopes.includes('targets:import') && !input.departmentId)
    throw new InputError('input.departmentId', 'REQUIRED', { zh: '导入检查对象的密钥须绑定部门', en: 'a key that imports targets is bound to one department' });
  if (input.expiresAt && input.expiresAt <= new Date())
    throw new InputError('input.expiresAt', 'IN_PAST', { zh: '过期时间应晚于现在', en: 'expiry must be in the future' });
  const prefix = randomBytes(6).toString('hex').slice(0, 8);
  const secret = randomBytes(32).toString('base64url');
  const key = `ssj_${prefix}_${secret}`;
  const row = await mutate(ctx, async (tx, audit) => {
    const created = await tx.apiKey.create({
      data: { name, prefix, keyHash: sha256hex(secret), scopes: input.scopes, departmentId: input.departmentId ?? null, createdById: ctx.actor.id, expiresAt: input.expiresAt ?? null },
    });
    const { keyHash: _omit, ...safe } = created;
    audit.record({ operation: 'createApiKey', entity: 'ApiKey', entityId: created.id, after: safe });
    return created;
  });
  return { apiKey: row, key };
}

export async function revokeApiKey(ctx: Context, id: string) {
  const row = await prisma().apiKey.findUnique({ where: { id } });
  if (!row) throw new AppError('NOT_FOUND', { zh: '未找到 API 密钥', en: 'no such API key' }, { field: 'id' });
  if (row.revokedAt) return row;
  return mutate(ctx, async (tx, audit) => {
    const updated = await tx.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    audit.record({ operation: 'revokeApiKey', entity: 'ApiKey', entityId: id, before: { revokedAt: null }, after: { revokedAt: updated.revokedAt } });
    return updated;
  });
}
