// 公示 per record: each participating department's part, published (read-only: date, on time or late) or not yet;
// the user's own department publishes its part once all its items have a result ("谁录入、谁公开"). The due date
// is the task's publicationDueOn (20 working days after the inspection end), with the calendar days left.
import PublishIcon from '@mui/icons-material/Public';
import { Alert, Box, Button, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { Confirm, useDataProvider, useNotify, useTranslate, type DataProvider } from 'react-admin';

import type { Department, InspectionRecordData, RecordMethods } from '../dataProvider/records';
import { calendarDaysLeft } from './dates';
import { useIdempotentSubmit } from './idempotency';
import { serverErrorOf } from './serverErrors';

export const DueDate = ({ dueOn }: { dueOn: string | null }) => {
    const translate = useTranslate();
    if (!dueOn) return <>—</>;
    const left = calendarDaysLeft(dueOn);
    return (
        <Typography component="span" variant="body2" color={left < 0 ? 'error' : left <= 5 ? 'warning.main' : 'text.primary'} data-testid="due-date">
            {translate('publish.due', { date: dueOn })}
            {' · '}
            {left < 0 ? translate('publish.overdue_days', { days: -left }) : translate('publish.days_left', { days: left })}
        </Typography>
    );
};

export const PublishedChip = ({ onTime }: { onTime: boolean }) => {
    const translate = useTranslate();
    return <Chip size="small" color={onTime ? 'success' : 'error'} label={translate(onTime ? 'publish.on_time' : 'publish.late')} />;
};

export const PublicationPanel = ({
    record,
    publicationDueOn,
    departments,
    ownDepartmentId,
    onPublished,
}: {
    record: InspectionRecordData;
    publicationDueOn: string | null;
    departments: { department: Department; itemIds: string[] }[];
    ownDepartmentId: string | null;
    onPublished: () => unknown;
}) => {
    const translate = useTranslate();
    const notify = useNotify();
    const dataProvider = useDataProvider<DataProvider & RecordMethods>();
    const submit = useIdempotentSubmit();
    const [confirming, setConfirming] = useState(false);
    const [busy, setBusy] = useState(false);
    const [error, setError] = useState<string | null>(null);

    const publish = async () => {
        setBusy(true);
        setError(null);
        try {
            await submit({ recordId: record.id }, key => dataProvider.publishRecordPart(record.id, key));
            notify('publish.done', { type: 'info' });
            setConfirming(false);
            await onPublished();
        } catch (failure) {
            setError(serverErrorOf(failure).message);
            setConfirming(false);
        } finally {
            setBusy(false);
        }
    };

    return (
        <Box className="no-print" sx={{ mt: 2, maxWidth: 960 }} data-testid="publication-panel">
            <Stack direction="row" sx={{ alignItems: 'baseline', gap: 2, mb: 1 }}>
                <Typography variant="h6">{translate('publish.title')}</Typography>
                <DueDate dueOn={publicationDueOn} />
            </Stack>
            {error && (
                <Alert severity="error" sx={{ mb: 1 }} data-testid="publish-error">
                    {error}
                </Alert>
            )}
            <Table size="small">
                <TableHead>
                    <TableRow>
                        <TableCell>{translate('publish.department')}</TableCell>
                        <TableCell>{translate('publish.entered')}</TableCell>
                        <TableCell>{translate('publish.status')}</TableCell>
                        <TableCell />
                    </TableRow>
                </TableHead>
                <TableBody>
                    {departments.map(({ department, itemIds }) => {
                        const publication = record.publications.find(p => p.department.id === department.id);
                        const own = department.id === ownDepartmentId;
                        const entered = record.results.filter(r => r.department.id === department.id).length;
                        const complete = own ? itemIds.every(id => record.results.some(r => r.checkItem.id === id)) : undefined;
                        return (
                            <TableRow key={department.id} data-testid={`publication-${department.id}`}>
                                <TableCell>{department.shortName}</TableCell>
                                <TableCell>{own || publication ? `${entered} / ${itemIds.length}` : '—'}</TableCell>
                                <TableCell>
                                    {publication ? (
                                        <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
                                            <span>{translate('publish.published_at', { date: new Date(publication.publishedAt).toLocaleString() })}</span>
                                            <PublishedChip onTime={publication.onTime} />
                                        </Stack>
                                    ) : (
                                        translate('publish.not_published')
                                    )}
                                </TableCell>
                                <TableCell align="right">
                                    {own && !publication && (
                                        <Button size="small" variant="contained" startIcon={<PublishIcon />} disabled={!complete || busy} onClick={() => setConfirming(true)} data-testid="publish-record-part">
                                            {translate('publish.publish_mine')}
                                        </Button>
                                    )}
                                    {own && !publication && !complete && (
                                        <Typography variant="caption" sx={{ display: 'block' }} color="text.secondary">
                                            {translate('publish.incomplete')}
                                        </Typography>
                                    )}
                                </TableCell>
                            </TableRow>
                        );
                    })}
                </TableBody>
            </Table>
            <Confirm isOpen={confirming} loading={busy} title="publish.publish_mine" content="publish.confirm" onConfirm={publish} onClose={() => setConfirming(false)} />
        </Box>
    );
};
