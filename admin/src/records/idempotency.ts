// One idempotency key per submit attempt, reused when the same attempt is retried (the network failed, the
// user pressed the button again with nothing changed): the server then answers with the first result instead of
// writing twice (docs/API.md "Idempotent mutations"). A changed payload is a new attempt and gets a new key;
// a success forgets the key, so the next submit is a new attempt too.
import { useCallback, useRef } from 'react';

export const newIdempotencyKey = (): string =>
    typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
        ? crypto.randomUUID()
        : `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;

/**
 * `run(payload, send)` calls `send(key)` with the key of this attempt: the previous key if the previous attempt
 * with an equal payload did not succeed, else a fresh one.
 */
export function useIdempotentSubmit() {
    const last = useRef<{ key: string; payload: string } | null>(null);
    return useCallback(async <T,>(payload: unknown, send: (key: string) => Promise<T>): Promise<T> => {
        const serialized = JSON.stringify(payload ?? null);
        if (!last.current || last.current.payload !== serialized) last.current = { key: newIdempotencyKey(), payload: serialized };
        const result = await send(last.current.key);
        last.current = null;
        return result;
    }, []);
}
