// Who is asking: a console user (session cookie), a partner system (API key), or nobody. Resolved once per request
// in context.ts; every authorisation decision reads this and nothing else.
import { createHash, timingSafeEqual } from 'node:crypto';
import { credentialChanges, prisma } from '../../db/database.ts';
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

// Credential cache: a valid session or API key is looked up in the database once and then reused for up to
// CREDENTIAL_CACHE_MS, so a busy console or partner does not pay one SQL statement per request for it. It stays
// exact within this process: an entry is trusted only while credentialChanges() (db/database.ts) has not moved
// since it was read, and that counter moves on every write to the session, user and API key tables and on every
// commit — logout, revocation, deactivation, a role change or an expiry edit take effect on the next request.
// Another process writing those tables (a second server, psql) is seen within CREDENTIAL_CACHE_MS.
// Expiry is still checked on every use; an entry is not used once lastSeenAt is due to be touched.
const CREDENTIAL_CACHE_MS = Math.max(0, Number(process.env.CREDENTIAL_CACHE_MS ?? 2000) || 0);
const CREDENTIAL_CACHE_MAX = 10_000;
interface CachedCredential {
  actor: Actor;
  expiresAt: number | null;
  touchedAt: number;
  readAt: number;
  changes: number;
}
const credentialCache = new Map<string, CachedCredential>();

function cached(key: string, now: Date): Actor | null {
  const c = credentialCache.get(key);
  if (!c) return null;
  const t = now.getTime();
  if (c.changes !== credentialChanges() || t - c.readAt > CREDENTIAL_CACHE_MS || t < c.readAt || (c.expiresAt !== null && c.expiresAt <= t) || t - c.touchedAt > TOUCH_EVERY_MS) {
    credentialCache.delete(key);
    return null;
  }
  return c.actor;
}

function remember(key: string, changesBefore: number, entry: Omit<CachedCredential, 'changes'>): void {
  // a credential write (or commit) during the lookup may have made what was read stale: do not keep it
  if (credentialChanges() !== changesBefore) return;
  if (credentialCache.size >= CREDENTIAL_CACHE_MAX) credentialCache.clear();
  credentialCache.set(key, { ...entry, changes: changesBefore });
}

export async function actorFromSession(token: string, now = new Date()): Promise<Actor | null> {
  const id = sha256hex(token);
  const key = `s:${id}`;
  const hit = cached(key, now);
  if (hit) return hit;
  const changesBefore = credentialChanges();
  const s = await prisma().session.findUnique({
    where: { id },
    select: {
      revokedAt: true,
      expiresAt: true,
      lastSeenAt: true,
      user: { select: { id: true, username: true, role: true, departmentId: true, isDepartmentHead: true, inspectorId: true, active: true } },
    },
  });
  if (!s || s.revokedAt || !s.user.active) return null;
  if (s.expiresAt <= now || now.getTime() - s.lastSeenAt.getTime() > SESSION_IDLE_MS) return null;
  let touchedAt = s.lastSeenAt.getTime();
  if (now.getTime() - s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await prisma().session.update({ where: { id }, data: { lastSeenAt: now } });
    touchedAt = now.getTime();
  }
  const u = s.user;
  const actor: Actor = Object.freeze({
    kind: 'user',
    id: u.id,
    name: u.username,
    role: u.role,
    departmentId: u.departmentId,
    isDepartmentHead: u.isDepartmentHead,
    inspectorId: u.inspectorId,
    scopes: Object.freeze([]),
    sessionId: id,
  });
  // the touch above moved credentialChanges(): this lookup is not kept; the next one (no touch due) is
  remember(key, changesBefore, { actor, expiresAt: s.expiresAt.getTime(), touchedAt, readAt: now.getTime() });
  return actor;
}

/** API keys look like `ssj_<prefix>_<secret>`; the prefix finds the row, the secret's hash must match. */
export async function actorFromApiKey(key: string, now = new Date()): Promise<Actor | null> {
  const m = /^ssj_([a-z0-9]{8})_([A-Za-z0-9_-]{32,})$/.exec(key);
  if (!m) return null;
  const secretHash = sha256hex(m[2]!);
  // keyed by prefix and the secret's hash: only the exact key that was verified finds the entry
  const cacheKey = `k:${m[1]}:${secretHash}`;
  const hit = cached(cacheKey, now);
  if (hit) return hit;
  const changesBefore = credentialChanges();
  const row = await prisma().apiKey.findUnique({ where: { prefix: m[1]! } });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  const a = Buffer.from(secretHash, 'hex');
  const b = Buffer.from(row.keyHash, 'hex');
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  let touchedAt = row.lastUsedAt?.getTime() ?? 0;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await prisma().apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } });
    touchedAt = now.getTime();
  }
  const actor: Actor = Object.freeze({
    kind: 'apiKey',
    id: row.id,
    name: row.name,
    role: 'PARTNER',
    departmentId: row.departmentId,
    isDepartmentHead: false,
    inspectorId: null,
    scopes: Object.freeze([...row.scopes]),
    sessionId: null,
  });
  remember(cacheKey, changesBefore, { actor, expiresAt: row.expiresAt?.getTime() ?? null, touchedAt, readAt: now.getTime() });
  return actor;
}

export async function resolveActor(request: Request): Promise<Actor> {
  const auth = request.headers.get('authorization');
  if (auth?.startsWith('Bearer ')) return (await actorFromApiKey(auth.slice(7).trim())) ?? ANONYMOUS;
  const token = readCookie(request.headers.get('cookie'), SESSION_COOKIE);
  if (token) return (await actorFromSession(token)) ?? ANONYMOUS;
  return ANONYMOUS;
}
