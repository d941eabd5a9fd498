// Compiled nested reads (server/src/shared/sql-read.ts) answer exactly what the Prisma path answers: every query here
// runs both ways (COMPILED_READS on and off) as each kind of caller, and the data, the errors and the HTTP status must
// be the same; the where translation is compared with Prisma's own on the operators it covers. Also: which
// selections are compiled and which take the Prisma path.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { db, prisma, REPO_ROOT } from '../../server/src/db/database.ts';
import { compiledReadStats, useCompiledReads, whereToSql } from '../../server/src/shared/sql-read.ts';
import { withVisibility } from '../../server/src/modules/access/visibility.ts';
import { ANONYMOUS, type Actor } from '../../server/src/modules/access/actor.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { gql } from '../helpers/graphql.ts';
import { apiKeyActor, userActor } from '../helpers/auth.ts';
import { jointTaskScenario } from '../fixtures/scenario.ts';

useTestDatabase();
let s: Awaited<ReturnType<typeof jointTaskScenario>>;
const callers: [string, Record<string, string>][] = [];
let otherTaskId = '';

beforeAll(async () => {
  s = await jointTaskScenario();
  // a second task the department admin of 卫健局 takes no part in, with a participant row whose text has LIKE wildcards
  const other = await prisma().task.create({
    data: {
      code: '2022-YJGLJ-9_%', name: '应急 100% 专项_检查', year: 2023, mode: 'RISK_BASED', leadDepartmentId: s.departments.yjgl.id, status: 'READY',
      windowStart: s.task.windowStart, windowEnd: s.task.windowEnd, inspectionEndOn: s.task.inspectionEndOn,
      ratioABp: 100, ratioBBp: 200, ratioCBp: 300, ratioDBp: 400,
      scopeIndustryCodes: ['C14', 'H62'], scopeTargetTypes: ['ENTERPRISE'], scopeKeywords: ['食品'], scopeTargetIds: [s.targets[3]!.id, s.targets[1]!.id],
      participants: { create: [{ departmentId: s.departments.yjgl.id, role: 'LEAD', acceptance: 'ACCEPTED', declineReason: null }] },
    },
  });
  otherTaskId = other.id;
  callers.push(
    ['office', (await userActor('OFFICE_ADMIN', s.departments.scjg.id)).headers],
    ['department admin (participant)', (await userActor('DEPARTMENT_ADMIN', s.departments.wjj.id)).headers],
    ['inspector of the other task lead', (await userActor('INSPECTOR', s.departments.yjgl.id)).headers],
    ['analyst', (await userActor('ANALYST')).headers],
    ['partner results:read', (await apiKeyActor(['results:read'])).headers],
    ['partner registers:read', (await apiKeyActor(['registers:read'])).headers],
    ['anonymous', {}],
  );
});

async function bothWays(query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  useCompiledReads(false);
  const prismaPath = await gql(query, variables, headers);
  useCompiledReads(true);
  const before = compiledReadStats.statements;
  const compiled = await gql(query, variables, headers);
  return { prismaPath, compiled, compiledStatements: compiledReadStats.statements - before };
}

const QUERIES: [string, string, () => Record<string, unknown>][] = [
  ['tasks × participants × department', `{ tasks(perPage: 100) { totalCount nodes { code name participants { role department { name } } } pageInfo { hasNextPage endCursor } } }`, () => ({})],
  ['tasks with filters, ratios, lead department, aliases, fragments and __typename', `query($q: String, $d: ID) {
      a: tasks(filter: { q: $q, departmentId: $d, status: [DISPATCHED, READY], year: 2022 }, perPage: 5, sort: { field: code, order: DESC }) {
        nodes { __typename id ...T p: participants { role acceptance declineReason department { code shortName } } participants { role } } }
      b: tasks(filter: { q: "_" }, page: 1, perPage: 1) { nodes { code allowedTransitions ratios { A B C D } leadDepartment { code } } pageInfo { hasNextPage hasPreviousPage } } }
    fragment T on Task { code status mode stratified leadDepartment { name } }`, () => ({ q: '2022', d: s.departments.scjg.id })],
  ['a LIKE wildcard in the search text matches as Prisma matches it', `query($q: String) { tasks(filter: { q: $q }) { totalCount nodes { code } } }`, () => ({ q: '100%' })],
  ['draw × targets × target, with the serverSeed rule and a loader field', `query($id: ID!) { draw(id: $id) { id status kind serverSeed targets(first: 4, offset: 2) { rank stratum uscc ticket target { name uscc riskClass timesDrawnInYear(year: 2022) } } task { code } } }`, () => ({ id: s.draw.id })],
  ['a draw another caller may not see, and one that does not exist', `query($id: ID!, $none: ID!) { a: draw(id: $id) { id } b: draw(id: $none) { id } }`, () => ({ id: s.draw.id, none: '00000000-0000-4000-8000-000000000000' })],
  ['an out-of-range nested page size is the same typed error', `query($id: ID!) { draw(id: $id) { targets(first: 1000) { rank } } }`, () => ({ id: s.draw.id })],
  ['a task by id with its participants, scope lists and a loader-backed field', `query($id: ID!) { task(id: $id) { code scopeTargetIds scope { industryCodes regionCodes targetTypes keywords } restrictedTargets { uscc } participants { role department { name } } } }`, () => ({ id: otherTaskId })],
  ['departments and targets lists', `{ departments(perPage: 10) { nodes { code name isOfficeHost } } targets(perPage: 7, filter: { q: "测试1" }) { totalCount nodes { uscc name riskClass } } }`, () => ({})],
];

