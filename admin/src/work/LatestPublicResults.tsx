// The analyst's landing card: the latest published results (一公开), approved corrections beside the original.
import { Alert, Card, CardContent, CardHeader, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useTranslate, type DataProvider } from 'react-admin';

import type { PublicResultRow, RecordMethods } from '../dataProvider/records';

export const LatestPublicResults = () => {
    const translate = useTranslate();
    const dataProvider = useDataProvider<DataProvider & RecordMethods>();
    const [rows, setRows] = useState<PublicResultRow[] | null>(null);
    const [error, setError] = useState<string | null>(null);
    useEffect(() => {
        let live = true;
        dataProvider
            .latestPublicResults(15)
            .then(result => live && setRows(result))
            .catch((failure: Error) => live && setError(failure.message));
        return () => {
            live = false;
        };
    }, [dataProvider]);
    return (
        <Card data-testid="public-results">
            <CardHeader title={translate('work.public_results')} />
            <CardContent sx={{ pt: 0 }}>
                {!rows && !error && <LinearProgress />}
                {error && <Alert severity="error">{error}</Alert>}
                {rows && (
                    <Table size="small">
                        <TableHead>
                            <TableRow>
                                <TableCell>{translate('recordForm.target_name')}</TableCell>
                                <TableCell>{translate('recordForm.unit')}</TableCell>
                                <TableCell>{translate('recordForm.item')}</TableCell>
                                <TableCell>{translate('recordForm.result')}</TableCell>
                                <TableCell>{translate('correction.corrected')}</TableCell>
                                <TableCell>{translate('publish.published_on')}</TableCell>
                            </TableRow>
                        </TableHead>
                        <TableBody>
                            {rows.map(row => (
                                <TableRow key={row.id}>
                                    <TableCell>
                                        {row.targetName}
                                        <br />
                                        <small>{row.targetUscc}</small>
                                    </TableCell>
                                    <TableCell>{row.departmentName}</TableCell>
                                    <TableCell>{row.checkItemName}</TableCell>
                                    <TableCell>{`${row.code} ${row.codeText}`}</TableCell>
                                    <TableCell>{row.correctedCode != null ? `${row.correctedCode} ${row.correctedCodeText ?? ''}（${row.correctedOn ?? ''}）` : '—'}</TableCell>
                                    <TableCell>{row.publishedAt.slice(0, 10)}</TableCell>
                                </TableRow>
                            ))}
                        </TableBody>
                    </Table>
                )}
            </CardContent>
        </Card>
    );
};
