// mutate() (server/src/shared/mutation.ts) retries a transaction after a serialization failure or a deadlock
// (SQLSTATE 40001 / 40P01, Prisma P2034) a bounded number of times, counts each retry (retryStats, and a warn log
// line that bench/concurrency.ts reads), and retries nothing else: not a typed refusal whose text happens to contain
// "40001", not a unique violation, not a plain Error. On PostgreSQL a real serialization failure between two
// transactions is provoked and retried.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../server/src/db/database.ts';
import { ANONYMOUS } from '../../server/src/modules/access/actor.ts';
import { AppError, NotFoundError } from '../../server/src/shared/errors.ts';
import { mutate, retryStats, retryableCode, type Audit } from '../../server/src/shared/mutation.ts';
import { onPostgres, useTestDatabase } from '../helpers/db.ts';

useTestDatabase();

const ctx = { actor: ANONYMOUS, requestId: 'mutation-retry-test' };
const audited = (audit: Audit) => audit.record({ operation: 'retryProbe', entity: 'Probe' });
/** An error shaped like Prisma's for a driver-adapter TransactionWriteConflict. */
const p2034 = () => Object.assign(new Error('Transaction failed due to a write conflict or a deadlock. Please retry your transaction'), { code: 'P2034' });
const pgError = (code: string) => Object.assign(new Error(`pg error ${code}`), { code, severity: 'ERROR' });

/** Runs mutate with a work function that throws `errors[i]` on attempt i (then succeeds); returns attempts and outcome. */
async function attemptsFor(errors: unknown[], retries?: number) {
  let calls = 0;
  const before = { ...retryStats };
  const outcome = await mutate(
    ctx,
    async (_tx, audit) => {
      const e = errors[calls++];
      if (e) throw e;
      audited(audit);
      return 'done';
    },
    retries === undefined ? {} : { retries },
  ).catch((e: unknown) => e);
  return { calls, outcome, retried: retryStats.retried - before.retried, exhausted: retryStats.exhausted - before.exhausted };
}

describe('which errors are retried', () => {
  it('40001, 40P01 and Prisma P2034 (directly, in meta, or as the cause) are retryable; nothing else is', () => {
    expect(retryableCode(p2034())).toBe('P2034');
    expect(retryableCode(Object.assign(p2034(), { meta: { code: '40P01' } }))).toBe('40P01');
    expect(retryableCode(pgError('40001'))).toBe('40001');
    expect(retryableCode(pgError('40P01'))).toBe('40P01');
    expect(retryableCode(new Error('wrapped', { cause: pgError('40001') }))).toBe('40001');
    // a raw query's conflict through @prisma/adapter-pg (shape seen on PostgreSQL 15, Prisma 7.10)
    const rawConflict = Object.assign(new Error('Raw query failed. Code: `40001`.'), {
      code: 'P2010',
      meta: { driverAdapterError: Object.assign(new Error('TransactionWriteConflict'), { name: 'DriverAdapterError', cause: { originalCode: '40001', kind: 'TransactionWriteConflict' } }) },
    });
    expect(retryableCode(rawConflict)).toBe('40001');
    expect(retryableCode({ code: 'P2010', meta: { driverAdapterError: { cause: { originalCode: '23505', kind: 'UniqueConstraintViolation' } } } })).toBeNull();
    expect(retryableCode(pgError('23505'))).toBeNull();
    expect(retryableCode(Object.assign(new Error('unique'), { code: 'P2002' }))).toBeNull();
    expect(retryableCode(new Error('could not serialize access due to concurrent update (40001)'))).toBeNull();
    expect(retryableCode(new NotFoundError('检查记录', '12340001-aaaa-4bbb-8ccc-40p01deadbee'))).toBeNull();
    expect(retryableCode(new AppError('CONFLICT', { zh: '冲突 40001', en: 'conflict 40001' }, { code: '40001' }))).toBeNull();
    expect(retryableCode(null)).toBeNull();
    expect(retryableCode('40001')).toBeNull();
  });

  it('a conflict on the first two attempts: the third commits, two retries counted', async () => {
    const r = await attemptsFor([p2034(), pgError('40P01')]);
    expect(r).toMatchObject({ calls: 3, outcome: 'done', retried: 2, exhausted: 0 });
  });

  it('bounded: a conflict on every attempt gives up after 1 + 3 attempts and rethrows the conflict', async () => {
    const r = await attemptsFor(Array.from({ length: 10 }, p2034));
    expect(r.calls).toBe(4);
    expect(r.retried).toBe(3);
    expect(r.exhausted).toBe(1);
    expect((r.outcome as { code?: string }).code).toBe('P2034');
  });

  it('the bound follows opts.retries (0 = one attempt)', async () => {
    expect(await attemptsFor(Array.from({ length: 10 }, p2034), 1)).toMatchObject({ calls: 2, retried: 1, exhausted: 1 });
    expect(await attemptsFor(Array.from({ length: 10 }, p2034), 0)).toMatchObject({ calls: 1, retried: 0, exhausted: 1 });
  });

  it('typed refusals, unique violations and plain errors are thrown at once, not retried', async () => {
    for (const e of [new NotFoundError('检查记录', '12340001-aaaa-4bbb-8ccc-000000040001'), pgError('23505'), Object.assign(new Error('x'), { code: 'P2002' }), new Error('deadlock detected')]) {
      const r = await attemptsFor([e, e, e, e]);
      expect(r).toMatchObject({ calls: 1, retried: 0, exhausted: 0 });
      expect(r.outcome).toBe(e);
    }
  });
});

