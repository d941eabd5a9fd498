// Direct API calls for test set-up (finding an id to open), signed in as a demo account.
import { DEMO, type DemoUser } from './browser.ts';

async function post(baseURL: string, body: unknown, cookie?: string) {
    const response = await fetch(`${baseURL}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify(body),
    });
    return { response, json: (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] } };
}

export async function graphqlAs<T = Record<string, unknown>>(baseURL: string, user: DemoUser, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const login = await post(baseURL, {
        query: 'mutation login($u: String!, $p: String!) { login(username: $u, password: $p) { expiresAt } }',
        variables: { u: user, p: DEMO[user] },
    });
    const cookie = login.response.headers.get('set-cookie')?.split(';')[0];
    if (!cookie) throw new Error(`login as ${user} failed: ${JSON.stringify(login.json.errors)}`);
    const { json } = await post(baseURL, { query, variables }, cookie);
    if (json.errors?.length) throw new Error(json.errors.map(error => error.message).join('; '));
    return json.data as T;
}

/** A demo task by its code, read as the office (the e2e tests start from the demo's READY tasks). */
export async function demoTask(baseURL: string, code: string): Promise<{ id: string; code: string; status: string }> {
    const { tasks } = await graphqlAs<{ tasks: { nodes: { id: string; code: string; status: string }[] } }>(
        baseURL,
        'office',
        `query($q: String) { tasks(filter: { q: $q }) { nodes { id code status } } }`,
        { q: code },
    );
    const task = tasks.nodes.find(t => t.code === code);
    if (!task) throw new Error(`demo task ${code} not found`);
    return task;
}
