// The audit trail (全程留痕、责任可追溯): every change writes AuditEvent rows in the same transaction as the change.
// Rows form a hash chain — hash = SHA-256(prevHash + "\n" + canonical JSON of the event) — and the database
// refuses UPDATE/DELETE/TRUNCATE on the table (trigger in the init migration). verifyAuditChain recomputes it.
import { createHash } from 'node:crypto';
import type { Prisma } from '../../generated/prisma/client.ts';
import { prisma } from '../../db/database.ts';
import type { Actor } from '../access/actor.ts';

export const GENESIS_HASH = '0'.repeat(64);
/** Serialises appends to the chain (held until the writing transaction commits). */
const AUDIT_LOCK_KEY = 727_073_001;

export type Tx = Prisma.TransactionClient;

export interface AuditInput {
  operation: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditActor {
  actor: Actor;
  requestId: string;
}

/** JSON with sorted keys and no spaces: the form that is hashed. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Plain JSON (dates as ISO strings, bigints as strings, Bytes dropped): what is stored is what is hashed. */
export function toJson(value: unknown): Prisma.InputJsonValue | null {
  if (value === null || value === undefined) return null;
  return JSON.parse(
    JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v instanceof Uint8Array ? `<${v.length} bytes>` : v)),
  );
}

interface HashedFields {
  at: Date;
  actorId: string | null;
  actorKind: string;
  role: string | null;
  departmentId: string | null;
  operation: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export function eventHash(prevHash: string, e: HashedFields): string {
  const body = canonicalJson({
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorKind: e.actorKind,
    role: e.role,
    departmentId: e.departmentId,
    operation: e.operation,
    entity: e.entity,
    entityId: e.entityId,
    before: e.before ?? null,
    after: e.after ?? null,
    requestId: e.requestId,
  });
  return createHash('sha256').update(`${prevHash}\n${body}`, 'utf8').digest('hex');
}

/** Appends events to the chain inside the caller's transaction. */
export async function appendAudit(tx: Tx, who: AuditActor, events: AuditInput[]): Promise<void> {
  if (!events.length) return;
  await tx.$executeRaw`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY}::bigint)`;
  const last = await tx.$queryRaw<{ hash: string }[]>`select hash from audit_event order by id desc limit 1`;
  let prev = last[0]?.hash ?? GENESIS_HASH;
  const at = new Date();
  const rows = events.map((e) => {
    const fields: HashedFields = {
      at,
      actorId: who.actor.id,
      actorKind: who.actor.kind,
      role: who.actor.role,
      departmentId: who.actor.departmentId,
      operation: e.operation,
      entity: e.entity,
      entityId: e.entityId ?? null,
      before: toJson(e.before),
      after: toJson(e.after),
      requestId: who.requestId,
    };
    const hash = eventHash(prev, fields);
    const row = { ...fields, before: fields.before ?? undefined, after: fields.after ?? undefined, prevHash: prev, hash };
    prev = hash;
    return row;
  });
  await tx.auditEvent.createMany({ data: rows as Prisma.AuditEventCreateManyInput[] });
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  firstBrokenId: string | null;
  reason: string | null;
}

/** Recomputes the whole chain in id order, in pages; reports the first row whose link or hash does not hold. */
export async function verifyAuditChain(pageSize = 5000): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let checked = 0;
  let cursor: bigint | null = null;
  for (;;) {
    const rows: Awaited<ReturnType<typeof prismaPage>> = await prismaPage(cursor, pageSize);
    for (const r of rows) {
      if (r.prevHash !== prev) return { ok: false, checked, firstBrokenId: r.id.toString(), reason: 'PREV_HASH_MISMATCH' };
      const h = eventHash(prev, { ...r, before: r.before, after: r.after });
      if (h !== r.hash) return { ok: false, checked, firstBrokenId: r.id.toString(), reason: 'HASH_MISMATCH' };
      prev = r.hash;
      checked++;
    }
    if (rows.length < pageSize) return { ok: true, checked, firstBrokenId: null, reason: null };
    cursor = rows.at(-1)!.id;
  }
}

function prismaPage(after: bigint | null, take: number) {
  return prisma().auditEvent.findMany({ where: after === null ? {} : { id: { gt: after } }, orderBy: { id: 'asc' }, take });
}
