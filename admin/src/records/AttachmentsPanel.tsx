// The record's attachments (signed paper form scans, photos, documents): file name, size, SHA-256 (so a printed
// copy can be checked against the stored file), a download link to GET /attachments/:id (authenticated with the
// session cookie), and an upload button (pdf/jpg/jpeg/png/docx/xlsx ≤ 10 MiB; the server checks).
import UploadIcon from '@mui/icons-material/UploadFile';
import { Box, Button, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { useDataProvider, useNotify, useTranslate, type DataProvider } from 'react-admin';

import type { AttachmentRow, RecordMethods } from '../dataProvider/records';
import { useIdempotentSubmit } from './idempotency';
import { serverErrorOf } from './serverErrors';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx';

export const formatSize = (bytes: number): string =>
    bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(2)} MiB`;

export const AttachmentsPanel = ({ recordId, attachments, canUpload, onUploaded }: { recordId: string; attachments: AttachmentRow[]; canUpload: boolean; onUploaded: () => unknown }) => {
    const translate = useTranslate();
    const notify = useNotify();
    const dataProvider = useDataProvider<DataProvider & RecordMethods>();
    const input = useRef<HTMLInputElement>(null);
    const [busy, setBusy] = useState(false);
    const submit = useIdempotentSubmit();

    const upload = async (file: File) => {
        setBusy(true);
        try {
            await submit({ recordId, name: file.name, size: file.size, modified: file.lastModified }, key => dataProvider.uploadAttachment(recordId, file, key));
            notify('recordForm.attachment_uploaded', { type: 'info' });
            await onUploaded();
        } catch (error) {
            notify(serverErrorOf(error).message, { type: 'error' });
        } finally {
            setBusy(false);
            if (input.current) input.current.value = '';
        }
    };

    return (
        <Box sx={{ mt: 2 }} data-testid="attachments">
            <Typography variant="subtitle2">{translate('recordForm.attachments')}</Typography>
            {attachments.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                    {translate('recordForm.no_attachments')}
                </Typography>
            ) : (
                <Table size="small">
                    <TableHead>
                        <TableRow>
                            <TableCell>{translate('recordForm.file_name')}</TableCell>
                            <TableCell>{translate('recordForm.file_size')}</TableCell>
                            <TableCell>SHA-256</TableCell>
                        </TableRow>
                    </TableHead>
                    <TableBody>
                        {attachments.map(file => (
                            <TableRow key={file.id}>
                                <TableCell>
                                    <a href={`/attachments/${file.id}`} download={file.fileName}>
                                        {file.fileName}
                                    </a>
                                </TableCell>
                                <TableCell>{formatSize(file.size)}</TableCell>
                                <TableCell sx={{ fontFamily: 'monospace', fontSize: '0.75rem', wordBreak: 'break-all' }}>{file.sha256}</TableCell>
                            </TableRow>
                        ))}
                    </TableBody>
                </Table>
            )}
            {canUpload && (
                <Box className="no-print" sx={{ mt: 1 }}>
                    <input
                        ref={input}
                        type="file"
                        accept={ACCEPT}
                        hidden
                        data-testid="attachment-input"
                        onChange={event => {
                            const file = event.target.files?.[0];
                            if (file) void upload(file);
                        }}
                    />
                    <Button size="small" startIcon={<UploadIcon />} disabled={busy} onClick={() => input.current?.click()}>
                        {translate('recordForm.upload')}
                    </Button>
                    <Typography variant="caption" color="text.secondary" sx={{ ml: 1 }}>
                        {translate('recordForm.upload_hint')}
                    </Typography>
                </Box>
            )}
        </Box>
    );
};
