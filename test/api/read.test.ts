// The read API: list convention (filter, sort, page/perPage, cursors, totalCount), by-id reads, typed errors,
// and the number of SQL statements nested list queries cost (no N+1).
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../server/src/db/database.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { gql as rawGql, gqlOk as rawGqlOk } from '../helpers/graphql.ts';
import { userActor } from '../helpers/auth.ts';
import { jointTaskScenario, testUscc } from '../fixtures/scenario.ts';

useTestDatabase();
let s: Awaited<ReturnType<typeof jointTaskScenario>>;
let headers: Record<string, string> = {};
// These tests read as the joint-meeting office, which sees everything; access rules have their own tests.
const gql = (q: string, v?: Record<string, unknown>) => rawGql(q, v, headers);
const gqlOk = (q: string, v?: Record<string, unknown>) => rawGqlOk<any>(q, v, headers);
beforeAll(async () => {
  s = await jointTaskScenario();
  headers = (await userActor('OFFICE_ADMIN', s.departments.scjg.id)).headers;
});

describe('nested list queries cost at most 2 SQL statements', () => {
  it('tasks → participants → department (with totalCount)', async () => {
    const r = await gqlOk(`{
      tasks(perPage: 10) { totalCount nodes { code leadDepartment { name } participants { role acceptance department { name code } } items { checkItem { name } department { code } } } }
    }`);
    expect(r.tasks.totalCount).toBe(1);
    expect(r.tasks.nodes[0].participants).toHaveLength(3);
    expect(r.tasks.nodes[0].participants.map((p: any) => p.department.code).sort()).toEqual(['SCJGJ', 'WJJ', 'YJGLJ']);
    expect(r.__statements).toBeLessThanOrEqual(2);
    expect(r.__statements).toBeGreaterThan(0);
  });

  it('a draw → its targets → target', async () => {
    const r = await gqlOk(`query($id: ID!) { draw(id: $id) { status targetCount targets(first: 50) { rank stratum target { uscc name riskClass } } task { code } } }`, {
      id: s.draw.id,
    });
    expect(r.draw.targets).toHaveLength(10);
    const strata = r.draw.targets.map((t: any) => t.stratum);
    expect(strata).toEqual([...strata].sort());
    expect(r.draw.targets.every((t: any) => t.target.uscc.length === 18)).toBe(true);
    expect(r.__statements).toBeLessThanOrEqual(2);
  });

  it('draws list → targets → target → pools', async () => {
    const r = await gqlOk(`{ draws(perPage: 5) { nodes { targets(first: 10) { target { name pools { name department { code } } } } } } }`);
    expect(r.draws.nodes[0].targets[0].target.pools[0].department.code).toBe('SCJGJ');
    expect(r.__statements).toBeLessThanOrEqual(2);
  });

  it('Task.restrictedTargets is batched: a list of several restricted tasks costs what one costs', async () => {
    // three re-issued-like tasks, each restricted to its own targets (scope_target_ids is written by reissueTask)
    const p = prisma();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const t = await p.task.create({
        data: {
          code: `READ-R-${i}`, name: `限定任务 ${i}`, year: 2022, mode: 'COMPREHENSIVE', leadDepartmentId: s.departments.scjg.id, status: 'INVITING',
          windowStart: s.task.windowStart, windowEnd: s.task.windowEnd, inspectionEndOn: s.task.inspectionEndOn,
          ratioABp: 300, ratioBBp: 500, ratioCBp: 1000, ratioDBp: 2000,
          scopeTargetIds: s.targets.slice(30 + 3 * i, 33 + 3 * i).map((x) => x.id).reverse(),
        },
      });
      ids.push(t.id);
    }
    const q = `query($ids: [ID!]) { tasks(filter: { ids: $ids }, perPage: 10) { nodes { id restrictedTargets { uscc riskClass } } } }`;
    const one = await gqlOk(q, { ids: ids.slice(0, 1) });
    const three = await gqlOk(q, { ids });
    expect(three.tasks.nodes).toHaveLength(3);
    for (const n of three.tasks.nodes) {
      const i = ids.indexOf(n.id);
      expect(n.restrictedTargets.map((x: any) => x.uscc)).toEqual(s.targets.slice(30 + 3 * i, 33 + 3 * i).map((x) => x.uscc).sort());
    }
    // the tasks, one loader statement for every task's targets (and at most one batched load of Target columns)
    expect(one.__statements).toBeLessThanOrEqual(3);
    expect(three.__statements).toBe(one.__statements);
  });

  it('a loader-backed field is batched into one statement for the whole page', async () => {
    const r = await gqlOk(`{ targets(perPage: 40) { nodes { uscc timesDrawnInYear(year: 2022) } } }`);
    const drawn = r.targets.nodes.filter((n: any) => n.timesDrawnInYear === 1).length;
    expect(drawn).toBe(10);
    expect(r.__statements).toBe(2);
  });
});

