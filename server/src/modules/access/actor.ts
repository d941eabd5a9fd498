// Who is asking: a console user (session cookie), a partner system (API key), or nobody. Resolved once per request
// in context.ts; every authorisation decision reads this and nothing else.
import { createHash, timingSafeEqual } from 'node:crypto';
import { prisma } from '../../db/database.ts';
import type { Role } from '../../generated/prisma/enums.ts';

export type ActorKind = 'user' | 'apiKey' | 'anonymous';

export interface Actor {
  kind: ActorKind;
  /** user id or API key id */
  id: string | null;
  name: string | null;
  role: Role | null;
  departmentId: string | null;
  isDepartmentHead: boolean;
  inspectorId: string | null;
  /** API key scopes (empty for users) */
  scopes: readonly string[];
  /** sha256 of the session token, for logout */
  sessionId: string | null;
}

export const ANONYMOUS: Actor = {
  kind: 'anonymous',
  id: null,
  name: null,
  role: null,
  departmentId: null,
  isDepartmentHead: false,
  inspectorId: null,
  scopes: [],
  sessionId: null,
};

export const SESSION_COOKIE = 'ssj_session';
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 8 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, so reads stay (almost) write-free. */
const TOUCH_EVERY_MS = 60 * 1000;

export const sha256hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return null;
}

export async function actorFromSession(token: string, now = new Date()): Promise<Actor | null> {
  const id = sha256hex(token);
  const s = await prisma().session.findUnique({ where: { id }, include: { user: true } });
  if (!s || s.revokedAt || !s.user.active) return null;
  if (s.expiresAt <= now || now.getTime() - s.lastSeenAt.getTime() > SESSION_IDLE_MS) return null;
  if (now.getTime() - s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await prisma().session.update({ where: { id }, data: { lastSeenAt: now } });
  }
  const u = s.user;
  return {
    kind: 'user',
    id: u.id,
    name: u.username,
    role: u.role,
    departmentId: u.departmentId,
    isDepartmentHead: u.isDepartmentHead,
    inspectorId: u.inspectorId,
    scopes: [],
    sessionId: id,
  };
}

/** API keys look like `ssj_<prefix>_<secret>`; the prefix finds the row, the secret's hash must match. */
export async function actorFromApiKey(key: string, now = new Date()): Promise<Actor | null> {
  const m = /^ssj_([a-z0-9]{8})_([A-Za-z0-9_-]{32,})$/.exec(key);
  if (!m) return null;
  const row = await prisma().apiKey.findUnique({ where: { prefix: m[1]! } });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  const a = Buffer.from(sha256hex(m[2]!), 'hex');
  const b = Buffer.from(row.keyHash, 'hex');
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await prisma().apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return {
    kind: 'apiKey',
    id: row.id,
    name: row.name,
    role: 'PARTNER',
    departmentId: row.departmentId,
    isDepartmentHead: false,
    inspectorId: null,
    scopes: row.scopes,
    sessionId: null,
  };
}

export async function resolveActor(request: Request): Promise<Actor> {
  const auth = request.headers.get('authorization');
  if (auth?.startsWith('Bearer ')) return (await actorFromApiKey(auth.slice(7).trim())) ?? ANONYMOUS;
  const token = readCookie(request.headers.get('cookie'), SESSION_COOKIE);
  if (token) return (await actorFromSession(token)) ?? ANONYMOUS;
  return ANONYMOUS;
}