describe('compiled reads answer what the Prisma path answers', () => {
  it.each(QUERIES)('%s, as every caller', async (_name, query, vars) => {
    for (const [who, headers] of callers) {
      const { prismaPath, compiled } = await bothWays(query, vars(), headers);
      expect(compiled.data, who).toEqual(prismaPath.data);
      expect(compiled.errors, who).toEqual(prismaPath.errors);
      expect(compiled.status, who).toBe(prismaPath.status);
      // Statement counts are not compared here: Prisma reports its statements through asynchronous query events, so
      // under load the Prisma path's count can come out one short. The compiled path's counts are asserted below
      // (raw statements are counted as they are sent), and read.test / console-queries bound both paths.
    }
  });
});

describe('which selections are compiled', () => {
  const office = () => callers[0]![1];
  it('the nested list and draw reads are one compiled statement (plus the count)', async () => {
    const list = await bothWays(`{ tasks(perPage: 100) { totalCount nodes { code participants { role department { name } } } } }`, {}, office());
    expect(list.compiledStatements).toBe(1);
    expect(list.compiled.statements).toBe(2);
    const draw = await bothWays(`query($id: ID!) { draw(id: $id) { targets(first: 100) { rank target { name uscc } } } }`, { id: s.draw.id }, office());
    expect(draw.compiledStatements).toBe(1);
    expect(draw.compiled.statements).toBe(1);
    expect(draw.compiled.data.draw.targets).toHaveLength(10);
    // scalar list columns (a NULL list is [] as Prisma answers it) and computed fields with a column select
    const task = await bothWays(`query($id: ID!) { task(id: $id) { scopeTargetIds scope { regionCodes targetTypes } } }`, { id: otherTaskId }, office());
    expect(task.compiledStatements).toBe(1);
    expect(task.compiled.data).toEqual(task.prismaPath.data);
    expect(task.compiled.data.task.scope).toEqual({ regionCodes: [], targetTypes: ['ENTERPRISE'] });
  });

  it.each([
    ['a DateTime column', `{ tasks { nodes { code windowStart } } }`],
    ['a relation count', `{ tasks { nodes { code recordCount } } }`],
    ['a directive', `{ tasks { nodes { code @include(if: true) } } }`],
    ['a relation with a function select (Target.pools)', `{ targets { nodes { uscc pools { name } } } }`],
    ['an include-mode type (TaskItem)', `{ tasks { nodes { items { ratioBp } } } }`],
  ])('%s takes the Prisma path', async (_name, query) => {
    const r = await bothWays(query, {}, office());
    expect(r.compiled.errors).toBeUndefined();
    expect(r.compiledStatements).toBe(0);
    expect(r.compiled.data).toEqual(r.prismaPath.data);
  });
});

