// The audit trail (one event per change, append-only in the database, tamper-evident chain) and the endpoint's
// defences (depth, aliases, cost, tokens, body size, masked errors with a request id in the log).
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db, prisma } from '../../server/src/db/database.ts';
import { logger } from '../../server/src/shared/logger.ts';
import { verifyAuditChain } from '../../server/src/modules/audit/audit.service.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { gql } from '../helpers/graphql.ts';
import { userActor, type TestActor } from '../helpers/auth.ts';
import { jointTaskScenario } from '../fixtures/scenario.ts';

useTestDatabase();
let office: TestActor;
let s: Awaited<ReturnType<typeof jointTaskScenario>>;
beforeAll(async () => {
  s = await jointTaskScenario();
  office = await userActor('OFFICE_ADMIN', s.departments.scjg.id);
});

describe('audit trail', () => {
  it('a mutation writes one event with actor, department, operation, before/after and request id', async () => {
    const before = await prisma().auditEvent.count();
    const { yoga } = await import('../../server/src/yoga.ts');
    const res = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-audit-0001', ...office.headers },
      body: JSON.stringify({ query: `mutation { createApiKey(input: { name: "审计测试", scopes: [REPORTS_READ] }) { apiKey { id } } }` }),
    });
    const body = (await res.json()) as any;
    expect(res.headers.get('x-request-id')).toBe('req-audit-0001');
    expect(await prisma().auditEvent.count()).toBe(before + 1);
    const [e] = await prisma().auditEvent.findMany({ orderBy: { id: 'desc' }, take: 1 });
    expect(e).toMatchObject({
      actorId: office.userId,
      actorKind: 'user',
      role: 'OFFICE_ADMIN',
      departmentId: s.departments.scjg.id,
      operation: 'createApiKey',
      entity: 'ApiKey',
      entityId: body.data.createApiKey.apiKey.id,
      requestId: 'req-audit-0001',
    });
    expect(JSON.stringify(e!.after)).not.toContain('keyHash');
  });

  it('the office can browse and filter events', async () => {
    const r = await gql(`{ auditEvents(filter: { operation: "createApiKey" }, perPage: 5) { totalCount nodes { operation entity hash prevHash } } }`, undefined, office.headers);
    expect(r.data.auditEvents.totalCount).toBeGreaterThanOrEqual(1);
    expect(r.data.auditEvents.nodes[0].hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the database refuses UPDATE and DELETE on audit events', async () => {
    await expect(db().raw.query(`update audit_event set operation = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db().raw.query(`delete from audit_event`)).rejects.toThrow(/append-only/);
  });

  it('verifyAuditChain holds, then finds the first tampered row', async () => {
    for (let i = 0; i < 3; i++) await gql(`mutation { createApiKey(input: { name: "链${i}", scopes: [REPORTS_READ] }) { key } }`, undefined, office.headers);
    const ok = await gql(`{ verifyAuditChain { ok checked firstBrokenId } }`, undefined, office.headers);
    expect(ok.data.verifyAuditChain.ok).toBe(true);
    expect(ok.data.verifyAuditChain.checked).toBeGreaterThanOrEqual(4);

    const rows = await prisma().auditEvent.findMany({ orderBy: { id: 'asc' } });
    const victim = rows[1]!;
    // Someone with the database superuser's power bypasses the trigger and edits one event:
    await db().raw.exec(`alter table audit_event disable trigger user;
      update audit_event set after = '{"name":"forged"}' where id = ${victim.id};
      alter table audit_event enable trigger user;`);
    const broken = await verifyAuditChain();
    expect(broken).toMatchObject({ ok: false, firstBrokenId: victim.id.toString(), reason: 'HASH_MISMATCH' });
    const viaApi = await gql(`{ verifyAuditChain { ok firstBrokenId } }`, undefined, office.headers);
    expect(viaApi.data.verifyAuditChain).toEqual({ ok: false, firstBrokenId: victim.id.toString() });
  });
});

describe('abuse limits', () => {
  it('refuses an over-deep query', async () => {
    const deep = `{ tasks { nodes { plan { tasks { plan { tasks { plan { tasks { plan { tasks { code } } } } } } } } } } }`;
    const r = await gql(deep, undefined, office.headers);
    expect(r.data).toBeUndefined();
    expect(r.errors?.[0]?.message).toMatch(/depth/i);
  });

  it('refuses too many aliases', async () => {
    const q = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: serverInfo { version }`).join(' ')} }`;
    const r = await gql(q, undefined, office.headers);
    expect(r.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('refuses an over-costly query', async () => {
    // few tokens, much work: fragments expand under every alias
    const q = `query { ${Array.from({ length: 14 }, (_, i) => `t${i}: tasks { nodes { participants { department { ...D } } leadDepartment { ...D } } }`).join(' ')} }
      fragment D on Department { ...L checkItems { department { ...L targetPools { department { ...L } } } } }
      fragment L on Department { id code name shortName isOfficeHost liaisonName liaisonPhone sortOrder active createdAt updatedAt }`;
    const r = await gql(q, undefined, office.headers);
    expect(r.errors?.[0]?.message).toMatch(/cost/i);
  });

  it('refuses too many tokens', async () => {
    const q = `{ serverInfo { ${Array.from({ length: 1100 }, () => 'version').join(' ')} } }`;
    const r = await gql(q, undefined, office.headers);
    expect(r.errors?.[0]?.message).toMatch(/token/i);
  });

  it('refuses an oversized body with 413', async () => {
    const { yoga } = await import('../../server/src/yoga.ts');
    const body = JSON.stringify({ query: `{ serverInfo { version } }`, variables: { pad: 'x'.repeat(1_100_000) } });
    const res = await yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(body.length) }, body });
    expect(res.status).toBe(413);
  });

  it('allows the GraphiQL introspection query', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const r = await gql(getIntrospectionQuery(), undefined, office.headers);
    expect(r.errors).toBeUndefined();
    expect(r.data.__schema.queryType.name).toBe('Query');
  });

  it('masks an unexpected error, with a request id that is in the log', async () => {
    const spy = vi.spyOn(logger, 'error');
    const real = db().prisma;
    const realRaw = db().raw;
    (db() as { prisma: unknown }).prisma = new Proxy(real, {
      get(target, prop) {
        if (prop === 'department') return { findMany: () => Promise.reject(new Error('connection exploded: secret detail')), count: () => Promise.resolve(0) };
        return Reflect.get(target, prop);
      },
    });
    // this list is a compiled read (shared/sql-read.ts): its one statement goes through the raw driver (prepared on PostgreSQL)
    const explode = () => Promise.reject(new Error('connection exploded: secret detail'));
    (db() as { raw: unknown }).raw = { ...realRaw, query: explode, ...(realRaw.prepared ? { prepared: explode } : {}) };
    try {
      const r = await gql(`{ departments { nodes { name } } }`, undefined, office.headers);
      expect(r.errors?.[0]?.message).toBe('Unexpected error.');
      expect(JSON.stringify(r)).not.toContain('secret detail');
      const requestId = r.errors?.[0]?.extensions?.requestId;
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      const logged = spy.mock.calls.find((c) => (c[0] as { requestId?: string }).requestId === requestId);
      expect(logged).toBeTruthy();
      expect(String((logged![0] as { err: Error }).err)).toContain('secret detail');
    } finally {
      (db() as { prisma: unknown }).prisma = real;
      (db() as { raw: unknown }).raw = realRaw;
      spy.mockRestore();
    }
  });
});