describe.runIf(onPostgres)('a real serialization failure (PostgreSQL)', () => {
  beforeAll(async () => {
    await db().raw.exec('create table retry_probe (id int primary key, v int not null); insert into retry_probe values (1, 0)');
  });

  it('two SERIALIZABLE transactions update one row: the loser gets 40001 (P2034) and its retry commits', async () => {
    let release!: () => void;
    const bothRead = new Promise<void>((r) => (release = r));
    let reads = 0;
    const attempts = { a: 0, b: 0 };
    const before = retryStats.retried;
    const bump = (who: 'a' | 'b') =>
      mutate(
        { ...ctx, requestId: `retry-${who}` },
        async (tx, audit) => {
          attempts[who]++;
          await tx.$queryRaw`select v from retry_probe where id = 1`;
          if (++reads === 2) release();
          await bothRead; // both snapshots taken before either writes (the retry finds the barrier open)
          await tx.$executeRaw`update retry_probe set v = v + 1 where id = 1`;
          audited(audit);
          return who;
        },
        { isolation: 'Serializable' },
      );
    expect((await Promise.all([bump('a'), bump('b')])).sort()).toEqual(['a', 'b']);
    const { rows } = await db().raw.query<{ v: number }>('select v from retry_probe where id = 1');
    expect(rows[0]!.v).toBe(2); // no lost update
    expect(attempts.a + attempts.b).toBe(3); // one of them ran twice
    expect(retryStats.retried - before).toBe(1);
  });

  it('without retries the same race surfaces as Prisma P2010 carrying the driver adapter\'s 40001 (the shape retryableCode relies on)', async () => {
    let release!: () => void;
    const bothRead = new Promise<void>((r) => (release = r));
    let reads = 0;
    const bump = () =>
      mutate(
        ctx,
        async (tx, audit) => {
          await tx.$queryRaw`select v from retry_probe where id = 1`;
          if (++reads === 2) release();
          await bothRead;
          await tx.$executeRaw`update retry_probe set v = v + 1 where id = 1`;
          audited(audit);
          return 'ok';
        },
        { isolation: 'Serializable', retries: 0 },
      ).catch((e: unknown) => e);
    const outcomes = await Promise.all([bump(), bump()]);
    const failed = outcomes.filter((o) => o !== 'ok');
    expect(failed).toHaveLength(1);
    expect(retryableCode(failed[0])).toBe('40001');
  });
});
