// The busy flag and the server's refusal of one dialog action: `run(work)` clears the last error, marks the action
// busy, and keeps the server's message (extensions-aware, records/serverErrors.ts) when the work throws. Returns
// whether the work succeeded, so the caller can close its dialog and refresh.
import { useCallback, useState } from 'react';

import { serverErrorOf } from '../records/serverErrors';

export function useServerAction() {
    const [busy, setBusy] = useState(false);
    const [error, setError] = useState<string | null>(null);
    const run = useCallback(async (work: () => Promise<unknown>): Promise<boolean> => {
        setBusy(true);
        setError(null);
        try {
            await work();
            return true;
        } catch (failure) {
            setError(serverErrorOf(failure).message);
            return false;
        } finally {
            setBusy(false);
        }
    }, []);
    return { busy, error, setError, run };
}
