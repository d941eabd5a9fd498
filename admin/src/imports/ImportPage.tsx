// 批量导入 (route /imports): upload an XLSX or CSV of targets into a target pool, or of inspectors into an inspector
// pool; the job runs on the server (`wait: false`) and this page polls importJob for its progress, shows the
// counts and the first row errors, and downloads the per-row error report (XLSX). Uploading is for the office and
// department admins (the API's rule); staff also see their department's recent imports. `?kind=&poolId=` preselect.
import DownloadIcon from '@mui/icons-material/Download';
import UploadIcon from '@mui/icons-material/UploadFile';
import {
    Alert,
    Box,
    Button,
    Card,
    CardContent,
    Checkbox,
    FormControlLabel,
    LinearProgress,
    MenuItem,
    Stack,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    TextField,
    Typography,
} from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { Title, useDataProvider, useGetList, useLocation, usePermissions, useTranslate, type DataProvider } from 'react-admin';

import { canUse } from '../auth/access';
import type { Permissions } from '../authProvider';
import { isFinished, type ImportJob, type ImportKind, type ImportMethods } from '../dataProvider/imports';

type Provider = DataProvider & ImportMethods;
const POLL_MS = 1000;

function downloadBase64(fileName: string, contentType: string, base64: string) {
    const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: contentType }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const useReportDownload = () => {
    const dataProvider = useDataProvider<Provider>();
    const [error, setError] = useState<string | null>(null);
    const download = async (jobId: string) => {
        setError(null);
        try {
            const report = await dataProvider.importErrorReport(jobId);
            downloadBase64(report.fileName, report.contentType, report.base64);
        } catch (failure) {
            setError((failure as Error).message);
        }
    };
    return { download, error };
};

const JobProgress = ({ job }: { job: ImportJob }) => {
    const translate = useTranslate();
    const { download, error } = useReportDownload();
    const finished = isFinished(job);
    return (
        <Box sx={{ mt: 2 }} data-testid="import-job">
            <Typography variant="subtitle1">
                {job.fileName} — {translate(`imports.status_values.${job.status}`)}
            </Typography>
            <LinearProgress variant="determinate" value={Math.round(job.progress * 100)} sx={{ my: 1, height: 8 }} color={job.status === 'FAILED' ? 'error' : 'primary'} />
            <Typography variant="body2">{translate('imports.progress', { processed: job.processedRows, total: job.totalRows })}</Typography>
            <Typography variant="body2">
                {translate('imports.counts', { inserted: job.insertedRows, updated: job.updatedRows, unchanged: job.unchangedRows, errors: job.errorRows })}
            </Typography>
            {job.message && <Alert severity={job.status === 'FAILED' ? 'error' : 'info'} sx={{ mt: 1 }}>{job.message}</Alert>}
            {finished && (job.errors?.length ?? 0) > 0 && (
                <>
                    <Typography variant="subtitle2" sx={{ mt: 2 }}>
                        {translate('imports.errors')}
                    </Typography>
                    <Table size="small">
                        <TableHead>
                            <TableRow>
                                <TableCell>{translate('imports.row')}</TableCell>
                                <TableCell>{translate('imports.field')}</TableCell>
                                <TableCell>{translate('imports.reason')}</TableCell>
                                <TableCell>{translate('imports.message')}</TableCell>
                            </TableRow>
                        </TableHead>
                        <TableBody>
                            {job.errors!.map((e, i) => (
                                <TableRow key={i}>
                                    <TableCell>{e.rowNumber}</TableCell>
                                    <TableCell>{e.field}</TableCell>
                                    <TableCell sx={{ fontFamily: 'monospace' }}>{e.reason}</TableCell>
                                    <TableCell>{e.message}</TableCell>
                                </TableRow>
                            ))}
                        </TableBody>
                    </Table>
                </>
            )}
            {finished && job.errorRows > 0 && (
                <Button startIcon={<DownloadIcon />} onClick={() => download(job.id)} sx={{ mt: 1 }}>
                    {translate('imports.report')}
                </Button>
            )}
            {error && <Alert severity="error">{error}</Alert>}
        </Box>
    );
};

