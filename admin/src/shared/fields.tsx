// Small display fields shared by the resources: enum arrays, string tags, instants, basis-point ratios,
// per-risk-class ratios and raw JSON. Each reads `source` from the record in context.
import CheckIcon from '@mui/icons-material/Check';
import { Box, Chip, Stack, Typography } from '@mui/material';
import { DateField, useLocaleState, useRecordContext, useTranslate, type DateFieldProps } from 'react-admin';

interface SourceProps {
    source: string;
    label?: string;
    sortable?: boolean;
}

const at = (record: Record<string, unknown> | undefined, path: string): unknown =>
    path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | null | undefined)?.[key], record);

/** An array of enum values as chips, e.g. inspection methods; `prefix` is the i18n key group (`enums.X`). */
export const EnumChipsField = ({ source, prefix }: SourceProps & { prefix: string }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    const values = (at(record, source) as string[] | undefined) ?? [];
    return (
        <Stack direction="row" component="span" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
            {values.map(value => (
                <Chip key={value} size="small" label={translate(`${prefix}.${value}`, { _: value })} />
            ))}
        </Stack>
    );
};

/** Free-text tags (expertise, qualifications, industry codes). */
export const TagsField = ({ source }: SourceProps) => {
    const record = useRecordContext();
    const values = (at(record, source) as string[] | undefined) ?? [];
    return (
        <Stack direction="row" component="span" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
            {values.map(value => (
                <Chip key={value} size="small" variant="outlined" label={value} />
            ))}
        </Stack>
    );
};

/** An instant (DateTime, UTC on the wire) in the browser's time zone and the console's language. */
export const DateTimeField = (props: Omit<DateFieldProps, 'locales' | 'showTime'>) => {
    const [locale] = useLocaleState();
    return <DateField {...props} locales={locale} showTime />;
};

/** A ratio in basis points (1% = 100) as a percentage; empty means "no cap". */
export const BasisPointsField = ({ source, emptyText }: SourceProps & { emptyText?: string }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    const value = at(record, source);
    if (typeof value !== 'number') {
        return <Typography component="span" variant="body2" color="text.secondary">{emptyText ? translate(emptyText) : ''}</Typography>;
    }
    return <Typography component="span" variant="body2">{translate('app.field.basis_points', { percent: value / 100 })}</Typography>;
};

/** Sampling ratio per credit risk class `{ A, B, C, D }` in basis points. */
export const RatiosField = ({ source }: SourceProps) => {
    const record = useRecordContext();
    const translate = useTranslate();
    const ratios = at(record, source) as Record<'A' | 'B' | 'C' | 'D', number> | undefined;
    if (!ratios) return null;
    return (
        <Stack direction="row" component="span" sx={{ gap: 1, flexWrap: 'wrap' }}>
            {(['A', 'B', 'C', 'D'] as const).map(risk => (
                <Chip key={risk} size="small" label={`${translate(`enums.RiskClass.${risk}`)}：${ratios[risk] / 100}%`} />
            ))}
        </Stack>
    );
};

/** Raw JSON (audit before/after, draw parameters, plan snapshots), pretty-printed. */
export const JsonField = ({ source }: SourceProps) => {
    const record = useRecordContext();
    let value = at(record, source);
    if (value == null) return null;
    if (typeof value === 'string') {
        try {
            value = JSON.parse(value);
        } catch {
            // Not JSON: shown as it is.
        }
    }
    return (
        <Box component="pre" sx={{ m: 0, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all', maxHeight: 320, overflow: 'auto' }}>
            {typeof value === 'string' ? value : JSON.stringify(value, null, 2)}
        </Box>
    );
};

/**
 * A yes/no flag that only marks "yes" (a check), for columns where "no" is the usual case. Unlike
 * <BooleanField FalseIcon={null}>, it renders no Tooltip around an empty fragment (MUI 9 rejects that).
 */
export const FlagField = ({ source }: SourceProps) => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (at(record, source) !== true) return null;
    return <CheckIcon fontSize="small" color="action" aria-label={translate('ra.boolean.true')} titleAccess={translate('ra.boolean.true')} />;
};

/** A hash or ticket in monospace, wrapping anywhere. */
export const HashField = ({ source }: SourceProps) => {
    const record = useRecordContext();
    const value = at(record, source);
    if (value == null) return null;
    return <Typography component="span" variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{String(value)}</Typography>;
};
