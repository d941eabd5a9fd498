// The one way the console talks to the API: POST /graphql on the same origin, session cookie included.
// Expected errors come back as HttpError with an HTTP-like status (so authProvider.checkError can tell 401 from
// 403), a message in the console's language (extensions.messageZh / messageEn), and, for input errors, the
// form field at fault in `body.errors` (react-admin puts those messages under the matching inputs).
import { HttpError } from 'react-admin';

import { i18nProvider } from '../i18n/i18nProvider';

const ENDPOINT = '/graphql';

export interface GraphQLErrorPayload {
    message: string;
    path?: (string | number)[];
    extensions?: {
        code?: string;
        field?: string;
        reason?: string;
        messageZh?: string;
        messageEn?: string;
        [key: string]: unknown;
    };
}

/** HTTP-like statuses for the server's error codes. */
const STATUS_BY_CODE: Record<string, number> = {
    UNAUTHENTICATED: 401,
    FORBIDDEN: 403,
    NOT_FOUND: 404,
    BAD_USER_INPUT: 400,
    CONFLICT: 409,
    INVALID_TRANSITION: 409,
};

/** The error's text in the console's current language; InputError's "field：" prefix is kept. */
export function localizedMessage(error: GraphQLErrorPayload): string {
    const ext = error.extensions ?? {};
    const localized = i18nProvider.getLocale() === 'en' ? ext.messageEn : ext.messageZh;
    if (localized) return localized;
    // Masked unexpected errors ("Unexpected error.") and transport errors: a translated generic message.
    return ext.code === 'INTERNAL_SERVER_ERROR' || !ext.code ? 'app.error.unexpected' : error.message;
}

/**
 * The form input an error belongs to: `input.uscc` → `uscc`, `input.items.0.code` → `items.0.code`.
 * Errors on arguments outside `input` (an id, a filter) belong to no input.
 */
export function formFieldOf(field: string | undefined): string | undefined {
    if (!field) return undefined;
    if (field.startsWith('input.')) return field.slice('input.'.length);
    return undefined;
}

/** The message without its leading "input.uscc：" / "input.uscc: " (the input already says which field). */
function withoutFieldPrefix(message: string, field: string): string {
    for (const separator of ['：', ': ']) {
        if (message.startsWith(field + separator)) return message.slice(field.length + separator.length);
    }
    return message;
}

/** Field → message map for react-admin forms, plus root.serverError (shown as the notification). */
function formErrors(errors: GraphQLErrorPayload[]): Record<string, unknown> | undefined {
    const byField: Record<string, unknown> = {};
    for (const error of errors) {
        const apiField = error.extensions?.field;
        const formField = formFieldOf(apiField);
        if (formField && apiField && !(formField in byField)) {
            const message = withoutFieldPrefix(localizedMessage(error), apiField);
            byField[formField] = message;
            // Forms that keep the record's shape edit `department.id` where the input says `departmentId`.
            const relation = /^(.*)Id$/.exec(formField);
            if (relation) byField[`${relation[1]}.id`] = message;
        }
    }
    if (Object.keys(byField).length === 0) return undefined;
    const first = errors[0];
    const field = first.extensions?.field;
    return { ...byField, root: { serverError: field ? withoutFieldPrefix(localizedMessage(first), field) : localizedMessage(first) } };
}

export async function graphql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
    return send<T>(query, {
        method: 'POST',
        credentials: 'include',
        headers: {
            'content-type': 'application/json',
            accept: 'application/graphql-response+json, application/json',
        },
        body: JSON.stringify({ query, variables }),
        signal,
    });
}

/**
 * A mutation carrying files (GraphQL multipart request spec: `operations`, `map`, then one part per file). Each
 * entry of `files` names the variable it fills, e.g. `{ file }` for `$file: File!`. The server's CSRF guard asks
 * for the `x-graphql-yoga-csrf` header on such requests (a form post from another site cannot set it).
 */
export async function graphqlUpload<T>(query: string, variables: Record<string, unknown>, files: Record<string, Blob>): Promise<T> {
    const form = new FormData();
    const names = Object.keys(files);
    form.append('operations', JSON.stringify({ query, variables: { ...variables, ...Object.fromEntries(names.map(name => [name, null])) } }));
    form.append('map', JSON.stringify(Object.fromEntries(names.map((name, i) => [String(i), [`variables.${name}`]]))));
    names.forEach((name, i) => form.append(String(i), files[name]!, files[name] instanceof File ? (files[name] as File).name : name));
    return send<T>(query, {
        method: 'POST',
        credentials: 'include',
        headers: { accept: 'application/graphql-response+json, application/json', 'x-graphql-yoga-csrf': '1' },
        body: form,
    });
}

async function send<T>(query: string, init: RequestInit): Promise<T> {
    let response: Response;
    try {
        response = await fetch(ENDPOINT, init);
    } catch (error) {
        // Aborts (react-query cancelling a stale request) must stay aborts; anything else is the network.
        if (error instanceof DOMException && error.name === 'AbortError') throw error;
        throw new HttpError('ra.notification.http_error', 0, { cause: String(error) });
    }

    let body: { data?: T | null; errors?: GraphQLErrorPayload[] } | null = null;
    try {
        body = await response.json();
    } catch {
        // Not JSON (proxy error page, server down): fall through to the status check.
    }

    const errors = body?.errors;
    if (errors && errors.length > 0) {
        const first = errors[0];
        const status = STATUS_BY_CODE[first.extensions?.code ?? ''] ?? (response.ok ? 500 : response.status);
        // `errors` is what react-admin forms read as field → message; the raw list stays in `graphQLErrors`.
        const operation = /^\s*mutation\b/.test(query) ? 'mutation' : 'query';
        throw new HttpError(localizedMessage(first), status, { graphQLErrors: errors, errors: formErrors(errors), operation });
    }
    if (!response.ok || body?.data == null) {
        throw new HttpError(response.statusText || 'ra.notification.http_error', response.status, body);
    }
    return body.data;
}