const UploadForm = ({ onStarted }: { onStarted: (job: ImportJob) => void }) => {
    const translate = useTranslate();
    const dataProvider = useDataProvider<Provider>();
    const query = new URLSearchParams(useLocation().search);
    const [kind, setKind] = useState<ImportKind>(query.get('kind') === 'INSPECTORS' ? 'INSPECTORS' : 'TARGETS');
    const [poolId, setPoolId] = useState(query.get('poolId') ?? '');
    const [file, setFile] = useState<File | null>(null);
    const [allOrNothing, setAllOrNothing] = useState(false);
    const [busy, setBusy] = useState(false);
    const [error, setError] = useState<string | null>(null);
    const { data: pools = [] } = useGetList(kind === 'TARGETS' ? 'targetPools' : 'inspectorPools', {
        pagination: { page: 1, perPage: 100 },
        sort: { field: 'name', order: 'ASC' },
    });

    const start = async () => {
        if (!file) return;
        setBusy(true);
        setError(null);
        try {
            onStarted(await dataProvider.startImport(kind, poolId, file, allOrNothing));
        } catch (failure) {
            setError((failure as Error).message);
        } finally {
            setBusy(false);
        }
    };

    return (
        <Stack spacing={2} sx={{ maxWidth: 640 }}>
            <TextField select name="kind" label={translate('imports.kind')} value={kind} onChange={event => (setKind(event.target.value as ImportKind), setPoolId(''))}>
                <MenuItem value="TARGETS">{translate('imports.kind_targets')}</MenuItem>
                <MenuItem value="INSPECTORS">{translate('imports.kind_inspectors')}</MenuItem>
            </TextField>
            <TextField select name="poolId" label={translate('imports.pool')} value={pools.some(p => p.id === poolId) ? poolId : ''} onChange={event => setPoolId(event.target.value)}>
                {pools.map(pool => (
                    <MenuItem key={pool.id} value={pool.id}>
                        {pool.name}
                        {pool.department?.shortName ? `（${pool.department.shortName}）` : ''}
                    </MenuItem>
                ))}
            </TextField>
            <Box>
                <Button component="label" variant="outlined" startIcon={<UploadIcon />}>
                    {translate('imports.file')}
                    <input hidden type="file" name="file" accept=".xlsx,.csv" onChange={event => setFile(event.target.files?.[0] ?? null)} />
                </Button>
                <Typography variant="body2" component="span" sx={{ ml: 2 }} data-testid="import-file-name">
                    {file?.name ?? translate('imports.no_file')}
                </Typography>
                <Typography variant="caption" color="text.secondary" component="div">
                    {translate('imports.file_hint')}
                </Typography>
            </Box>
            <Box>
                <FormControlLabel control={<Checkbox checked={allOrNothing} onChange={event => setAllOrNothing(event.target.checked)} />} label={translate('imports.all_or_nothing')} />
                <Typography variant="caption" color="text.secondary" component="div">
                    {translate('imports.all_or_nothing_hint')}
                </Typography>
            </Box>
            <Box>
                <Button variant="contained" disabled={busy || !file || !poolId} onClick={start}>
                    {translate('imports.start')}
                </Button>
            </Box>
            {error && <Alert severity="error">{error}</Alert>}
        </Stack>
    );
};

const RecentImports = ({ refreshKey }: { refreshKey: unknown }) => {
    const translate = useTranslate();
    const dataProvider = useDataProvider<Provider>();
    const [jobs, setJobs] = useState<ImportJob[]>([]);
    const { download, error } = useReportDownload();
    useEffect(() => {
        dataProvider.importJobs().then(setJobs, () => setJobs([]));
    }, [dataProvider, refreshKey]);
    if (!jobs.length) return null;
    return (
        <Card variant="outlined" sx={{ mt: 2 }}>
            <CardContent>
                <Typography variant="h6">{translate('imports.recent')}</Typography>
                <Table size="small">
                    <TableHead>
                        <TableRow>
                            <TableCell>{translate('imports.created')}</TableCell>
                            <TableCell>{translate('imports.kind')}</TableCell>
                            <TableCell>{translate('imports.file_name')}</TableCell>
                            <TableCell>{translate('imports.status')}</TableCell>
                            <TableCell>{translate('imports.counts_header')}</TableCell>
                            <TableCell />
                        </TableRow>
                    </TableHead>
                    <TableBody>
                        {jobs.map(job => (
                            <TableRow key={job.id}>
                                <TableCell>{new Date(job.createdAt).toLocaleString()}</TableCell>
                                <TableCell>{translate(job.kind === 'TARGETS' ? 'imports.kind_targets' : 'imports.kind_inspectors')}</TableCell>
                                <TableCell>{job.fileName}</TableCell>
                                <TableCell>{translate(`imports.status_values.${job.status}`)}</TableCell>
                                <TableCell>
                                    {job.insertedRows} / {job.updatedRows} / {job.unchangedRows} / {job.errorRows}
                                </TableCell>
                                <TableCell>
                                    {isFinished(job) && job.errorRows > 0 && (
                                        <Button size="small" startIcon={<DownloadIcon />} onClick={() => download(job.id)}>
                                            {translate('imports.report')}
                                        </Button>
                                    )}
                                </TableCell>
                            </TableRow>
                        ))}
                    </TableBody>
                </Table>
                {error && <Alert severity="error">{error}</Alert>}
            </CardContent>
        </Card>
    );
};

const ImportPage = () => {
    const translate = useTranslate();
    const dataProvider = useDataProvider<Provider>();
    const { permissions } = usePermissions<Permissions | undefined>();
    const [job, setJob] = useState<ImportJob | null>(null);

    // Poll the running job until it has finished.
    const poll = useCallback(
        (id: string) => {
            let stopped = false;
            const tick = async () => {
                if (stopped) return;
                const next = await dataProvider.importJob(id).catch(() => null);
                if (stopped || !next) return;
                setJob(next);
                if (!isFinished(next)) setTimeout(tick, POLL_MS);
            };
            setTimeout(tick, POLL_MS);
            return () => {
                stopped = true;
            };
        },
        [dataProvider],
    );
    const jobId = job?.id;
    useEffect(() => (jobId ? poll(jobId) : undefined), [jobId, poll]);

    const mayUpload = canUse(permissions?.role, 'imports', 'create');
    return (
        <Box sx={{ mt: 1, mb: 4 }} data-testid="import-page">
            <Title title={translate('imports.title')} />
            <Card variant="outlined">
                <CardContent>
                    <Typography variant="h5" sx={{ mb: 2 }}>
                        {translate('imports.title')}
                    </Typography>
                    {mayUpload ? <UploadForm onStarted={setJob} /> : <Alert severity="info">{translate('imports.read_only')}</Alert>}
                    {job && <JobProgress job={job} />}
                </CardContent>
            </Card>
            <RecentImports refreshKey={job && isFinished(job) ? job.id : null} />
        </Box>
    );
};

export default ImportPage;
