// The one way a state change happens: one database transaction that runs the service's work and appends its
// audit events, retried a bounded number of times on serialization failures and deadlocks (40001, 40P01).
// A mutation that records no audit event is a programming error and rolls back.
import { prisma } from '../db/database.ts';
import { appendAudit, type AuditInput, type Tx } from '../modules/audit/audit.service.ts';
import type { Context } from '../context.ts';

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

function isRetryable(e: unknown): boolean {
  const err = e as { code?: string; message?: string; meta?: { code?: string } };
  const text = `${err?.code ?? ''} ${err?.meta?.code ?? ''} ${err?.message ?? ''}`;
  return /P2034|40001|40P01|could not serialize|deadlock detected/.test(text);
}

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
      if (attempt < attempts && isRetryable(e)) {
        await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 20));
        continue;
      }
      throw e;
    }
  }
}
