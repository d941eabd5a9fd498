// A key's scopes as chips. The API lists them as `registers:read`; their labels live under the input enum's
// names (`enums.ApiKeyScope.REGISTERS_READ`).
import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

export const scopeKey = (scope: string) => scope.replace(':', '_').toUpperCase();

export const ScopesField = (_props: { label?: string; sortable?: boolean }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    const scopes: string[] = record?.scopes ?? [];
    return (
        <Stack direction="row" component="span" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
            {scopes.map(scope => (
                <Chip key={scope} size="small" label={translate(`enums.ApiKeyScope.${scopeKey(scope)}`, { _: scope })} />
            ))}
        </Stack>
    );
};
