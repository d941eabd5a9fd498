// Sends real GraphQL documents through yoga.fetch (no port), as a partner system or the console would.
import { yoga } from '../../server/src/yoga.ts';
import { prisma } from '../../server/src/db/database.ts';

export interface GqlResult<T = any> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
  /** SQL statements sent while the operation executed (extensions.sqlStatements; excludes resolving the caller). */
  statements: number;
  status: number;
}

const isMutation = (query: string) => /^\s*mutation\b/.test(query.replace(/^\s*#.*$/gm, ''));

/**
 * Every mutation that succeeds through this helper must leave at least one audit event (issue: every change
 * audited); the check runs for every test file that sends mutations.
 */
export async function gql<T = any>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GqlResult<T>> {
  const auditBefore = isMutation(query) ? await prisma().auditEvent.count() : 0;
  const result = await send<T>(query, variables, headers);
  if (isMutation(query) && !result.errors?.length) {
    const auditAfter = await prisma().auditEvent.count();
    if (auditAfter <= auditBefore) throw new Error(`mutation succeeded without an audit event: ${query.slice(0, 80)}`);
  }
  return result;
}

async function send<T>(query: string, variables: Record<string, unknown> | undefined, headers: Record<string, string>): Promise<GqlResult<T>> {
  const res = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as Omit<GqlResult<T>, 'statements' | 'status'> & { extensions?: { sqlStatements?: number } };
  return { ...body, statements: body.extensions?.sqlStatements ?? -1, status: res.status };
}

/** Like gql but fails the test on any GraphQL error. */
export async function gqlOk<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<T & { __statements: number }> {
  const r = await gql<T>(query, variables, headers);
  if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors, null, 2)}`);
  return Object.assign(r.data as object, { __statements: r.statements }) as T & { __statements: number };
}
