// The authorisation matrix: every root field of the schema × every role (and partner keys with and without the
// needed scope) → allowed or refused exactly as docs/SECURITY.md says. A root field missing from the document, or
// declared without an auth rule, fails here.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { schema } from '../../server/src/schema.ts';
import { REPO_ROOT } from '../../server/src/db/database.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { gql } from '../helpers/graphql.ts';
import { apiKeyActor, userActor } from '../helpers/auth.ts';
import { jointTaskScenario } from '../fixtures/scenario.ts';

useTestDatabase();

type Role = 'ANONYMOUS' | 'OFFICE_ADMIN' | 'DEPARTMENT_ADMIN' | 'INSPECTOR' | 'ANALYST';
const ROLES: Role[] = ['ANONYMOUS', 'OFFICE_ADMIN', 'DEPARTMENT_ADMIN', 'INSPECTOR', 'ANALYST'];

interface Row {
  field: string;
  kind: 'query' | 'mutation';
  allowed: Record<Role, boolean>;
  partner: string; // '✗', 'any' or a scope
}

function readMatrix(): Row[] {
  const text = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'SECURITY.md'), 'utf8');
  const section = text.slice(text.indexOf('## Root fields'));
  return section
    .split('\n')
    .filter((l) => /^\| `\w+` \|/.test(l))
    .map((l) => {
      const cells = l.split('|').slice(1, -1).map((c) => c.trim());
      return {
        field: cells[0]!.replace(/`/g, ''),
        kind: cells[1] as 'query' | 'mutation',
        allowed: Object.fromEntries(ROLES.map((r, i) => [r, cells[2 + i] === '✓'])) as Record<Role, boolean>,
        partner: cells[7]!,
      };
    });
}

/** A syntactically valid value for an argument type (allowed callers may then fail validation: that is fine). */
function sample(type: GraphQLInputType): string {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return `[${sample(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const req = Object.values(type.getFields()).filter((f) => isNonNullType(f.type));
    return `{ ${req.map((f) => `${f.name}: ${sample(f.type)}`).join(', ')} }`;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return '"00000000-0000-4000-8000-000000000000"';
      case 'Int':
        return '1';
      case 'Boolean':
        return 'false';
      case 'Date':
        return '"2022-01-01"';
      case 'DateTime':
        return '"2030-01-01T00:00:00Z"';
      default:
        return '"x"';
    }
  }
  return 'null';
}

function document(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const req = field.args.filter((a) => isNonNullType(a.type));
  const args = req.length ? `(${req.map((a) => `${a.name}: ${sample(a.type)}`).join(', ')})` : '';
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `${kind} { ${field.name}${args}${selection} }`;
}

const scopeRefusal = (errors: { extensions?: Record<string, unknown> }[] | undefined) =>
  errors?.find((e) => e.extensions?.reason === 'SCOPE' && ['FORBIDDEN', 'UNAUTHENTICATED'].includes(e.extensions.code as string));

const rows = readMatrix();
const headers: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  const s = await jointTaskScenario();
  headers.ANONYMOUS = {};
  headers.OFFICE_ADMIN = (await userActor('OFFICE_ADMIN', s.departments.scjg.id)).headers;
  headers.DEPARTMENT_ADMIN = (await userActor('DEPARTMENT_ADMIN', s.departments.yjgl.id)).headers;
  headers.INSPECTOR = (await userActor('INSPECTOR', s.departments.yjgl.id)).headers;
  headers.ANALYST = (await userActor('ANALYST')).headers;
  for (const scope of ['registers:read', 'results:read', 'reports:read', 'targets:import'])
    headers[`partner:${scope}`] = (await apiKeyActor([scope], s.departments.scjg.id)).headers;
});

describe('docs/SECURITY.md covers the schema', () => {
  it('every root field is in the table and declares authScopes in code', () => {
    const documented = new Set(rows.map((r) => `${r.kind}:${r.field}`));
    for (const [kind, type] of [
      ['query', schema.getQueryType()!],
      ['mutation', schema.getMutationType()!],
    ] as const) {
      for (const f of Object.values(type.getFields())) {
        expect(documented.has(`${kind}:${f.name}`), `${kind} ${f.name} is missing from docs/SECURITY.md`).toBe(true);
        const scopes = (f.extensions as { pothosOptions?: { authScopes?: unknown } }).pothosOptions?.authScopes;
        expect(scopes, `${kind} ${f.name} declares no authScopes`).toBeTruthy();
      }
    }
  });

  it('every documented field exists', () => {
    for (const r of rows) {
      const type = r.kind === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
      expect(type.getFields()[r.field], `${r.kind} ${r.field} documented but not in the schema`).toBeDefined();
    }
  });
});

describe('every root field × every role', () => {
  for (const row of rows) {
    it(`${row.kind} ${row.field}`, async () => {
      const type = row.kind === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
      const doc = document(row.kind, type.getFields()[row.field]!);
      for (const role of ROLES) {
        if (row.field === 'logout' && role !== 'ANONYMOUS') continue; // would end the shared test session; covered in sessions test
        const r = await gql(doc, undefined, headers[role]);
        const refused = scopeRefusal(r.errors);
        expect(!refused, `${role} on ${row.field}: ${JSON.stringify(r.errors?.[0])}`).toBe(row.allowed[role]);
        if (refused) expect(refused.extensions?.code).toBe(role === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      }
      for (const scope of ['registers:read', 'results:read', 'reports:read', 'targets:import']) {
        const r = await gql(doc, undefined, headers[`partner:${scope}`]);
        const expected = row.partner === 'any' || row.partner === scope;
        expect(!scopeRefusal(r.errors), `partner key with ${scope} on ${row.field}: ${JSON.stringify(r.errors?.[0])}`).toBe(expected);
      }
    });
  }
});
