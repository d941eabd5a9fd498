// Lists at scale (docs/BENCHMARKS.md "Scale: console list pages"):
// - boundedCount(limit) (shared/counting.ts) is exact up to its limit and says "more" beyond it, under filters and
//   row visibility, with the limit as a literal, a variable, the default or two aliases; a bad limit is a typed error;
//   it costs the same number of statements as totalCount;
// - the target filters and sorts the list indexes serve (migration 20261203105036_console_list_indexes: code columns
//   COLLATE "C", a trigram index on the name where the database has pg_trgm, an index on uscc::text) answer exactly the
//   rows and the order a plain computation over every target gives, on PGlite (no pg_trgm) and on PostgreSQL.
import { beforeAll, describe, expect, it } from 'vitest';
import { db, prisma } from '../../server/src/db/database.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { gql } from '../helpers/graphql.ts';
import { userActor, type TestActor } from '../helpers/auth.ts';
import { jointTaskScenario, testUscc } from '../fixtures/scenario.ts';
import { countUpTo } from '../../server/src/shared/counting.ts';
import { whereToSql } from '../../server/src/shared/sql-read.ts';
import { withVisibility } from '../../server/src/modules/access/visibility.ts';

useTestDatabase();
let s: Awaited<ReturnType<typeof jointTaskScenario>>;
let office: TestActor;
let yjgl: TestActor;

interface Row {
  id: string;
  uscc: string;
  name: string;
  industryCode: string;
  regionCode: string;
  riskClass: string;
  complaintCount: number;
}
let all: Row[];
let visibleToYjgl: Set<string>;

const INDUSTRY = ['C1391', 'C1392', 'C1411', 'F5265', 'H6210'];
const REGION = ['370687', '370602', '370683'];
const NAMES = ['海阳市东村饭店', '海阳市东村超市', '海阳市ABC商行', '海阳市abc五金店', '烟台市芝罘区东方商贸有限公司', '海阳市盛辉餐饮管理有限公司'];

beforeAll(async () => {
  s = await jointTaskScenario();
  office = await userActor('OFFICE_ADMIN', s.departments.scjg.id);
  yjgl = await userActor('DEPARTMENT_ADMIN', s.departments.yjgl.id);
  // 30 more targets in a pool of 应急管理局, with repeated codes, classes and complaint counts (ties to break by id)
  const pool = await prisma().targetPool.create({ data: { departmentId: s.departments.yjgl.id, name: '应急名录库', domain: '安全生产' } });
  for (let i = 0; i < 30; i++)
    await prisma().target.create({
      data: {
        uscc: testUscc(1000 + i * 37),
        name: `${NAMES[i % NAMES.length]}${i}`,
        industryCode: INDUSTRY[i % INDUSTRY.length]!,
        regionCode: REGION[i % REGION.length]!,
        riskClass: (['A', 'B', 'C', 'D'] as const)[i % 4],
        complaintCount: i % 3,
        pools: { create: { poolId: pool.id } },
      },
    });
  all = await prisma().target.findMany({ select: { id: true, uscc: true, name: true, industryCode: true, regionCode: true, riskClass: true, complaintCount: true } });
  // 应急管理局 sees its own pool and the targets drawn in tasks it takes part in (modules/access/visibility.ts)
  const drawn = await prisma().drawTarget.findMany({ where: { draw: { task: { participants: { some: { departmentId: s.departments.yjgl.id } } } } }, select: { targetId: true } });
  const own = await prisma().targetPoolMember.findMany({ where: { poolId: pool.id }, select: { targetId: true } });
  visibleToYjgl = new Set([...drawn, ...own].map((r) => r.targetId));
});

const COUNTED = `query($limit: Int, $filter: TargetFilter) { targets(filter: $filter) {
  totalCount a: boundedCount(limit: $limit) { count exact } b: boundedCount(limit: 3) { count exact } c: boundedCount { count exact } } }`;

