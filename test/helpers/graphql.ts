// Sends real GraphQL documents through yoga.fetch (no port), as a partner system or the console would.
import { yoga } from '../../server/src/yoga.ts';
import { db } from '../../server/src/db/database.ts';

export interface GqlResult<T = any> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
  /** SQL statements Prisma sent while this request ran. */
  statements: number;
  status: number;
}

export async function gql<T = any>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GqlResult<T>> {
  const before = db().stats.statements;
  const res = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as Omit<GqlResult<T>, 'statements' | 'status'>;
  return { ...body, statements: db().stats.statements - before, status: res.status };
}

/** Like gql but fails the test on any GraphQL error. */
export async function gqlOk<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<T & { __statements: number }> {
  const r = await gql<T>(query, variables, headers);
  if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors, null, 2)}`);
  return Object.assign(r.data as T, { __statements: r.statements });
}
