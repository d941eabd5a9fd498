// SQL per request for partner systems (issue 9): every root query a partner key may call, with a selection generated
// from the schema — every field the key may read, two levels deep (scalars of the node, and the scalars of each
// object it links to) — costs the same number of SQL statements for 1 and for 25 rows, and at most 2: the rows with
// every nested relation, and the total count when it is selected (no N+1 anywhere). Data: the demo data (published
// results, corrections, credit events, locked draws); one key with every read scope.
import { getNamedType, isLeafType, isNonNullType, isObjectType, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../server/src/db/database.ts';
import { seedDemo } from '../../server/src/db/seed.ts';
import { schema } from '../../server/src/schema.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { gql } from '../helpers/graphql.ts';
import { apiKeyActor } from '../helpers/auth.ts';

useTestDatabase();
let headers: Record<string, string>;

beforeAll(async () => {
  await seedDemo(db(), { targets: 400 });
  // The demo has one draw, one correction and no credit events: add rows a partner may read, so that each list
  // below has more than one row and a per-row statement would show (rows only: these tests measure reads).
  await db().raw.exec(`
    insert into draw (task_id, kind, algorithm, status, stratified, params, candidate_count, candidate_hash, commitment,
                      server_seed, public_input_source, public_input, seed, result_hash, selected_count, revealed_at, voided_at, void_reason)
    select d.task_id, d.kind, d.algorithm, 'VOIDED', d.stratified, d.params, d.candidate_count, d.candidate_hash, d.commitment,
           d.server_seed, d.public_input_source, d.public_input, d.seed, d.result_hash, d.selected_count, d.revealed_at, now(), 'partner query test ' || g
      from draw d cross join generate_series(1, 4) g where d.status = 'LOCKED';
    insert into draw_target (draw_id, target_id, uscc, stratum, rank, ticket, year)
    select v.id, dt.target_id, dt.uscc, dt.stratum, dt.rank, dt.ticket, dt.year
      from draw v join draw l on l.task_id = v.task_id and l.status = 'LOCKED' join draw_target dt on dt.draw_id = l.id
     where v.status = 'VOIDED';
    insert into credit_event (target_id, kind, item_result_id, result_code, department_id, effective_from)
    select r.target_id, 'FOLLOW_UP_REQUIRED', ir.id, ir.code, ir.department_id, current_date
      from item_result ir join inspection_record r on r.id = ir.record_id where ir.publication_id is not null limit 30;
    insert into correction (item_result_id, publication_id, reason, old_code, new_code, status, due_on, decided_at)
    select ir.id, ir.publication_id, '核对更正', ir.code, 1, 'APPROVED', current_date, now()
      from item_result ir where ir.publication_id is not null
       and not exists (select 1 from correction c where c.item_result_id = ir.id) limit 10;`);
  headers = (await apiKeyActor(['registers:read', 'results:read', 'reports:read'])).headers;
}, 120_000);

/** The list queries a partner key may call (docs/SECURITY.md, "Root fields", partner column). */
const PARTNER_LISTS = ['departments', 'checkItems', 'itemLists', 'plans', 'targets', 'draws', 'itemResults', 'publications', 'publicResults', 'creditEvents', 'corrections'];
/** Their by-id reads. */
/**
 * Fields computed from another table by a per-request DataLoader: one batched statement each for the whole page
 * (Plan.submittedAt and Plan.submittedLate are read from the plan's audit trail, the tamper-evident record).
 */
const LOADER_STATEMENTS: Record<string, number> = { plans: 1, plan: 1 };
const PARTNER_ONES: Record<string, string> = { department: 'departments', checkItem: 'checkItems', itemList: 'itemLists', plan: 'plans', target: 'targets', draw: 'draws', itemResult: 'itemResults', publication: 'publications', creditEvent: 'creditEvents', correction: 'corrections' };

const hasRequiredArgs = (f: GraphQLField<unknown, unknown>) => f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined);
const scalars = (t: GraphQLObjectType, skip: Set<string>, prefix: string) =>
  Object.values(t.getFields())
    .filter((f) => isLeafType(getNamedType(f.type)) && !hasRequiredArgs(f) && !skip.has(`${prefix}${f.name}`))
    .map((f) => f.name);

/** Every readable scalar of the type, and of each object (or list of objects) it links to, minus refused paths. */
function selection(t: GraphQLObjectType, skip: Set<string>, prefix = '', depth = 2): string {
  const parts = scalars(t, skip, prefix);
  if (depth > 1)
    for (const f of Object.values(t.getFields())) {
      const named = getNamedType(f.type);
      if (!isObjectType(named) || hasRequiredArgs(f) || skip.has(`${prefix}${f.name}`)) continue;
      // a list field with paging arguments (first/perPage) is asked for 5 rows
      const args = f.args.find((a) => a.name === 'first') ? '(first: 5)' : '';
      const inner = isObjectType(named) && named.name.endsWith('Page') ? '' : selection(named, skip, `${prefix}${f.name}.`, depth - 1);
      if (inner) parts.push(`${f.name}${args} { ${inner} }`);
    }
  return parts.join(' ');
}

