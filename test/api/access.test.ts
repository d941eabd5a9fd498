// Department isolation, sessions (expiry, logout, revocation, throttling), API keys (scopes, revocation).
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../server/src/db/database.ts';
import { hashPassword } from '../../server/src/modules/access/password.ts';
import { SESSION_IDLE_MS } from '../../server/src/modules/access/actor.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { gql } from '../helpers/graphql.ts';
import { apiKeyActor, userActor, type TestActor } from '../helpers/auth.ts';
import { jointTaskScenario } from '../fixtures/scenario.ts';

useTestDatabase();
let s: Awaited<ReturnType<typeof jointTaskScenario>>;
let scjgAdmin: TestActor;
let wjjAdmin: TestActor;
let office: TestActor;
let foreignPool: { id: string };
let foreignInspector: { id: string };
let scjgInspector: { id: string };

beforeAll(async () => {
  s = await jointTaskScenario();
  office = await userActor('OFFICE_ADMIN', s.departments.scjg.id);
  scjgAdmin = await userActor('DEPARTMENT_ADMIN', s.departments.scjg.id);
  wjjAdmin = await userActor('DEPARTMENT_ADMIN', s.departments.wjj.id);
  foreignPool = await prisma().targetPool.create({ data: { departmentId: s.departments.wjj.id, name: '卫健名录库' } });
  const ipool = await prisma().inspectorPool.create({ data: { departmentId: s.departments.wjj.id, name: '卫健执法人员库' } });
  foreignInspector = await prisma().inspector.create({ data: { name: '张卫', departmentId: s.departments.wjj.id, poolId: ipool.id, certificateNo: '37068799001' } });
  scjgInspector = await prisma().inspector.create({ data: { name: '李市', departmentId: s.departments.scjg.id, certificateNo: '37068799002' } });
});

