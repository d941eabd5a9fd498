// A relation read with its record (the API nests related objects, e.g. `task.leadDepartment { id name }`),
// shown with the related resource's recordRepresentation and linked to its show page when the user may open
// it. No extra request: unlike <ReferenceField>, the related record is already in the row.
// Datagrid columns need `sortable={false}` unless the API sorts on the relation.
import { Typography } from '@mui/material';
import type { MouseEvent } from 'react';
import {
    Link,
    useCreatePath,
    useGetRecordRepresentation,
    useRecordContext,
    useTranslate,
    type RaRecord,
} from 'react-admin';

import { canUse } from '../auth/access';
import { currentActor } from '../auth/actor';

export interface RelationFieldProps {
    /** Path of the nested object in the record, e.g. `leadDepartment` or `record.target`. */
    source: string;
    /** The related react-admin resource, e.g. `departments`. */
    reference: string;
    label?: string;
    sortable?: boolean;
    emptyText?: string;
}

const stop = (event: MouseEvent) => event.stopPropagation();

function valueAt(record: RaRecord | undefined, path: string): RaRecord | null | undefined {
    return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | null | undefined)?.[key], record) as
        | RaRecord
        | null
        | undefined;
}

export const RelationField = ({ source, reference, emptyText }: RelationFieldProps) => {
    const record = useRecordContext();
    const related = valueAt(record, source);
    const represent = useGetRecordRepresentation(reference);
    const createPath = useCreatePath();
    const translate = useTranslate();
    if (!related) {
        return (
            <Typography component="span" variant="body2" color="text.secondary">
                {emptyText ? translate(emptyText, { _: emptyText }) : ''}
            </Typography>
        );
    }
    const text = represent(related);
    if (!related.id || !canUse(currentActor()?.role, reference, 'show')) {
        return (
            <Typography component="span" variant="body2">
                {text}
            </Typography>
        );
    }
    return (
        <Link to={createPath({ resource: reference, id: related.id, type: 'show' })} onClick={stop} variant="body2">
            {text}
        </Link>
    );
};
