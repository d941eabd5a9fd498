// The credential cache (server/src/modules/access/actor.ts): a session or API key used again within 2 s costs no
// SQL statement, and every change to it still takes effect on the very next request — through the API, through
// Prisma directly, or through raw SQL.
import { beforeAll, describe, expect, it } from 'vitest';
import { db, prisma } from '../../server/src/db/database.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { gql } from '../helpers/graphql.ts';
import { apiKeyActor, userActor, type TestActor } from '../helpers/auth.ts';
import { sha256hex } from '../../server/src/modules/access/actor.ts';

useTestDatabase();
let office: TestActor;

/** SQL statements of the whole request, resolving the caller included. */
async function costOf(query: string, headers: Record<string, string>) {
  const before = db().stats.statements;
  const r = await gql(query, undefined, headers);
  return { r, statements: db().stats.statements - before };
}

beforeAll(async () => {
  office = await userActor('OFFICE_ADMIN');
});

describe('credential cache', () => {
  it('a session used again costs no lookup', async () => {
    const a = await userActor('ANALYST');
    const first = await costOf(`{ me { kind role } }`, a.headers);
    const second = await costOf(`{ me { kind role } }`, a.headers);
    expect(first.r.data.me).toEqual({ kind: 'user', role: 'ANALYST' });
    expect(second.r.data.me).toEqual({ kind: 'user', role: 'ANALYST' });
    expect(second.statements).toBe(first.statements - 1);
  });

  it('revocation through the API takes effect on the next request', async () => {
    const victim = await userActor('ANALYST');
    expect((await gql(`{ me { kind } }`, undefined, victim.headers)).data.me).toEqual({ kind: 'user' });
    expect((await gql(`{ me { kind } }`, undefined, victim.headers)).data.me).toEqual({ kind: 'user' });
    const id = sha256hex(victim.token);
    const n = await gql(`mutation($id: String!) { revokeSession(sessionId: $id) }`, { id: id.slice(0, 12) }, office.headers);
    expect(n.data.revokeSession).toBe(1);
    expect((await gql(`{ me { kind } }`, undefined, victim.headers)).data.me).toBeNull();
  });

  it('a role change, a revocation and a deactivation written directly take effect on the next request', async () => {
    const u = await userActor('ANALYST');
    expect((await gql(`{ me { role } }`, undefined, u.headers)).data.me).toEqual({ role: 'ANALYST' });
    await prisma().user.update({ where: { id: u.userId }, data: { role: 'OFFICE_ADMIN' } });
    expect((await gql(`{ me { role } }`, undefined, u.headers)).data.me).toEqual({ role: 'OFFICE_ADMIN' });
    await db().raw.query(`update session set revoked_at = now() where id = $1`, [sha256hex(u.token)]);
    expect((await gql(`{ me { role } }`, undefined, u.headers)).data.me).toBeNull();

    const v = await userActor('ANALYST');
    expect((await gql(`{ me { kind } }`, undefined, v.headers)).data.me).toEqual({ kind: 'user' });
    await prisma().$transaction(async (tx) => {
      await tx.user.update({ where: { id: v.userId }, data: { active: false } });
    });
    expect((await gql(`{ me { kind } }`, undefined, v.headers)).data.me).toBeNull();
  });

  it('an API key used again costs no lookup; revoking it takes effect on the next request', async () => {
    const k = await apiKeyActor(['results:read']);
    await costOf(`{ me { kind } }`, k.headers); // first use: lookup and lastUsedAt written (not kept: it was a write)
    const second = await costOf(`{ me { kind } }`, k.headers);
    const third = await costOf(`{ me { kind } }`, k.headers);
    expect(third.r.data.me).toEqual({ kind: 'apiKey' });
    expect(third.statements).toBe(second.statements - 1);
    const wrong = { authorization: k.headers.authorization!.slice(0, -2) + 'zz' };
    expect((await gql(`{ me { kind } }`, undefined, wrong)).data.me).toBeNull();
    await gql(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: k.id }, office.headers);
    expect((await gql(`{ me { kind } }`, undefined, k.headers)).data.me).toBeNull();
  });
});