describe('a department sees only its own rows', () => {
  it('pools: lists filter, single reads refuse', async () => {
    const list = await gql(`{ targetPools { nodes { id department { code } } } }`, undefined, scjgAdmin.headers);
    expect(list.data.targetPools.nodes.map((p: any) => p.department.code)).toEqual(['SCJGJ']);
    const one = await gql(`query($id: ID!) { targetPool(id: $id) { name } }`, { id: foreignPool.id }, scjgAdmin.headers);
    expect(one.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const own = await gql(`query($id: ID!) { targetPool(id: $id) { name } }`, { id: foreignPool.id }, wjjAdmin.headers);
    expect(own.data.targetPool.name).toBe('卫健名录库');
  });

  it('nested pool relations do not leak another department\'s pools', async () => {
    const r = await gql(`query($id: ID!) { department(id: $id) { targetPools { id } inspectorPools { id } } }`, { id: s.departments.wjj.id }, scjgAdmin.headers);
    expect(r.data.department).toEqual({ targetPools: [], inspectorPools: [] });
  });

  it('inspectors: by list and by id', async () => {
    const list = await gql(`{ inspectors { nodes { name department { code } } } }`, undefined, scjgAdmin.headers);
    expect(list.data.inspectors.nodes.map((i: any) => i.department.code)).toEqual(['SCJGJ']);
    const one = await gql(`query($id: ID!) { inspector(id: $id) { name } }`, { id: foreignInspector.id }, scjgAdmin.headers);
    expect(one.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('analysts see inspector names but not certificate numbers', async () => {
    const analyst = await userActor('ANALYST');
    const names = await gql(`{ inspectors { totalCount nodes { name } } }`, undefined, analyst.headers);
    expect(names.data.inspectors.totalCount).toBe(2);
    const cert = await gql(`{ inspectors { nodes { name certificateNo } } }`, undefined, analyst.headers);
    expect(cert.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('records and unpublished results of another department stay hidden', async () => {
    const p = prisma();
    const record = await p.inspectionRecord.create({ data: { taskId: s.task.id, targetId: s.targets[0]!.id } });
    await p.itemResult.create({ data: { recordId: record.id, departmentId: s.departments.yjgl.id, checkItemId: s.items[1]!.id, code: 5 } });
    await p.itemResult.create({ data: { recordId: record.id, departmentId: s.departments.scjg.id, checkItemId: s.items[0]!.id, code: 1 } });
    const q = `query($id: ID!) { inspectionRecord(id: $id) { results { code department { code } } } }`;
    const mine = await gql(q, { id: record.id }, scjgAdmin.headers);
    expect(mine.data.inspectionRecord.results.map((r: any) => r.department.code)).toEqual(['SCJGJ']);
    const list = await gql(`{ itemResults { totalCount } }`, undefined, scjgAdmin.headers);
    expect(list.data.itemResults.totalCount).toBe(1);
    // a department outside the task sees neither the task nor its records
    const outsider = await userActor('DEPARTMENT_ADMIN', (await p.department.create({ data: { code: 'TJJ', name: '统计局', shortName: '统计' } })).id);
    expect((await gql(`{ tasks { totalCount } inspectionRecords { totalCount } }`, undefined, outsider.headers)).data).toEqual({
      tasks: { totalCount: 0 },
      inspectionRecords: { totalCount: 0 },
    });
    expect((await gql(q, { id: record.id }, outsider.headers)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // the office sees both
    const all = await gql(q, { id: record.id }, office.headers);
    expect(all.data.inspectionRecord.results).toHaveLength(2);
  });

  it('a department admin cannot create users for another department', async () => {
    const r = await gql(
      `mutation($d: ID) { createUser(input: { username: "intruder", displayName: "x", password: "Abcdefgh12!", role: INSPECTOR, departmentId: $d }) { id } }`,
      { d: s.departments.wjj.id },
      scjgAdmin.headers,
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await prisma().user.count({ where: { username: 'intruder' } })).toBe(0);
  });
});

describe('sessions', () => {
  const password = 'Haiyang#2026ok';
  beforeAll(async () => {
    await prisma().user.create({ data: { username: 'liuyang', displayName: '刘阳', passwordHash: await hashPassword(password), role: 'DEPARTMENT_ADMIN', departmentId: s.departments.scjg.id } });
  });

  const login = (username: string, pw: string, ip = '10.0.0.1') =>
    fetchLogin(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { expiresAt user { username role } } }`, { u: username, p: pw }, ip);

  async function fetchLogin(query: string, variables: Record<string, unknown>, ip: string) {
    const { yoga } = await import('../../server/src/yoga.ts');
    const res = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ query, variables }),
    });
    return { body: (await res.json()) as any, cookie: res.headers.get('set-cookie') };
  }

  it('login sets a strict HttpOnly cookie holding a 256-bit token; the database keeps only its hash', async () => {
    const r = await login('liuyang', password);
    expect(r.body.data.login.user).toEqual({ username: 'liuyang', role: 'DEPARTMENT_ADMIN' });
    expect(r.cookie).toMatch(/^ssj_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=28800$/);
    const token = /ssj_session=([^;]+)/.exec(r.cookie!)![1]!;
    expect(await prisma().session.count({ where: { id: token } })).toBe(0);
    const me = await gql(`{ me { kind role user { username } } }`, undefined, { cookie: `ssj_session=${token}` });
    expect(me.data.me).toEqual({ kind: 'user', role: 'DEPARTMENT_ADMIN', user: { username: 'liuyang' } });
  });

  it('a wrong password is refused the same way as an unknown user', async () => {
    const a = await login('liuyang', 'wrong-password', '10.0.0.2');
    const b = await login('nobody', 'wrong-password', '10.0.0.2');
    expect(a.body.errors[0].message).toBe(b.body.errors[0].message);
    expect(a.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(a.cookie).toBeNull();
  });

  it('logout ends the session at once', async () => {
    const r = await login('liuyang', password, '10.0.0.3');
    const cookie = r.cookie!.split(';')[0]!;
    expect((await gql(`mutation { logout }`, undefined, { cookie })).data.logout).toBe(true);
    expect((await gql(`{ me { kind } }`, undefined, { cookie })).data.me).toBeNull();
    expect((await gql(`{ tasks { totalCount } }`, undefined, { cookie })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('expires after 30 idle minutes and after 8 hours in all', async () => {
    const idle = await userActor('OFFICE_ADMIN');
    await prisma().session.updateMany({ where: { userId: idle.userId }, data: { lastSeenAt: new Date(Date.now() - SESSION_IDLE_MS - 1000) } });
    expect((await gql(`{ me { kind } }`, undefined, idle.headers)).data.me).toBeNull();
    const old = await userActor('OFFICE_ADMIN');
    await prisma().session.updateMany({ where: { userId: old.userId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await gql(`{ me { kind } }`, undefined, old.headers)).data.me).toBeNull();
    const fresh = await userActor('OFFICE_ADMIN');
    expect((await gql(`{ me { kind } }`, undefined, fresh.headers)).data.me).toEqual({ kind: 'user' });
  });

  it('the office revokes a session; deactivating a user revokes all of theirs', async () => {
    const victim = await userActor('INSPECTOR', s.departments.scjg.id);
    const [sess] = await prisma().session.findMany({ where: { userId: victim.userId } });
    const n = await gql(`mutation($id: String!) { revokeSession(sessionId: $id) }`, { id: sess!.id.slice(0, 12) }, office.headers);
    expect(n.data.revokeSession).toBe(1);
    expect((await gql(`{ me { kind } }`, undefined, victim.headers)).data.me).toBeNull();
    const other = await userActor('INSPECTOR', s.departments.scjg.id);
    await gql(`mutation($id: ID!) { setUserActive(userId: $id, active: false) { active } }`, { id: other.userId }, office.headers);
    expect((await gql(`{ me { kind } }`, undefined, other.headers)).data.me).toBeNull();
  });

  it('throttles an account after 5 failures (even with the right password) and an address after 20', async () => {
    await prisma().user.create({ data: { username: 'locked', displayName: 'x', passwordHash: await hashPassword(password), role: 'ANALYST' } });
    for (let i = 0; i < 5; i++) await login('locked', 'nope', `10.1.0.${i}`);
    const r = await login('locked', password, '10.1.1.1');
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'THROTTLED_ACCOUNT' });
    for (let i = 0; i < 20; i++) await login(`ghost${i}`, 'nope', '10.9.9.9');
    const fromAddress = await login('liuyang', password, '10.9.9.9');
    expect(fromAddress.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'THROTTLED_ADDRESS' });
    expect((await login('liuyang', password, '10.9.9.10')).body.data.login.user.username).toBe('liuyang');
  });
});

describe('API keys', () => {
  it('are shown once, stored hashed, scoped and revocable', async () => {
    const created = await gql(`mutation { createApiKey(input: { name: "省平台", scopes: [RESULTS_READ] }) { key apiKey { id prefix scopes } } }`, undefined, office.headers);
    const { key, apiKey } = created.data.createApiKey;
    expect(key).toMatch(new RegExp(`^ssj_${apiKey.prefix}_`));
    const row = await prisma().apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(row.keyHash).not.toContain(key.split('_')[2]);
    const listed = await gql(`{ apiKeys { prefix scopes } }`, undefined, office.headers);
    expect(JSON.stringify(listed.data)).not.toContain(key);

    const bearer = { authorization: `Bearer ${key}` };
    expect((await gql(`{ publications { totalCount } }`, undefined, bearer)).data.publications.totalCount).toBe(0);
    expect((await gql(`{ targets { totalCount } }`, undefined, bearer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    await gql(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: apiKey.id }, office.headers);
    expect((await gql(`{ publications { totalCount } }`, undefined, bearer)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('expired and tampered keys are refused', async () => {
    const k = await apiKeyActor(['registers:read']);
    expect((await gql(`{ targets { totalCount } }`, undefined, k.headers)).data.targets.totalCount).toBe(40);
    const tampered = { authorization: k.headers.authorization!.slice(0, -2) + 'zz' };
    expect((await gql(`{ targets { totalCount } }`, undefined, tampered)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await prisma().apiKey.update({ where: { id: k.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await gql(`{ targets { totalCount } }`, undefined, k.headers)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses unknown scopes and an import key without a department', async () => {
    const r = await gql(`mutation { createApiKey(input: { name: "x", scopes: [TARGETS_IMPORT] }) { key } }`, undefined, office.headers);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.departmentId' });
  });
});