describe('boundedCount', () => {
  it('is exact up to the limit and "more than" beyond it, with a variable, a literal, the default and two aliases', async () => {
    const n = all.length;
    for (const [limit, expected] of [
      [n, { count: n, exact: true }],
      [n + 1, { count: n, exact: true }],
      [n - 1, { count: n - 1, exact: false }],
      [1, { count: 1, exact: false }],
    ] as const) {
      const r = await gql(COUNTED, { limit }, office.headers);
      expect(r.errors).toBeUndefined();
      expect(r.data.targets.totalCount).toBe(n);
      expect(r.data.targets.a).toEqual(expected);
      expect(r.data.targets.b).toEqual({ count: 3, exact: false });
      expect(r.data.targets.c).toEqual({ count: n, exact: true }); // default 10,000
    }
    const only = await gql(`{ targets(filter: { riskClass: [D] }) { boundedCount(limit: 2) { count exact } nodes { id } } }`, {}, office.headers);
    const d = all.filter((t) => t.riskClass === 'D').length;
    expect(d).toBeGreaterThan(2);
    expect(only.data.targets.boundedCount).toEqual({ count: 2, exact: false });
  });

  it('counts only the rows the caller may see', async () => {
    const r = await gql(`{ targets { totalCount boundedCount(limit: 1000) { count exact } small: boundedCount(limit: 3) { count exact } } }`, {}, yjgl.headers);
    expect(r.errors).toBeUndefined();
    expect(visibleToYjgl.size).toBe(40); // 30 in its pool, 10 drawn in the joint task
    expect(r.data.targets.totalCount).toBe(visibleToYjgl.size);
    expect(r.data.targets.boundedCount).toEqual({ count: visibleToYjgl.size, exact: true });
    expect(r.data.targets.small).toEqual({ count: 3, exact: false });
  });

  it('the unordered compiled count agrees with Prisma\'s count, under filters and a department\'s row rules', async () => {
    const actor = { kind: 'user', id: yjgl.userId, role: 'DEPARTMENT_ADMIN', departmentId: s.departments.yjgl.id, scopes: [] } as never;
    const wheres: object[] = [
      {},
      { industryCode: { startsWith: 'C13' } },
      { OR: [{ name: { contains: 'abc', mode: 'insensitive' } }, { uscc: { startsWith: testUscc(1000).slice(0, 12) } }] },
      withVisibility('Target', actor, {}),
      withVisibility('Target', actor, { riskClass: { in: ['A', 'D'] } }),
    ];
    for (const where of wheres) {
      expect(whereToSql('Target', where), JSON.stringify(where)).not.toBeNull(); // the compiled path is the one tested
      const exact = await prisma().target.count({ where });
      for (const limit of [0, 1, exact - 1, exact, exact + 5].filter((n) => n >= 0)) {
        const viaPrisma = await prisma().target.count({ where, take: limit + 1 });
        expect(await countUpTo('Target', where, limit, () => Promise.resolve(-1)), `${JSON.stringify(where)} limit ${limit}`).toBe(viaPrisma);
      }
    }
    // outside the translatable subset Prisma counts
    expect(await countUpTo('Target', { name: { search: 'x' } }, 3, () => Promise.resolve(42))).toBe(42);
  });

  it('refuses a limit outside 1–100,000 with a typed error naming the argument', async () => {
    for (const limit of [0, -5, 100_001]) {
      const r = await gql(`query($l: Int) { targets { boundedCount(limit: $l) { count } } }`, { l: limit }, office.headers);
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit', reason: 'COUNT_LIMIT' });
    }
  });

  it('costs one statement beside the rows, like totalCount; audit events and public results have it too', async () => {
    const withTotal = await gql(`{ targets(perPage: 25) { nodes { id name } totalCount } }`, {}, office.headers);
    const withBounded = await gql(`{ targets(perPage: 25) { nodes { id name } boundedCount(limit: 10) { count exact } } }`, {}, office.headers);
    expect(withBounded.statements).toBe(withTotal.statements);
    expect(withBounded.statements).toBeLessThanOrEqual(2);
    const audit = await gql(`{ auditEvents(perPage: 1) { totalCount boundedCount(limit: 1) { count exact } } }`, {}, office.headers);
    expect(audit.errors).toBeUndefined();
    expect(audit.data.auditEvents.boundedCount).toEqual({ count: Math.min(1, audit.data.auditEvents.totalCount), exact: audit.data.auditEvents.totalCount <= 1 });
    const pub = await gql(`{ publicResults(perPage: 1) { totalCount boundedCount { count exact } } }`, {}, office.headers);
    expect(pub.errors).toBeUndefined();
    expect(pub.data.publicResults.boundedCount).toEqual({ count: pub.data.publicResults.totalCount, exact: true });
  });
});

