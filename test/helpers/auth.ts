// Test actors: users with a live session (inserted directly: no password hashing needed) and API keys.
import { randomBytes } from 'node:crypto';
import { prisma } from '../../server/src/db/database.ts';
import { SESSION_COOKIE, sha256hex } from '../../server/src/modules/access/actor.ts';
import type { Role } from '../../server/src/generated/prisma/enums.ts';

export interface TestActor {
  userId: string;
  headers: Record<string, string>;
  token: string;
}

let n = 0;
export async function userActor(role: Role, departmentId: string | null = null, opts: { isDepartmentHead?: boolean; inspectorId?: string } = {}): Promise<TestActor> {
  const user = await prisma().user.create({
    data: {
      username: `t${++n}_${role.toLowerCase()}_${randomBytes(3).toString('hex')}`,
      displayName: `测试${role}`,
      passwordHash: 'not-used',
      role,
      departmentId,
      isDepartmentHead: opts.isDepartmentHead ?? false,
      inspectorId: opts.inspectorId ?? null,
    },
  });
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await prisma().session.create({ data: { id: sha256hex(token), userId: user.id, lastSeenAt: now, expiresAt: new Date(now.getTime() + 8 * 3600_000) } });
  return { userId: user.id, token, headers: { cookie: `${SESSION_COOKIE}=${token}` } };
}

export async function apiKeyActor(scopes: string[], departmentId: string | null = null): Promise<{ id: string; headers: Record<string, string> }> {
  const prefix = randomBytes(4).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const row = await prisma().apiKey.create({ data: { name: `test ${prefix}`, prefix, keyHash: sha256hex(secret), scopes, departmentId } });
  return { id: row.id, headers: { authorization: `Bearer ssj_${prefix}_${secret}` } };
}
