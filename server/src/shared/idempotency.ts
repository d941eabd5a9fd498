// Idempotent mutations: a client that retries a call (a dropped connection, a double click, a mobile device coming
// back online) sends the same `idempotencyKey`; the first call's response is stored in the same transaction as its
// work, and a retry by the same actor with the same input gets that response back without doing the work again.
// The same key with different input is a client bug and is refused (IDEMPOTENCY_KEY_REUSED).
//
// Keys are scoped to the actor (two users may pick the same key) and compared on SHA-256 of the canonical JSON of
// the operation name and its input. Concurrent calls with one key are serialised by a transaction-scoped advisory
// lock, so the second waits for the first and then replays it. A replay still records an audit event (the trail
// shows the retry) but writes nothing else.
import { createHash } from 'node:crypto';
import type { Actor } from '../modules/access/actor.ts';
import { AppError, InputError } from './errors.ts';
import type { Audit, Tx } from './mutation.ts';

/** Advisory lock namespace (two-key form): one lock per actor-scoped key. */
const IDEMPOTENCY_LOCK_NAMESPACE = 727_073_004;
const KEY_RE = /^[A-Za-z0-9._:-]{8,100}$/;

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Canonical JSON: object keys sorted, no whitespace, dates as ISO strings, undefined dropped. */
export function canonicalJson(value: unknown): string {
  const norm = (v: unknown): unknown => {
    if (v instanceof Date) return v.toISOString();
    if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : norm(x)));
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
          .map((k) => [k, norm((v as Record<string, unknown>)[k])]),
      );
    return v;
  };
  return JSON.stringify(norm(value));
}

export const requestHash = (operation: string, input: unknown) =>
  createHash('sha256').update(canonicalJson({ operation, input }), 'utf8').digest('hex');

/** Validates a client-sent key (undefined/null: the call is not idempotent). */
export function checkIdempotencyKey(key: string | null | undefined): string | null {
  if (key == null) return null;
  if (!KEY_RE.test(key))
    throw new InputError('idempotencyKey', 'INVALID_IDEMPOTENCY_KEY', {
      zh: '幂等键应为 8–100 个字符（字母、数字、. _ : -），建议使用 UUID',
      en: 'an idempotency key is 8–100 characters of letters, digits and . _ : - (a UUID is a good choice)',
    });
  return key;
}

export interface IdempotentCall {
  key: string | null | undefined;
  operation: string;
  /** everything that determines the outcome: the mutation's arguments (uploads: name, size and SHA-256) */
  input: unknown;
}

/**
 * Runs `work` once per (actor, key) inside the caller's transaction (call it inside `mutate`). Without a key it
 * just runs `work`. The response must be JSON (ids of what was written; resolvers load the rows).
 */
export async function idempotent<T extends { [k: string]: Json }>(tx: Tx, audit: Audit, actor: Actor, call: IdempotentCall, work: () => Promise<T>): Promise<T> {
  const key = checkIdempotencyKey(call.key);
  if (!key) return work();
  if (!actor.id) throw new AppError('UNAUTHENTICATED', { zh: '请先登录', en: 'sign in first' }, { reason: 'IDEMPOTENCY_NEEDS_ACTOR' });
  const stored = `${actor.kind}:${actor.id}:${key}`;
  const hash = requestHash(call.operation, call.input);
  await tx.$executeRaw`select pg_advisory_xact_lock(${IDEMPOTENCY_LOCK_NAMESPACE}::int, hashtext(${stored}))`;
  const previous = await tx.idempotencyKey.findUnique({ where: { key: stored } });
  if (previous) {
    if (previous.operation !== call.operation || previous.requestHash !== hash)
      throw new AppError(
        'IDEMPOTENCY_KEY_REUSED',
        {
          zh: `幂等键已用于另一请求（${previous.operation}），请为新的请求使用新的键`,
          en: `this idempotency key was already used for a different request (${previous.operation}); use a new key for a new request`,
        },
        { field: 'idempotencyKey', reason: 'IDEMPOTENCY_KEY_REUSED', operation: previous.operation },
      );
    audit.record({ operation: `${call.operation}:replay`, entity: 'IdempotencyKey', entityId: key, after: { replayOf: previous.createdAt.toISOString() } });
    return previous.response as T;
  }
  const response = await work();
  await tx.idempotencyKey.create({ data: { key: stored, actorId: actor.id, operation: call.operation, requestHash: hash, response } });
  return response;
}
