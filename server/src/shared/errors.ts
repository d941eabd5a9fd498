// Expected failures: typed GraphQL errors that name the field at fault and say why, in Chinese and English.
// Anything else thrown in a resolver is unexpected and masked by Yoga (with the request id in the log).
import { GraphQLError } from 'graphql';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'INVALID_TRANSITION'
  /** a published result (or a record whose every part is published) cannot change; corrections go beside it */
  | 'PUBLISHED_IMMUTABLE'
  /** an idempotency key was sent again with different input */
  | 'IDEMPOTENCY_KEY_REUSED';

export interface Bilingual {
  zh: string;
  en: string;
}

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: Bilingual, extra: { field?: string; reason?: string; [k: string]: unknown } = {}) {
    super(`${message.zh} / ${message.en}`, {
      extensions: { code, messageZh: message.zh, messageEn: message.en, ...extra },
    });
  }
}

export class InputError extends AppError {
  constructor(field: string, reason: string, message: Bilingual) {
    super('BAD_USER_INPUT', { zh: `${field}：${message.zh}`, en: `${field}: ${message.en}` }, { field, reason });
  }
}

export class NotFoundError extends AppError {
  constructor(entity: string, id: string) {
    super('NOT_FOUND', { zh: `未找到${entity}（${id}）`, en: `${entity} ${id} not found` }, { entity, id });
  }
}

/** The fields of a database or driver error (pg, PGlite, Prisma, a driver adapter) that say what went wrong. */
export interface DriverErrorNode {
  code?: unknown;
  originalCode?: unknown;
  kind?: unknown;
  message?: unknown;
  meta?: { code?: unknown; driverAdapterError?: unknown };
  cause?: unknown;
}

/**
 * An error and the errors it wraps, breadth first: Prisma's `meta.driverAdapterError`, `cause`, a GraphQLError's
 * `originalError` (at most `max` of them). Typed refusals (AppError) are not followed: their text may quote input.
 * What a caller recognises in a driver error (a retryable conflict, an unreachable database) is looked for here.
 */
export function* errorChain(e: unknown, max = 10): Generator<DriverErrorNode> {
  const queue: unknown[] = [e];
  for (let seen = 0; queue.length && seen < max; seen++) {
    const n = queue.shift() as (DriverErrorNode & { originalError?: unknown }) | null | undefined;
    if (!n || typeof n !== 'object' || n instanceof AppError) continue;
    yield n;
    queue.push(n.meta?.driverAdapterError, n.cause, n instanceof GraphQLError ? n.originalError : undefined);
  }
}
