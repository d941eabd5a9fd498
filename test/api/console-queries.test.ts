// SQL per request (issue 9): every list and show query the console sends — the selections are read from the
// console's own data provider (admin/src/dataProvider/fields.ts), so a new console field is measured the moment it is
// added — costs a bounded number of SQL statements whatever the page size: no N+1 anywhere. Each resource's list
// is measured with 1 and with 25 rows per page and must cost the same; list ≤ 2 statements (the rows with every nested
// relation, and the total count), show ≤ 2; as the office, a department admin (its visibility rules add joins) and an
// analyst (statements resolving the caller are not counted: a session is looked up once per 2 s, docs/SECURITY.md).
import { beforeAll, describe, expect, it } from 'vitest';
import { resourceFields, selectionOf } from '../../admin/src/dataProvider/fields.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { gql } from '../helpers/graphql.ts';
import { userActor, type TestActor } from '../helpers/auth.ts';
import { jointTaskScenario } from '../fixtures/scenario.ts';

useTestDatabase();
let office: TestActor;
let departmentAdmin: TestActor;
let analyst: TestActor;

beforeAll(async () => {
  const s = await jointTaskScenario();
  office = await userActor('OFFICE_ADMIN', s.departments.scjg.id);
  departmentAdmin = await userActor('DEPARTMENT_ADMIN', s.departments.yjgl.id, { isDepartmentHead: true });
  analyst = await userActor('ANALYST');
});

const LIST_MAX = 2;
const SHOW_MAX = 2;

function listQuery(resource: string, role: 'OFFICE_ADMIN' | 'DEPARTMENT_ADMIN' | 'ANALYST'): string {
  const d = resourceFields[resource]!;
  const sortable = d.sortable !== false;
  return `query ${resource}List($page: Int, $perPage: Int${sortable ? `, $sort: ${d.type}Sort` : ''}) {
    ${resource}(page: $page, perPage: $perPage${sortable ? ', sort: $sort' : ''}) {
      nodes { ${selectionOf(d, 'list', role)} } totalCount pageInfo { hasNextPage hasPreviousPage } } }`;
}

describe('console queries cost a bounded number of SQL statements', () => {
  const resources = Object.keys(resourceFields);

  it.each(resources)('%s: list (1 and 25 rows) and show', async (resource) => {
    const d = resourceFields[resource]!;
    for (const [role, actor] of [['OFFICE_ADMIN', () => office], ['DEPARTMENT_ADMIN', () => departmentAdmin], ['ANALYST', () => analyst]] as const) {
      const q = listQuery(resource, role);
      const one = await gql(q, { page: 1, perPage: 1 }, actor().headers);
      if (one.errors?.some((e) => e.extensions?.code === 'FORBIDDEN' || e.extensions?.code === 'UNAUTHENTICATED')) continue; // not this role's resource
      expect(one.errors, `${resource} as ${role}`).toBeUndefined();
      const many = await gql(q, { page: 1, perPage: 25 }, actor().headers);
      expect(many.errors).toBeUndefined();
      expect(many.statements, `${resource} list as ${role}: 25 rows cost ${many.statements}, 1 row ${one.statements}`).toBe(one.statements);
      expect(many.statements, `${resource} list as ${role}`).toBeLessThanOrEqual(LIST_MAX);
      const first = (many.data as Record<string, { nodes: { id: string }[] }>)[resource]!.nodes[0];
      if (d.one && first) {
        const show = await gql(`query Show($id: ID!) { ${d.one}(id: $id) { ${selectionOf(d, 'show', role)} } }`, { id: first.id }, actor().headers);
        expect(show.errors, `${resource} show as ${role}`).toBeUndefined();
        expect(show.statements, `${resource} show as ${role}`).toBeLessThanOrEqual(SHOW_MAX);
      }
    }
  });
});
