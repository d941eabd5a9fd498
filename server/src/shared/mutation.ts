// The one way a state change happens: one database transaction that runs the service's work and appends its
// audit events, retried a bounded number of times on serialization failures and deadlocks (40001, 40P01).
// A mutation that records no audit event is a programming error and rolls back.
import { prisma } from '../db/database.ts';
import { appendAudit, type AuditInput, type Tx } from '../modules/audit/audit.service.ts';
import type { Context } from '../context.ts';
import { errorChain } from './errors.ts';
import { logger } from './logger.ts';

export type { Tx };

export interface MutationOptions {
  isolation?: 'ReadCommitted' | 'RepeatableRead' | 'Serializable';
  retries?: number;
  timeoutMs?: number;
}

export class Audit {
  readonly events: AuditInput[] = [];
  record(e: AuditInput): void {
    this.events.push(e);
  }
}

/** SQLSTATEs worth another attempt: serialization_failure, deadlock_detected. */
const RETRY_SQLSTATES = ['40001', '40P01'] as const;

/**
 * The SQLSTATE (or Prisma code) that makes an error retryable, or null. Through the driver adapters Prisma reports
 * a conflict as P2034 (a model query or the commit) or as P2010 whose `meta.driverAdapterError.cause` holds
 * `originalCode` 40001/40P01 and `kind: 'TransactionWriteConflict'` (a raw query); a pg or PGlite error carries the
 * SQLSTATE as `code`, possibly as another error's `cause`. Only codes count: a message is never read, and an
 * AppError (typed refusal) is never retried — its text may quote user input or an id that contains "40001".
 */
export function retryableCode(e: unknown): string | null {
  let conflict: string | null = null;
  for (const n of errorChain(e, 8)) {
    for (const c of [n.originalCode, n.code, n.meta?.code]) if (typeof c === 'string' && (RETRY_SQLSTATES as readonly string[]).includes(c)) return c;
    // Prisma's own word for it; the SQLSTATE underneath, when there is one, is preferred (it comes later in the chain)
    if (n.code === 'P2034' || n.kind === 'TransactionWriteConflict') conflict ??= n.code === 'P2034' ? 'P2034' : 'TransactionWriteConflict';
  }
  return conflict;
}

/**
 * Transactions this process retried after 40001/40P01, and those that still failed after the last attempt. Each
 * retry also writes a warn log line `transaction retried` (request id, attempt, code), which bench/concurrency.ts
 * counts in the servers' output.
 */
export const retryStats = { retried: 0, exhausted: 0 };

export async function mutate<T>(ctx: Pick<Context, 'actor' | 'requestId'>, work: (tx: Tx, audit: Audit) => Promise<T>, opts: MutationOptions = {}): Promise<T> {
  const attempts = 1 + (opts.retries ?? 3);
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma().$transaction(
        async (tx) => {
          const audit = new Audit();
          const result = await work(tx, audit);
          if (!audit.events.length) throw new Error('a mutation must record at least one audit event');
          await appendAudit(tx, { actor: ctx.actor, requestId: ctx.requestId }, audit.events);
          return result;
        },
        { isolationLevel: opts.isolation, timeout: opts.timeoutMs ?? 30_000, maxWait: 10_000 },
      );
    } catch (e) {
      const code = retryableCode(e);
      if (code && attempt < attempts) {
        retryStats.retried++;
        logger.warn({ requestId: ctx.requestId, attempt, code }, 'transaction retried');
        await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 20));
        continue;
      }
      if (code) retryStats.exhausted++;
      throw e;
    }
  }
}