/** Sends the document, dropping the fields the key is refused (FORBIDDEN on a nested path) until none is left. */
async function measured(build: (skip: Set<string>) => string, variables: Record<string, unknown>, root: string) {
  const skip = new Set<string>();
  for (let round = 0; round < 8; round++) {
    const r = await gql(build(skip), variables, headers);
    const refused = (r.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN' && e.path && e.path.length > 1);
    if (!refused.length) return { r, skip };
    // path: [root, 'nodes', 0, field, ...] → field path without list indexes and the page wrapper
    for (const e of refused) skip.add(e.path!.slice(1).filter((p) => typeof p === 'string' && p !== 'nodes').join('.'));
    if (round === 7) throw new Error(`${root}: still refused after dropping ${[...skip].join(', ')}`);
  }
  throw new Error('unreachable');
}

describe('partner queries cost a bounded number of SQL statements', () => {
  const query = schema.getQueryType()!.getFields();

  it.each(PARTNER_LISTS)('%s: 1 and 25 rows cost the same, ≤ 2 statements with totalCount (+1 per batched loader)', async (root) => {
    const page = getNamedType(query[root]!.type) as GraphQLObjectType;
    const node = getNamedType(page.getFields().nodes!.type) as GraphQLObjectType;
    const doc = (skip: Set<string>) => `query($perPage: Int) { ${root}(perPage: $perPage) { totalCount nodes { ${selection(node, skip)} } } }`;
    const { r: one, skip } = await measured(doc, { perPage: 1 }, root);
    expect(one.errors, root).toBeUndefined();
    const many = await gql(doc(skip), { perPage: 25 }, headers);
    expect(many.errors, root).toBeUndefined();
    const rows = (many.data as Record<string, { nodes: unknown[] }>)[root]!.nodes.length;
    expect(rows, `${root}: the demo data has rows for a partner`).toBeGreaterThan(1);
    expect(many.statements, `${root}: 25 rows cost ${many.statements}, 1 row ${one.statements}`).toBe(one.statements);
    const loaders = LOADER_STATEMENTS[root] ?? 0;
    expect(many.statements, root).toBeLessThanOrEqual(2 + loaders);
    // without totalCount: one statement for the whole tree
    const noCount = await gql(`query($perPage: Int) { ${root}(perPage: $perPage) { nodes { ${selection(node, skip)} } } }`, { perPage: 25 }, headers);
    expect(noCount.errors, root).toBeUndefined();
    expect(noCount.statements, `${root} without totalCount`).toBeLessThanOrEqual(1 + loaders);
  });

  it.each(Object.entries(PARTNER_ONES))('%s(id): ≤ 2 statements', async (one, list) => {
    const ids = await gql(`{ ${list}(perPage: 1) { nodes { id } } }`, {}, headers);
    const id = (ids.data as Record<string, { nodes: { id: string }[] }>)[list]!.nodes[0]!.id;
    const type = getNamedType(query[one]!.type) as GraphQLObjectType;
    const { r } = await measured((skip) => `query($id: ID!) { ${one}(id: $id) { ${selection(type, skip)} } }`, { id }, one);
    expect(r.errors, one).toBeUndefined();
    expect(r.statements, one).toBeLessThanOrEqual(2 + (LOADER_STATEMENTS[one] ?? 0));
  });

  it('reports: one statement per report', async () => {
    for (const q of [
      `{ quarterlyReport(year: 2022, quarter: 4) { total { figures { key numerator denominator } } departments { departmentCode figures { key numerator } } } }`,
      `{ annualReport(year: 2022) { total { figures { key numerator } } departments { departmentCode figures { key numerator } } } }`,
      `{ drawStratificationRate(year: 2022) { rateBp } }`,
    ]) {
      const r = await gql(q, {}, headers);
      expect(r.errors, q).toBeUndefined();
      expect(r.statements, q).toBeLessThanOrEqual(1);
    }
  });

  it('lists of lists stay batched: draws → targets → target', async () => {
    const q = `query($perPage: Int) { draws(perPage: $perPage) { nodes { id targets(first: 20) { rank target { uscc name riskClass } } } } }`;
    const one = await gql(q, { perPage: 1 }, headers);
    const many = await gql(q, { perPage: 25 }, headers);
    expect(many.errors).toBeUndefined();
    expect(many.statements).toBe(one.statements);
    expect(many.statements).toBeLessThanOrEqual(1);
  });
});
