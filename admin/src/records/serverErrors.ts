// Server refusals on the record screens, mapped to the input they name. The record API's input errors name the
// field without the `input.` prefix (`inspectedOn`, `inspectorIds[2]`, `results[0].code`), so the generic form
// mapping (graphql.ts formFieldOf) does not apply: the record form maps them itself.
import type { GraphQLErrorPayload } from '../dataProvider/graphql';

export interface ServerError {
    message: string;
    field?: string;
    code?: string;
    reason?: string;
}

/** The first GraphQL error of a refusal (HttpError body.graphQLErrors), or the message alone. */
export function serverErrorOf(error: unknown): ServerError {
    const failure = error as { message?: string; body?: { graphQLErrors?: GraphQLErrorPayload[] } };
    const first = failure?.body?.graphQLErrors?.[0];
    const message = failure?.message ?? String(error);
    if (!first) return { message };
    const field = first.extensions?.field;
    return { message: field ? withoutPrefix(message, field) : message, field, code: first.extensions?.code, reason: first.extensions?.reason };
}

/** "inspectedOn：检查日期不能晚于今天" → "检查日期不能晚于今天". */
export function withoutPrefix(message: string, field: string): string {
    for (const candidate of [field, `input.${field}`]) {
        for (const separator of ['：', ': ']) {
            if (message.startsWith(candidate + separator)) return message.slice(candidate.length + separator.length);
        }
    }
    return message;
}

/** `input.inspectorIds[2]` → `inspectorIds`; `results[3].code` stays as it is (the caller maps the index). */
export function headerFieldOf(field: string | undefined): string | undefined {
    if (!field) return undefined;
    const bare = field.startsWith('input.') ? field.slice('input.'.length) : field;
    if (bare.startsWith('results')) return undefined;
    return bare.replace(/\[\d+\]$/, '');
}

/** `results[3].code` → { index: 3, part: 'code' }; `results[3]` → { index: 3, part: 'code' }. */
export function resultFieldOf(field: string | undefined): { index: number; part: 'code' | 'note' } | undefined {
    const match = field ? /^(?:input\.)?results\[(\d+)\](?:\.(\w+))?$/.exec(field) : null;
    if (!match) return undefined;
    return { index: Number(match[1]), part: match[2] === 'note' ? 'note' : 'code' };
}
