// The rows behind one figure (reportDrillDown): tasks, records, publications, item results, corrections,
// follow-ups, draws, check items or departments, 25 per page, with whether each is counted in the numerator and
// links to the task, record, target and the row's own show page. Rows follow the row rules (docs/SECURITY.md):
// a department admin sees its own department's rows, analysts only rows of published results.
import {
    Alert,
    Box,
    Button,
    Checkbox,
    Dialog,
    DialogActions,
    DialogContent,
    DialogTitle,
    FormControlLabel,
    LinearProgress,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TablePagination,
    TableRow,
    Typography,
} from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { useEffect, useState } from 'react';
import { Link, useDataProvider, useTranslate, type DataProvider } from 'react-admin';

import type { DrillDownPage, ReportMethods, ReportSelection } from '../dataProvider/reports';

const PER_PAGE = 25;

/** The resource whose show page a drill-down row opens. */
const RESOURCE_OF: Record<string, string> = {
    Task: 'tasks',
    InspectionRecord: 'inspectionRecords',
    Publication: 'publications',
    ItemResult: 'itemResults',
    Correction: 'corrections',
    FollowUp: 'followUps',
    Draw: 'draws',
    CheckItem: 'checkItems',
    Department: 'departments',
};

export interface DrillTarget {
    /** Figure key or resultCodeN. */
    figure: string;
    /** What the title names (the figure's label, a result code, plus the department). */
    label: string;
    /** A department's cell: that department's rows. */
    departmentId?: string | null;
}

export const DrillDownDialog = ({
    target,
    selection,
    analyst,
    onClose,
}: {
    target: DrillTarget | null;
    selection: ReportSelection;
    analyst?: boolean;
    onClose: () => void;
}) => {
    const dataProvider = useDataProvider<DataProvider & ReportMethods>();
    const translate = useTranslate();
    const [page, setPage] = useState(1);
    const [onlyNumerator, setOnlyNumerator] = useState(false);
    const [result, setResult] = useState<DrillDownPage | null>(null);
    const [error, setError] = useState<string | null>(null);
    const [loading, setLoading] = useState(false);

    useEffect(() => {
        setPage(1);
        setOnlyNumerator(false);
        setResult(null);
        setError(null);
    }, [target?.figure, target?.departmentId]);

    useEffect(() => {
        if (!target) return;
        let current = true;
        setLoading(true);
        dataProvider
            .reportDrillDown({
                ...selection,
                departmentId: target.departmentId !== undefined ? target.departmentId : selection.departmentId,
                figure: target.figure,
                onlyNumerator,
                page,
                perPage: PER_PAGE,
            })
            .then(r => current && (setResult(r), setError(null)))
            .catch((e: Error) => current && setError(translate(e.message, { _: e.message })))
            .finally(() => current && setLoading(false));
        return () => {
            current = false;
        };
    }, [dataProvider, target, selection, onlyNumerator, page, translate]);

    const rows = result?.nodes ?? [];
    const show = (resource: string, id: string | null, text: string | null) =>
        id ? (
            <Link to={`/${resource}/${encodeURIComponent(id)}/show`}>
                {text ?? id.slice(0, 8)}
            </Link>
        ) : (
            (text ?? '')
        );

    return (
        <Dialog open={!!target} onClose={onClose} maxWidth="lg" fullWidth data-testid="drill-down">
            <DialogTitle>{target ? translate('reports.drill.title', { figure: target.label }) : ''}</DialogTitle>
            <DialogContent dividers>
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap', mb: 1 }}>
                    {result && (
                        <Typography variant="body2" data-testid="drill-counts">
                            {translate('reports.drill.counts', { total: result.totalCount, numerator: result.numeratorCount, denominator: result.denominatorCount })}
                        </Typography>
                    )}
                    <FormControlLabel
                        control={<Checkbox size="small" checked={onlyNumerator} onChange={event => (setOnlyNumerator(event.target.checked), setPage(1))} />}
                        label={translate('reports.drill.only_numerator')}
                    />
                </Box>
                {analyst && (
                    <Alert severity="info" sx={{ mb: 1 }}>
                        {translate('reports.drill.published_only_hint')}
                    </Alert>
                )}
                {error && <Alert severity="error">{error}</Alert>}
                {loading && <LinearProgress />}
                {result && rows.length === 0 && !loading && <Typography sx={{ my: 2 }}>{translate('reports.drill.none')}</Typography>}
                {rows.length > 0 && (
                    <Table size="small" data-testid="drill-rows">
                        <TableHead>
                            <TableRow>
                                <TableCell>{translate('reports.drill.entity')}</TableCell>
                                <TableCell>{translate('reports.drill.task')}</TableCell>
                                <TableCell>{translate('reports.drill.target')}</TableCell>
                                <TableCell>{translate('reports.drill.department')}</TableCell>
                                <TableCell>{translate('reports.drill.check_item')}</TableCell>
                                <TableCell>{translate('reports.drill.code')}</TableCell>
                                <TableCell>{translate('reports.drill.date')}</TableCell>
                                <TableCell align="center">{translate('reports.drill.in_numerator')}</TableCell>
                                <TableCell>{translate('reports.drill.record')}</TableCell>
                            </TableRow>
                        </TableHead>
                        <TableBody>
                            {rows.map((row, index) => (
                                <TableRow key={`${row.entity}-${row.id ?? ''}-${row.recordId ?? ''}-${row.departmentId ?? ''}-${index}`} hover>
                                    <TableCell>{show(RESOURCE_OF[row.entity] ?? '', row.id, translate(`reports.drill.entities.${row.entity}`, { _: row.entity }))}</TableCell>
                                    <TableCell>{show('tasks', row.taskId, row.taskCode)}</TableCell>
                                    <TableCell>
                                        {row.targetId ? show('targets', row.targetId, row.targetName) : ''}
                                        {row.targetUscc && (
                                            <Typography variant="caption" color="text.secondary" component="div">
                                                {row.targetUscc}
                                            </Typography>
                                        )}
                                    </TableCell>
                                    <TableCell>{row.departmentCode ?? ''}</TableCell>
                                    <TableCell>{row.checkItemCode ?? ''}</TableCell>
                                    <TableCell>{row.code != null ? translate(`enums.ResultCode.${row.code}`, { _: String(row.code) }) : ''}</TableCell>
                                    <TableCell>{row.date ?? ''}</TableCell>
                                    <TableCell align="center">{row.inNumerator ? (
                                            <CheckIcon fontSize="small" color="success" titleAccess={translate('reports.drill.in_numerator')} data-testid="in-numerator" />
                                        ) : (
                                            <CloseIcon fontSize="small" color="error" titleAccess={translate('reports.drill.not_in_numerator')} data-testid="not-in-numerator" />
                                        )}</TableCell>
                                    <TableCell>{row.recordId ? show('inspectionRecords', row.recordId, translate('reports.drill.open_row')) : ''}</TableCell>
                                </TableRow>
                            ))}
                        </TableBody>
                    </Table>
                )}
            </DialogContent>
            <DialogActions>
                {result && result.totalCount > PER_PAGE && (
                    <TablePagination
                        component="div"
                        count={result.totalCount}
                        page={page - 1}
                        rowsPerPage={PER_PAGE}
                        rowsPerPageOptions={[PER_PAGE]}
                        onPageChange={(_, next) => setPage(next + 1)}
                        sx={{ mr: 'auto' }}
                    />
                )}
                <Button onClick={onClose}>{translate('reports.drill.close')}</Button>
            </DialogActions>
        </Dialog>
    );
};
