// When the database cannot be reached (PostgreSQL restarting, connections dropped), the server answers GraphQL with
// the typed SERVICE_UNAVAILABLE error — bilingual, no internals — and /readyz with 503 and a typed body, instead of a
// masked INTERNAL_SERVER_ERROR; the classifier (server/src/db/unavailable.ts) recognises the error shapes seen from
// pg, @prisma/adapter-pg and Prisma during `pg_ctl stop/restart` (bench/faults.ts, scenario pg-restart) and nothing
// else. On PostgreSQL, connections killed under the pool are replaced: the next requests succeed.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { db, openDatabase, useDatabase, type Database } from '../../server/src/db/database.ts';
import { databaseUnavailable } from '../../server/src/db/unavailable.ts';
import { SESSION_COOKIE } from '../../server/src/modules/access/actor.ts';
import { AppError, NotFoundError } from '../../server/src/shared/errors.ts';
import { yoga } from '../../server/src/yoga.ts';
import { LEAK_RE } from '../fuzz/graphql-fuzzer.ts';
import { userActor } from '../helpers/auth.ts';
import { onPostgres, useTestDatabase } from '../helpers/db.ts';
import { adminUrl } from '../helpers/global-setup.ts';

const testDb = useTestDatabase();

const post = async (query: string, headers: Record<string, string> = {}) => {
  const res = await yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
};

describe('which errors mean "database unavailable"', () => {
  const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code, severity: 'FATAL' });
  // the shapes logged by the servers of bench/faults.ts while PostgreSQL stopped (Prisma 7.10, @prisma/adapter-pg, pg 8)
  const prismaRaw = (cause: Record<string, unknown>) =>
    Object.assign(new Error('Invalid `prisma.$executeRaw()` invocation: Raw query failed. Code: `57P01`.'), {
      code: 'P2010',
      meta: { driverAdapterError: Object.assign(new Error('postgres'), { name: 'DriverAdapterError', cause }) },
    });

  it('recognises PostgreSQL shutdown and connection codes, Prisma and adapter codes, socket errors and pg\'s dead-connection messages', () => {
    expect(databaseUnavailable(pgError('57P01', 'terminating connection due to administrator command'))).toBe('57P01');
    expect(databaseUnavailable(pgError('57P03', 'the database system is shutting down'))).toBe('57P03');
    expect(databaseUnavailable(pgError('08006'))).toBe('08006');
    expect(databaseUnavailable(prismaRaw({ kind: 'postgres', code: '57P01', severity: 'FATAL', message: 'terminating connection due to administrator command' }))).toBe('57P01');
    expect(databaseUnavailable(prismaRaw({ kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 }))).toBe('DatabaseNotReachable');
    expect(databaseUnavailable(Object.assign(new Error("Can't reach database server"), { code: 'P1001' }))).toBe('P1001');
    expect(databaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED', errno: -111 }))).toBe('ECONNREFUSED');
    expect(databaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe('Connection terminated unexpectedly');
    expect(databaseUnavailable(new Error('Client has encountered a connection error and is not queryable'))).not.toBeNull();
    expect(databaseUnavailable(new Error('wrapped', { cause: pgError('57P02') }))).toBe('57P02');
  });

  it('does not take typed refusals, constraint violations or bugs for an outage', () => {
    expect(databaseUnavailable(new NotFoundError('检查记录', 'Connection terminated unexpectedly'))).toBeNull();
    expect(databaseUnavailable(new AppError('CONFLICT', { zh: '冲突', en: 'conflict' }, { code: '57P01' }))).toBeNull();
    expect(databaseUnavailable(pgError('23505', 'duplicate key value violates unique constraint'))).toBeNull();
    expect(databaseUnavailable(prismaRaw({ kind: 'UniqueConstraintViolation', constraint: { fields: ['uscc'] } }))).toBeNull();
    expect(databaseUnavailable(Object.assign(new Error('Unique constraint failed'), { code: 'P2002' }))).toBeNull();
    expect(databaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBeNull();
    expect(databaseUnavailable(new Error('the connection terminated unexpectedly, said the user'))).toBeNull();
    expect(databaseUnavailable(null)).toBeNull();
  });
});

describe('a server whose PostgreSQL does not answer', () => {
  let dead: Database | undefined;
  afterAll(async () => {
    useDatabase(testDb());
    await dead?.close().catch(() => {});
  });

  it('answers GraphQL with SERVICE_UNAVAILABLE (typed, bilingual, no internals) and /readyz with 503 and a typed body', async () => {
    // nothing listens on port 1: every connection attempt is refused, as while PostgreSQL is stopped
    dead = await openDatabase({ url: 'postgres://postgres@127.0.0.1:1/none', migrate: false, poolSize: 2 });
    useDatabase(dead);
    const r = await post(`{ tasks(perPage: 1) { totalCount } }`, { cookie: `${SESSION_COOKIE}=not-a-real-session-token-but-looked-up` });
    expect(r.status).toBe(200);
    expect(r.body.errors).toHaveLength(1);
    const e = r.body.errors![0]!;
    expect(e.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_UNAVAILABLE', messageZh: expect.any(String), messageEn: expect.any(String) });
    expect(e.message).not.toMatch(LEAK_RE);
    expect(e.message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|5432/);

    const ready = await yoga.fetch('http://localhost/readyz');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', code: 'DATABASE_UNAVAILABLE', reason: 'ECONNREFUSED', database: 'postgres' });
    useDatabase(testDb());
  });

  it('/readyz is 200 on a database that answers', async () => {
    const ready = await yoga.fetch('http://localhost/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: db().kind });
  });
});

describe.runIf(onPostgres)('connections killed under the pool (PostgreSQL)', () => {
  it('are replaced: after pg_terminate_backend of every pool connection the next requests all succeed', async () => {
    const office = await userActor('OFFICE_ADMIN');
    const ask = () => post(`{ tasks(perPage: 1) { totalCount } }`, office.headers);
    // fill the pool with connections, then kill them all from outside, as a PostgreSQL restart does
    await Promise.all(Array.from({ length: 5 }, ask));
    const name = (await db().raw.query<{ db: string }>('select current_database() as db')).rows[0]!.db;
    const admin = new pg.Client({ connectionString: adminUrl(process.env.DATABASE_URL!) });
    await admin.connect();
    const killed = await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [name]);
    await admin.end();
    expect(killed.rowCount).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 200)); // the idle clients see their sockets close
    const after = await Promise.all(Array.from({ length: 8 }, ask));
    for (const r of after) expect(r.body.errors ?? []).toEqual([]);
    expect((await yoga.fetch('http://localhost/readyz')).status).toBe(200);
  });
});
