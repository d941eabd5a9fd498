// Inputs shared by the forms: the department a record belongs to (fixed to their own for department
// admins), ratios in percent stored as basis points, and the per-risk-class ratio group.
import { Stack } from '@mui/material';
import { AutocompleteInput, NumberInput, ReferenceInput, usePermissions, useResourceContext, type Validator } from 'react-admin';

import type { Permissions } from '../authProvider';

/** Department admins act for their own department only; the office picks any. */
export function useOwnDepartment(): { office: boolean; departmentId: string | null } {
    const { permissions } = usePermissions<Permissions | undefined>();
    return { office: permissions?.role === 'OFFICE_ADMIN', departmentId: permissions?.departmentId ?? null };
}

export const DepartmentInput = ({ source = 'department.id', label, disabled, validate }: { source?: string; label?: string; disabled?: boolean; validate?: Validator | Validator[] }) => {
    const { office } = useOwnDepartment();
    const resource = useResourceContext();
    return (
        <ReferenceInput source={source} reference="departments" perPage={50}>
            <AutocompleteInput optionText="name" label={label ?? `resources.${resource}.fields.department`} disabled={disabled || !office} validate={validate} sx={{ minWidth: 320 }} />
        </ReferenceInput>
    );
};

const toPercent = (bp: unknown) => (bp == null || bp === '' ? '' : Number(bp) / 100);
const toBasisPoints = (percent: unknown) => (percent === '' || percent == null ? null : Math.round(Number(percent) * 100));

/** A ratio typed in percent (e.g. 5 for 5%), stored in basis points (500) as the API wants. */
export const BasisPointsInput = ({ source, label, validate }: { source: string; label?: string; validate?: Validator | Validator[] }) => (
    <NumberInput source={source} label={label} format={toPercent} parse={toBasisPoints} validate={validate} step={0.1} min={0} max={100} helperText="app.field.percent" />
);

/** Sampling ratio per credit risk class (A low … D high), in percent. */
export const RatiosInput = ({ source = 'ratios' }: { source?: string }) => (
    <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
        {(['A', 'B', 'C', 'D'] as const).map(risk => (
            <BasisPointsInput key={risk} source={`${source}.${risk}`} label={`enums.RiskClass.${risk}`} />
        ))}
    </Stack>
);