describe('target filters and sorts served by the list indexes give the same rows on both databases', () => {
  const LIST = `query($filter: TargetFilter, $sort: TargetSort, $perPage: Int) { targets(filter: $filter, sort: $sort, perPage: $perPage) {
    nodes { id } boundedCount(limit: 1000) { count exact } } }`;
  const ids = async (actor: TestActor, filter: Record<string, unknown>, sort?: { field: string; order: 'ASC' | 'DESC' }) => {
    const r = await gql(LIST, { filter, sort, perPage: 100 }, actor.headers);
    expect(r.errors).toBeUndefined();
    expect(r.data.targets.boundedCount.exact).toBe(true);
    expect(r.data.targets.boundedCount.count).toBe(r.data.targets.nodes.length);
    return r.data.targets.nodes.map((n: { id: string }) => n.id) as string[];
  };
  const sorted = (xs: string[]) => [...xs].sort();

  it('name contains (3+ characters, 1–2 characters, Latin in any case), and a USCC prefix typed loosely', async () => {
    for (const q of ['东村饭', '东村', '村', 'abc', 'ABC商', '盛辉餐饮管理']) {
      const want = all.filter((t) => t.name.toLowerCase().includes(q.toLowerCase())).map((t) => t.id);
      expect(want.length, q).toBeGreaterThan(0);
      expect(sorted(await ids(office, { q })), q).toEqual(sorted(want));
    }
    const prefix = testUscc(1000).slice(0, 12);
    const typed = ` ${prefix.slice(0, 6).toLowerCase()} ${prefix.slice(6)}`;
    const want = all.filter((t) => t.uscc.startsWith(prefix)).map((t) => t.id);
    expect(want.length).toBeGreaterThan(0);
    expect(sorted(await ids(office, { q: typed }))).toEqual(sorted(want));
    expect(await ids(office, { q: 'zzz不存在' })).toEqual([]);
  });

  it('industry and region code prefixes, alone and with the visibility of a department', async () => {
    for (const filter of [{ industryCode: 'C13' }, { industryCode: 'C1392' }, { industryCode: 'F' }, { regionCode: '3706' }, { regionCode: '370683' }, { industryCode: 'C14', regionCode: '37068' }]) {
      const match = (t: Row) => (!filter.industryCode || t.industryCode.startsWith(filter.industryCode)) && (!filter.regionCode || t.regionCode.startsWith(filter.regionCode));
      const want = all.filter(match).map((t) => t.id);
      expect(want.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(sorted(await ids(office, filter)), JSON.stringify(filter)).toEqual(sorted(want));
      expect(sorted(await ids(yjgl, filter)), JSON.stringify(filter)).toEqual(sorted(want.filter((id) => visibleToYjgl.has(id))));
    }
  });

  it('the migration left the code columns in collation "C", the USCC text index, and the trigram index where pg_trgm exists', async () => {
    const cols = await db().raw.query<{ column_name: string; collation_name: string | null }>(
      `select column_name, collation_name from information_schema.columns where table_name = 'target' and column_name in ('uscc', 'industry_code', 'region_code', 'name') order by column_name`,
    );
    expect(Object.fromEntries(cols.rows.map((r) => [r.column_name, r.collation_name]))).toEqual({ industry_code: 'C', name: null, region_code: 'C', uscc: 'C' });
    const idx = (await db().raw.query<{ indexname: string }>(`select indexname from pg_indexes where tablename = 'target'`)).rows.map((r) => r.indexname);
    expect(idx).toContain('target_uscc_text_idx');
    const trgm = (await db().raw.query(`select 1 from pg_available_extensions where name = 'pg_trgm'`)).rows.length > 0;
    // PostgreSQL with contrib has it; the embedded PGlite loads no extension and searches by scanning
    expect(idx.includes('target_name_trgm_idx')).toBe(trgm);
    if (db().kind === 'postgres') expect(trgm).toBe(true);
  });

  it('sorts by code, class and complaint count in code-point order, ties broken by id in the same direction', async () => {
    const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
    for (const field of ['industryCode', 'regionCode', 'riskClass', 'complaintCount', 'uscc'] as const)
      for (const order of ['ASC', 'DESC'] as const) {
        const sign = order === 'ASC' ? 1 : -1;
        const want = [...all].sort((a, b) => sign * (cmp(a[field], b[field]) || cmp(a.id, b.id))).map((t) => t.id);
        expect(await ids(office, {}, { field, order }), `${field} ${order}`).toEqual(want.slice(0, 100));
      }
  });
});