describe('the where translation selects the rows Prisma selects', () => {
  const ids = async (model: 'Task' | 'Target' | 'Draw', where: Record<string, unknown>) => {
    const delegate = (prisma() as unknown as Record<string, { findMany(a: object): Promise<{ id: string }[]> }>)[model[0]!.toLowerCase() + model.slice(1)]!;
    const expected = (await delegate.findMany({ where, select: { id: true } })).map((r) => r.id).sort();
    const sql = whereToSql(model, where);
    expect(sql, JSON.stringify(where)).not.toBeNull();
    const { rows } = await db().raw.query<{ id: string }>(`SELECT t0.id::text AS id FROM ${sql!.table} AS t0 WHERE ${sql!.sql}`, sql!.params);
    return { expected, actual: rows.map((r) => r.id).sort() };
  };
  const staff = (departmentId: string): Actor => ({ ...ANONYMOUS, kind: 'user', id: 'x', role: 'DEPARTMENT_ADMIN', departmentId });

  it.each([
    ['Task', () => ({})],
    ['Task', () => ({ AND: [] })],
    ['Task', () => ({ OR: [] })],
    ['Task', () => ({ NOT: [] })],
    ['Task', () => ({ NOT: { year: 2022 } })],
    ['Task', () => ({ NOT: [{ year: 2023 }, { status: 'READY' }] })],
    ['Task', () => ({ id: { in: [] } })],
    ['Task', () => ({ id: { notIn: [] } })],
    ['Task', () => ({ status: { notIn: ['READY'] }, year: { gte: 2022, lt: 2023 } })],
    ['Task', () => ({ year: { not: 2022 } })],
    ['Task', () => ({ planId: null })],
    ['Task', () => ({ planId: { not: null } })],
    ['Task', () => ({ cancelReason: { equals: null } })],
    ['Task', () => ({ code: { startsWith: '2022-' } })],
    ['Task', () => ({ code: { endsWith: '_%' } })],
    ['Task', () => ({ name: { contains: '%', mode: 'insensitive' } })],
    ['Task', () => ({ name: { contains: '专项_' } })],
    ['Task', () => ({ code: { contains: 'scjgj' } })],
    ['Task', () => ({ code: { contains: 'scjgj', mode: 'insensitive' } })],
    ['Task', () => ({ stratified: true, mode: 'COMPREHENSIVE' })],
    ['Task', () => ({ participants: { some: {} } })],
    ['Task', () => ({ participants: { some: { departmentId: s.departments.wjj.id, acceptance: 'PENDING' } } })],
    ['Task', () => ({ leadDepartment: { code: 'YJGLJ' } })],
    ['Task', () => ({ leadDepartment: { is: { code: 'SCJGJ' } } })],
    ['Task', () => withVisibility('Task', staff(s.departments.wjj.id), { year: 2022 })],
    ['Task', () => withVisibility('Task', staff(s.departments.yjgl.id), {})],
    ['Draw', () => withVisibility('Draw', staff(s.departments.wjj.id), { id: s.draw.id })],
    ['Draw', () => withVisibility('Draw', staff(s.departments.yjgl.id), {})],
    ['Draw', () => ({ status: { in: ['REVEALED', 'LOCKED', 'VOIDED'] } })],
    ['Target', () => withVisibility('Target', staff(s.departments.scjg.id), { riskClass: { in: ['A', 'B'] } })],
    ['Target', () => withVisibility('Target', staff(s.departments.wjj.id), {})],
    ['Target', () => ({ OR: [{ name: { contains: '测试1', mode: 'insensitive' } }, { uscc: { startsWith: 'X' } }] })],
  ] as const)('%s %#', async (model, where) => {
    const { expected, actual } = await ids(model, where() as Record<string, unknown>);
    expect(actual).toEqual(expected);
  });

  it('leaves what it does not cover to Prisma', () => {
    for (const where of [{ windowStart: { gte: new Date() } }, { participants: { none: {} } }, { participants: { every: { role: 'LEAD' } } }, { plan: { isNot: null } }, { scopeTargetIds: { has: 'x' } }, { name: { equals: 'x', mode: 'insensitive' } }, { OR: { year: 1 } }])
      expect(whereToSql('Task', where), JSON.stringify(where)).toBeNull();
  });
});

describe('what the compiled reads assume of the schema', () => {
  it('no enum value is @map-ped (compiled reads pass enum values through as the database stores them)', () => {
    const schema = readFileSync(path.join(REPO_ROOT, 'prisma', 'schema.prisma'), 'utf8');
    const enums = schema.match(/^enum \w+ \{[^}]*\}/gm) ?? [];
    expect(enums.length).toBeGreaterThan(5);
    for (const e of enums) expect(e, e.split('\n')[0]).not.toMatch(/@map\(/);
  });

  it('every relation references the primary key of the model it points to (how compiled reads join)', () => {
    const schema = readFileSync(path.join(REPO_ROOT, 'prisma', 'schema.prisma'), 'utf8');
    const models = new Map<string, string[]>();
    for (const m of schema.matchAll(/^model (\w+) \{([^}]*)\}/gm)) {
      const body = m[2]!;
      const id = /^\s*(\w+)\s+\S+.*@id\b/m.exec(body)?.[1];
      const compound = /@@id\(\[([^\]]*)\]\)/.exec(body)?.[1];
      models.set(m[1]!, id ? [id] : (compound ?? '').split(',').map((x) => x.trim()));
    }
    let relations = 0;
    for (const r of schema.matchAll(/^\s*\w+\s+(\w+)\??\s+@relation\([^)]*references:\s*\[([^\]]*)\]/gm)) {
      relations++;
      expect(r[2]!.split(',').map((x) => x.trim()), `relation to ${r[1]}`).toEqual(models.get(r[1]!));
    }
    expect(relations).toBeGreaterThan(20);
  });
});