describe('the list convention', () => {
  it('filters, sorts and pages with page/perPage', async () => {
    const r = await gqlOk(`{ targets(filter: { riskClass: [B] }, sort: { field: uscc, order: DESC }, page: 2, perPage: 5) { totalCount nodes { uscc riskClass } pageInfo { hasNextPage hasPreviousPage } } }`);
    expect(r.targets.totalCount).toBe(16);
    expect(r.targets.nodes).toHaveLength(5);
    expect(r.targets.nodes.every((n: any) => n.riskClass === 'B')).toBe(true);
    const usccs = r.targets.nodes.map((n: any) => n.uscc);
    expect([...usccs].sort().reverse()).toEqual(usccs);
    expect(r.targets.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true });
  });

  it('walks all rows with stable cursors', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const r: any = await gqlOk(`query($after: String) { targets(first: 15, after: $after) { nodes { uscc } pageInfo { hasNextPage endCursor } } }`, { after });
      seen.push(...r.targets.nodes.map((n: any) => n.uscc));
      if (!r.targets.pageInfo.hasNextPage) break;
      after = r.targets.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(40);
    expect(new Set(seen).size).toBe(40);
  });

  it('text search matches a name or a USCC prefix; department filter follows pools', async () => {
    const byName = await gqlOk(`{ targets(filter: { q: "测试12号" }) { totalCount } }`);
    expect(byName.targets.totalCount).toBe(1);
    const byPrefix = await gqlOk(`query($q: String) { targets(filter: { q: $q }) { totalCount } }`, { q: testUscc(1).slice(0, 10).toLowerCase() });
    expect(byPrefix.targets.totalCount).toBeGreaterThan(0);
    const byDept = await gqlOk(`query($d: ID) { targets(filter: { departmentId: $d }) { totalCount } }`, { d: s.departments.yjgl.id });
    expect(byDept.targets.totalCount).toBe(0);
  });

  it('tasks filter by participating department', async () => {
    const r = await gqlOk(`query($d: ID) { tasks(filter: { departmentId: $d, year: 2022 }) { totalCount } }`, { d: s.departments.wjj.id });
    expect(r.tasks.totalCount).toBe(1);
  });

  it('refuses a page size over 100 with a typed error naming the field', async () => {
    const r = await gql(`{ targets(perPage: 101) { totalCount } }`);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'perPage' });
  });

  it('refuses mixing page and cursor pagination', async () => {
    const r = await gql(`{ targets(page: 1, first: 5) { totalCount } }`);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'page' });
  });

  it('by id: found, not found (typed), malformed id (typed)', async () => {
    const ok = await gqlOk(`query($id: ID!) { department(id: $id) { code isOfficeHost } }`, { id: s.departments.scjg.id });
    expect(ok.department).toEqual({ code: 'SCJGJ', isOfficeHost: true });
    const missing = await gql(`{ department(id: "00000000-0000-4000-8000-000000000000") { code } }`);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const bad = await gql(`{ department(id: "42") { code } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('keeps the server seed secret until a draw is revealed', async () => {
    const r = await gqlOk(`query($id: ID!) { draw(id: $id) { serverSeed commitment } }`, { id: s.draw.id });
    expect(r.draw.serverSeed).toBe('c'.repeat(64));
  });
});

describe('USCC input validation', () => {
  it('an exact USCC filter normalises (lower case, spaces, full width) and finds the target', async () => {
    const code = testUscc(3);
    const messy = ` ${code.slice(0, 6).toLowerCase()} ${code.slice(6)} `;
    const r = await gqlOk(`query($u: String) { targets(filter: { uscc: $u }) { nodes { uscc } } }`, { u: messy });
    expect(r.targets.nodes).toEqual([{ uscc: code }]);
  });

  it('an invalid USCC is a typed error naming the field, in Chinese and English', async () => {
    const code = testUscc(3);
    const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    const r = await gql(`query($u: String) { targets(filter: { uscc: $u }) { totalCount } }`, { u: wrong });
    expect(r.data).toBeNull();
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.uscc', reason: 'USCC_CHECK_CHARACTER' });
    expect(r.errors?.[0]?.extensions?.messageZh).toContain('校验位');
    expect(r.errors?.[0]?.extensions?.messageEn).toContain('check character');
  });

  it('checkUscc reports without writing', async () => {
    const r = await gqlOk(`{ a: checkUscc(uscc: "91350100m000100y43") { valid normalized } b: checkUscc(uscc: "91350100M000100Y44") { valid problem messageZh } }`);
    expect(r.a).toEqual({ valid: true, normalized: '91350100M000100Y43' });
    expect(r.b).toMatchObject({ valid: false, problem: 'CHECK_CHARACTER' });
  });
});

describe('probes and errors', () => {
  it('/healthz and /readyz answer', async () => {
    const { yoga } = await import('../../server/src/yoga.ts');
    const h = await yoga.fetch('http://localhost/healthz');
    expect(h.status).toBe(200);
    const r = await yoga.fetch('http://localhost/readyz');
    expect(await r.json()).toMatchObject({ status: 'ready' });
  });

  it('GraphiQL opens with the example operations and no external assets', async () => {
    const { yoga } = await import('../../server/src/yoga.ts');
    const res = await yoga.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    const html = await res.text();
    expect(html).toContain('TasksOfDepartment');
    expect(html).toContain('DrawWithTargets');
    expect(html).not.toMatch(/unpkg\.com|jsdelivr/);
  });
});
