// 联合抽查情况记录表 (seed 000, 附件2), on screen and on A4 paper: the task; the inspectors present, chosen from the
// team the inspector draw matched to this target; the target (name, USCC, legal representative, address); the
// inspection date, methods and whether the team got on site; one table block per participating department with
// its check items and a result (code 1–10 with the form's texts) and note — only the user's own department's rows
// can be edited ("谁检查、谁录入"), and off site only codes 4 and 6 are offered; the disposal opinion (处理意见),
// remarks and the target's signature (signed by … / refused, with the inspectors' note). Below the sheet:
// attachments (name, size, SHA-256, download), each department's publication, and corrections of published rows.
// Saving sends the header (saveRecord) and then the department's results (enterItemResults), each with an
// idempotency key reused when the same submit is retried. Server refusals appear on the field they name.
import PrintIcon from '@mui/icons-material/Print';
import SaveIcon from '@mui/icons-material/Save';
import {
    Alert,
    Box,
    Button,
    Checkbox,
    FormControl,
    FormControlLabel,
    FormHelperText,
    GlobalStyles,
    MenuItem,
    Radio,
    RadioGroup,
    Select,
    Stack,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    TextField,
    Typography,
} from '@mui/material';
import { Fragment, useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useDataProvider, useNotify, usePermissions, useTranslate, type DataProvider } from 'react-admin';

import type { Permissions } from '../authProvider';
import type { InspectionRecordData, RecordContextData, RecordMethods, SaveRecordInput } from '../dataProvider/records';
import { methodChoices, resultCodeChoices } from '../shared/choices';
import { AttachmentsPanel } from './AttachmentsPanel';
import { CorrectionRequestButton } from './CorrectionRequestButton';
import { useIdempotentSubmit } from './idempotency';
import { PublicationPanel } from './PublicationPanel';
import { headerFieldOf, resultFieldOf, serverErrorOf } from './serverErrors';

const OFF_SITE_CODES = [4, 6];

interface Header {
    inspectedOn: string;
    inspectorIds: string[];
    methods: string[];
    onSite: boolean;
    disposalOpinion: string;
    remarks: string;
    signatureStatus: 'PENDING' | 'SIGNED' | 'REFUSED';
    signatoryName: string;
    refusalNote: string;
}

type Results = Record<string, { code: number | ''; note: string }>;

const headerOf = (record: InspectionRecordData | null): Header => ({
    inspectedOn: record?.inspectedOn ?? '',
    inspectorIds: record?.inspectors.map(i => i.id) ?? [],
    methods: record?.methods ?? ['ON_SITE'],
    onSite: record?.onSite ?? true,
    disposalOpinion: record?.disposalOpinion ?? '',
    remarks: record?.remarks ?? '',
    signatureStatus: record?.signatureStatus ?? 'PENDING',
    signatoryName: record?.signatoryName ?? '',
    refusalNote: record?.refusalNote ?? '',
});

const resultsOf = (record: InspectionRecordData | null): Results =>
    Object.fromEntries((record?.results ?? []).map(r => [r.checkItem.id, { code: r.code, note: r.note ?? '' }]));

/** A4 portrait, only the sheet (and its attachment list) printed, the console's frame and buttons hidden. */
const printStyles = (
    <GlobalStyles
        styles={{
            '@media print': {
                '@page': { size: 'A4 portrait', margin: '15mm 12mm' },
                'body *': { visibility: 'hidden' },
                '.record-sheet, .record-sheet *': { visibility: 'visible' },
                '.record-sheet': { position: 'absolute', left: 0, top: 0, width: '100%', fontSize: '10.5pt' },
                '.record-sheet .no-print': { display: 'none !important' },
                '.record-sheet .MuiTableCell-root': { border: '1px solid #000 !important', padding: '3pt 4pt' },
                '.record-sheet .MuiOutlinedInput-notchedOutline': { border: 'none' },
                '.record-sheet .MuiSelect-icon': { display: 'none' },
                '.record-sheet tr': { breakInside: 'avoid' },
            },
        }}
    />
);

const cell = { border: '1px solid', borderColor: 'grey.500', px: 1, py: 0.5, verticalAlign: 'middle' } as const;
const labelCell = { ...cell, bgcolor: 'grey.100', fontWeight: 600, whiteSpace: 'nowrap', width: '1%' } as const;

export const RecordForm = ({ taskId, targetId }: { taskId: string; targetId: string }) => {
    const dataProvider = useDataProvider<DataProvider & RecordMethods>();
    const [context, setContext] = useState<RecordContextData | null>(null);
    const [loadError, setLoadError] = useState<string | null>(null);
    const reload = useCallback(
        () =>
            dataProvider
                .recordContext(taskId, targetId)
                .then(setContext)
                .catch((error: Error) => setLoadError(serverErrorOf(error).message)),
        [dataProvider, taskId, targetId],
    );
    useEffect(() => {
        reload();
    }, [reload]);
    if (loadError) return <Alert severity="error">{loadError}</Alert>;
    if (!context) return null;
    return <RecordSheet context={context} reload={reload} />;
};

const RecordSheet = ({ context, reload }: { context: RecordContextData; reload: () => unknown }) => {
    const { task, target, team, record } = context;
    const translate = useTranslate();
    const notify = useNotify();
    const dataProvider = useDataProvider<DataProvider & RecordMethods>();
    const { permissions } = usePermissions<Permissions | undefined>();
    const ownDepartmentId = permissions?.departmentId ?? null;
    const [header, setHeader] = useState<Header>(() => headerOf(record));
    const [results, setResults] = useState<Results>(() => resultsOf(record));
    const [errors, setErrors] = useState<Record<string, string>>({});
    const [formError, setFormError] = useState<string | null>(null);
    const [busy, setBusy] = useState(false);
    const submitHeader = useIdempotentSubmit();
    const submitResults = useIdempotentSubmit();

    useEffect(() => {
        setHeader(headerOf(record));
        setResults(resultsOf(record));
    }, [record]);

    /** Participating departments in the form's order: the lead first, then the others with items in the task. */
    const departments = useMemo(() => {
        const all = [task.leadDepartment, ...task.participants.map(p => p.department).filter(d => d.id !== task.leadDepartment.id)];
        return all
            .map(department => ({ department, items: task.items.filter(i => i.department.id === department.id).map(i => i.checkItem) }))
            .filter(block => block.items.length > 0);
    }, [task]);
    const resultByItem = useMemo(() => new Map((record?.results ?? []).map(r => [r.checkItem.id, r])), [record]);
    const ownPublished = (record?.publications ?? []).some(p => p.department.id === ownDepartmentId);
    const ownItems = departments.find(block => block.department.id === ownDepartmentId)?.items ?? [];
    const sheetLocked = !!record && departments.every(block => record.publications.some(p => p.department.id === block.department.id));
    const canEditHeader = !!ownDepartmentId && departments.some(block => block.department.id === ownDepartmentId) && !sheetLocked;
    const codeChoices = header.onSite ? resultCodeChoices : resultCodeChoices.filter(choice => OFF_SITE_CODES.includes(choice.id));

    const set = <K extends keyof Header>(key: K, value: Header[K]) => {
        setHeader(previous => ({ ...previous, [key]: value }));
        setErrors(({ [key]: _dropped, ...rest }) => rest);
    };
    const setResult = (itemId: string, patch: Partial<Results[string]>) => {
        setResults(previous => ({ ...previous, [itemId]: { ...(previous[itemId] ?? { code: '', note: '' }), ...patch } }));
        setErrors(({ [`result.${itemId}.code`]: _c, [`result.${itemId}.note`]: _n, ...rest }) => rest);
    };

    const save = async () => {
        setBusy(true);
        setErrors({});
        setFormError(null);
        const input: SaveRecordInput = {
            taskId: task.id,
            targetId: target.id,
            inspectedOn: header.inspectedOn,
            inspectorIds: header.inspectorIds,
            methods: header.methods,
            onSite: header.onSite,
            disposalOpinion: header.disposalOpinion.trim() || null,
            remarks: header.remarks.trim() || null,
            signatureStatus: header.signatureStatus,
            signatoryName: header.signatureStatus === 'SIGNED' ? header.signatoryName.trim() || null : null,
            refusalNote: header.signatureStatus === 'REFUSED' ? header.refusalNote.trim() || null : null,
        };
        let saved: InspectionRecordData | null = null;
        try {
            saved = await submitHeader(input, key => dataProvider.saveRecord(input, key));
            const rows = ownPublished
                ? []
                : ownItems
                      .filter(item => results[item.id]?.code !== '' && results[item.id]?.code != null)
                      .map(item => ({ checkItemId: item.id, code: Number(results[item.id]!.code), note: results[item.id]!.note.trim() || null }));
            if (rows.length > 0) {
                try {
                    const payload = { recordId: saved.id, rows };
                    await submitResults(payload, key => dataProvider.enterItemResults(saved!.id, rows, key));
                } catch (error) {
                    const failure = serverErrorOf(error);
                    const at = resultFieldOf(failure.field);
                    const row = at ? rows[at.index] : undefined;
                    if (row) setErrors({ [`result.${row.checkItemId}.${at!.part}`]: failure.message });
                    else setFormError(failure.message);
                    notify(failure.message, { type: 'error' });
                    return;
                }
            }
            notify('recordForm.saved', { type: 'info' });
        } catch (error) {
            const failure = serverErrorOf(error);
            const field = headerFieldOf(failure.field);
            if (field) setErrors({ [field]: failure.message });
            else setFormError(failure.message);
            notify(failure.message, { type: 'error' });
        } finally {
            setBusy(false);
            if (saved) await reload();
        }
    };

    return (
        <Box sx={{ mt: 1, mb: 4 }} data-testid="record-form">
            {printStyles}
            <Stack direction="row" className="no-print" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1, gap: 1, flexWrap: 'wrap' }}>
                <Typography variant="body2">
                    <Link to={`/tasks/${task.id}/records`}>{translate('recordForm.back_to_task', { task: task.code })}</Link>
                </Typography>
                <Stack direction="row" sx={{ gap: 1 }}>
                    {canEditHeader && (
                        <Button variant="contained" startIcon={<SaveIcon />} disabled={busy} onClick={save} data-testid="save-record">
                            {translate('recordForm.save')}
                        </Button>
                    )}
                    <Button variant="outlined" startIcon={<PrintIcon />} onClick={() => window.print()}>
                        {translate('recordForm.print')}
                    </Button>
                </Stack>
            </Stack>
            {formError && (
                <Alert severity="error" className="no-print" sx={{ mb: 1 }} data-testid="form-error">
                    {formError}
                </Alert>
            )}
            {sheetLocked && (
                <Alert severity="info" className="no-print" sx={{ mb: 1 }}>
                    {translate('recordForm.all_published')}
                </Alert>
            )}
            <Box className="record-sheet" sx={{ bgcolor: 'background.paper', p: 2, maxWidth: 960 }}>
                <Typography variant="h6" component="h1" align="center" sx={{ mb: 1, fontWeight: 700 }}>
                    {translate('recordForm.title')}
                </Typography>
                <Typography variant="body2" align="center" sx={{ mb: 1 }}>
                    {task.code} {task.name}
                    {record && (
                        <Box component="span" sx={{ ml: 2 }} data-testid="record-status">
                            {translate(`enums.RecordStatus.${record.status}`)}
                        </Box>
                    )}
                </Typography>
                <Table size="small" sx={{ borderCollapse: 'collapse', '& td, & th': cell }}>
                    <TableBody>
                        {/* 执法检查人员 */}
                        <TableRow>
                            <TableCell sx={labelCell} rowSpan={Math.max(team.length, 1) + 1}>
                                {translate('recordForm.inspectors')}
                            </TableCell>
                            <TableCell sx={{ ...labelCell, width: 'auto' }} className="no-print">
                                {translate('recordForm.present')}
                            </TableCell>
                            <TableCell sx={{ ...labelCell, width: 'auto' }}>{translate('recordForm.inspector_name')}</TableCell>
                            <TableCell sx={{ ...labelCell, width: 'auto' }}>{translate('recordForm.inspector_unit')}</TableCell>
                            <TableCell sx={{ ...labelCell, width: 'auto' }} colSpan={2}>
                                {translate('recordForm.certificate_no')}
                            </TableCell>
                        </TableRow>
                        {team.length === 0 && (
                            <TableRow>
                                <TableCell colSpan={5}>{translate('recordForm.no_team')}</TableCell>
                            </TableRow>
                        )}
                        {team.map(seat => {
                            const present = header.inspectorIds.includes(seat.inspector.id);
                            return (
                                <TableRow key={seat.id} className={present ? undefined : 'no-print'}>
                                    <TableCell className="no-print">
                                        <Checkbox
                                            size="small"
                                            checked={present}
                                            disabled={!canEditHeader}
                                            slotProps={{ input: { 'aria-label': translate('recordForm.present_of', { name: seat.inspector.name }) } }}
                                            onChange={event =>
                                                set(
                                                    'inspectorIds',
                                                    event.target.checked
                                                        ? [...header.inspectorIds, seat.inspector.id]
                                                        : header.inspectorIds.filter(id => id !== seat.inspector.id),
                                                )
                                            }
                                        />
                                    </TableCell>
                                    <TableCell>
                                        {seat.inspector.name}
                                        {seat.role === 'LEADER' && ` （${translate('enums.TeamRole.LEADER')}）`}
                                    </TableCell>
                                    <TableCell>{seat.department.shortName}</TableCell>
                                    <TableCell colSpan={2}>{seat.inspector.certificateNo ?? '—'}</TableCell>
                                </TableRow>
                            );
                        })}
                        {errors.inspectorIds && (
                            <TableRow className="no-print">
                                <TableCell colSpan={6}>
                                    <FormHelperText error data-testid="error-inspectorIds">
                                        {errors.inspectorIds}
                                    </FormHelperText>
                                </TableCell>
                            </TableRow>
                        )}
                        {/* 检查对象 */}
                        <TableRow>
                            <TableCell sx={labelCell} rowSpan={2}>
                                {translate('recordForm.target')}
                            </TableCell>
                            <TableCell sx={labelCell}>{translate('recordForm.target_name')}</TableCell>
                            <TableCell data-testid="target-name">{target.name}</TableCell>
                            <TableCell sx={labelCell}>{translate('recordForm.uscc')}</TableCell>
                            <TableCell colSpan={2} data-testid="target-uscc">
                                {target.uscc}
                            </TableCell>
                        </TableRow>
                        <TableRow>
                            <TableCell sx={labelCell}>{translate('recordForm.legal_representative')}</TableCell>
                            <TableCell>{target.legalRepresentative ?? '—'}</TableCell>
                            <TableCell sx={labelCell}>{translate('recordForm.address')}</TableCell>
                            <TableCell colSpan={2}>{target.address ?? '—'}</TableCell>
                        </TableRow>
                        {/* 检查情况 */}
                        <TableRow>
                            <TableCell sx={labelCell}>{translate('recordForm.inspected_on')}</TableCell>
                            <TableCell colSpan={2}>
                                <TextField
                                    type="date"
                                    size="small"
                                    name="inspectedOn"
                                    value={header.inspectedOn}
                                    disabled={!canEditHeader}
                                    onChange={event => set('inspectedOn', event.target.value)}
                                    error={!!errors.inspectedOn}
                                    helperText={errors.inspectedOn ?? translate('recordForm.window', { start: task.windowStart, end: task.windowEnd })}
                                    slotProps={{ htmlInput: { 'aria-label': translate('recordForm.inspected_on'), min: task.windowStart, max: task.windowEnd } }}
                                />
                            </TableCell>
                            <TableCell sx={labelCell}>{translate('recordForm.on_site')}</TableCell>
                            <TableCell colSpan={2}>
                                <FormControl error={!!errors.onSite}>
                                    <RadioGroup row value={header.onSite ? 'yes' : 'no'} onChange={event => set('onSite', event.target.value === 'yes')}>
                                        <FormControlLabel value="yes" control={<Radio size="small" />} label={translate('recordForm.on_site_yes')} disabled={!canEditHeader} />
                                        <FormControlLabel value="no" control={<Radio size="small" />} label={translate('recordForm.on_site_no')} disabled={!canEditHeader} />
                                    </RadioGroup>
                                    {errors.onSite && <FormHelperText data-testid="error-onSite">{errors.onSite}</FormHelperText>}
                                    {!header.onSite && <FormHelperText>{translate('recordForm.off_site_hint')}</FormHelperText>}
                                </FormControl>
                            </TableCell>
                        </TableRow>
                        <TableRow>
                            <TableCell sx={labelCell}>{translate('recordForm.methods')}</TableCell>
                            <TableCell colSpan={5}>
                                <FormControl error={!!errors.methods}>
                                    <Stack direction="row" sx={{ flexWrap: 'wrap' }}>
                                        {methodChoices.map(choice => (
                                            <FormControlLabel
                                                key={choice.id}
                                                label={translate(choice.name)}
                                                disabled={!canEditHeader}
                                                control={
                                                    <Checkbox
                                                        size="small"
                                                        checked={header.methods.includes(choice.id)}
                                                        onChange={event =>
                                                            set('methods', event.target.checked ? [...header.methods, choice.id] : header.methods.filter(m => m !== choice.id))
                                                        }
                                                    />
                                                }
                                            />
                                        ))}
                                    </Stack>
                                    {errors.methods && <FormHelperText>{errors.methods}</FormHelperText>}
                                </FormControl>
                            </TableCell>
                        </TableRow>
                    </TableBody>
                </Table>

                {/* 检查单位 | 检查事项清单 | 检查结果 */}
                <Table size="small" sx={{ borderCollapse: 'collapse', mt: '-1px', '& td, & th': cell }} data-testid="results-table">
                    <TableHead>
                        <TableRow>
                            <TableCell sx={labelCell}>{translate('recordForm.unit')}</TableCell>
                            <TableCell sx={{ ...labelCell, width: 'auto' }}>{translate('recordForm.item')}</TableCell>
                            <TableCell sx={{ ...labelCell, width: '36%' }}>{translate('recordForm.result')}</TableCell>
                            <TableCell sx={{ ...labelCell, width: '22%' }}>{translate('recordForm.note')}</TableCell>
                        </TableRow>
                    </TableHead>
                    <TableBody>
                        {departments.map(({ department, items }) => {
                            const own = department.id === ownDepartmentId;
                            const publication = record?.publications.find(p => p.department.id === department.id);
                            return (
                                <Fragment key={department.id}>
                                    {items.map((item, index) => {
                                        const saved = resultByItem.get(item.id);
                                        const editable = own && !publication && canEditHeader;
                                        const value = results[item.id]?.code ?? '';
                                        const codeError = errors[`result.${item.id}.code`];
                                        const current = value === '' ? undefined : resultCodeChoices.find(c => c.id === value);
                                        const offered = current && !codeChoices.includes(current) ? [...codeChoices, current] : codeChoices;
                                        return (
                                            <TableRow key={item.id} data-testid={`result-row-${item.id}`} data-department={department.id} data-editable={editable ? 'true' : 'false'}>
                                                {index === 0 && (
                                                    <TableCell sx={labelCell} rowSpan={items.length}>
                                                        {department.shortName}
                                                        {own && (
                                                            <Typography variant="caption" sx={{ display: 'block' }} className="no-print" color="primary">
                                                                {translate('recordForm.own_department')}
                                                            </Typography>
                                                        )}
                                                    </TableCell>
                                                )}
                                                <TableCell>
                                                    {item.name}
                                                    <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                                                        {item.code}
                                                    </Typography>
                                                </TableCell>
                                                <TableCell>
                                                    {editable ? (
                                                        <FormControl size="small" fullWidth error={!!codeError}>
                                                            <Select<number | ''>
                                                                value={value}
                                                                displayEmpty
                                                                inputProps={{ 'aria-label': translate('recordForm.result_of', { item: item.name }), 'data-testid': `code-${item.id}` }}
                                                                onChange={event => setResult(item.id, { code: String(event.target.value) === '' ? '' : Number(event.target.value) })}
                                                            >
                                                                <MenuItem value="">
                                                                    <em>{translate('recordForm.choose_result')}</em>
                                                                </MenuItem>
                                                                {offered.map(choice => (
                                                                    <MenuItem key={choice.id} value={choice.id} disabled={!codeChoices.includes(choice)}>
                                                                        {translate(choice.name)}
                                                                    </MenuItem>
                                                                ))}
                                                            </Select>
                                                            {codeError && <FormHelperText data-testid={`error-code-${item.id}`}>{codeError}</FormHelperText>}
                                                        </FormControl>
                                                    ) : saved ? (
                                                        <Box data-testid={`code-text-${item.id}`}>
                                                            {saved.code} {saved.codeText}
                                                            {saved.corrections
                                                                .filter(c => c.status !== 'REJECTED')
                                                                .map(c => (
                                                                    <Typography key={c.id} variant="body2" color={c.status === 'APPROVED' ? 'warning.main' : 'text.secondary'} data-testid={`correction-${c.id}`}>
                                                                        {translate(c.status === 'APPROVED' ? 'recordForm.corrected_to' : 'recordForm.correction_requested', {
                                                                            code: translate(`enums.ResultCode.${c.newCode}`),
                                                                        })}
                                                                    </Typography>
                                                                ))}
                                                        </Box>
                                                    ) : (
                                                        <Typography variant="body2" color="text.secondary">
                                                            {translate(own ? 'recordForm.not_entered' : 'recordForm.not_visible')}
                                                        </Typography>
                                                    )}
                                                </TableCell>
                                                <TableCell>
                                                    {editable ? (
                                                        <TextField
                                                            size="small"
                                                            fullWidth
                                                            multiline
                                                            value={results[item.id]?.note ?? ''}
                                                            onChange={event => setResult(item.id, { note: event.target.value })}
                                                            error={!!errors[`result.${item.id}.note`]}
                                                            helperText={errors[`result.${item.id}.note`]}
                                                            slotProps={{ htmlInput: { 'aria-label': translate('recordForm.note_of', { item: item.name }) } }}
                                                        />
                                                    ) : (
                                                        <>
                                                            {saved?.note ?? ''}
                                                            {own && saved?.publication && (
                                                                <Box className="no-print">
                                                                    <CorrectionRequestButton result={saved} itemName={item.name} onDone={reload} />
                                                                </Box>
                                                            )}
                                                        </>
                                                    )}
                                                </TableCell>
                                            </TableRow>
                                        );
                                    })}
                                </Fragment>
                            );
                        })}
                    </TableBody>
                </Table>

                <Table size="small" sx={{ borderCollapse: 'collapse', mt: '-1px', '& td, & th': cell }}>
                    <TableBody>
                        <TableRow>
                            <TableCell sx={labelCell}>{translate('recordForm.disposal_opinion')}</TableCell>
                            <TableCell colSpan={3}>
                                <TextField
                                    fullWidth
                                    multiline
                                    minRows={2}
                                    size="small"
                                    name="disposalOpinion"
                                    value={header.disposalOpinion}
                                    disabled={!canEditHeader}
                                    onChange={event => set('disposalOpinion', event.target.value)}
                                    error={!!errors.disposalOpinion}
                                    helperText={errors.disposalOpinion}
                                    slotProps={{ htmlInput: { 'aria-label': translate('recordForm.disposal_opinion') } }}
                                />
                            </TableCell>
                        </TableRow>
                        <TableRow>
                            <TableCell sx={labelCell}>{translate('recordForm.remarks')}</TableCell>
                            <TableCell colSpan={3}>
                                <TextField
                                    fullWidth
                                    multiline
                                    size="small"
                                    name="remarks"
                                    value={header.remarks}
                                    disabled={!canEditHeader}
                                    onChange={event => set('remarks', event.target.value)}
                                    error={!!errors.remarks}
                                    helperText={errors.remarks}
                                    slotProps={{ htmlInput: { 'aria-label': translate('recordForm.remarks') } }}
                                />
                            </TableCell>
                        </TableRow>
                        <TableRow>
                            <TableCell sx={labelCell}>{translate('recordForm.signature')}</TableCell>
                            <TableCell>
                                <RadioGroup
                                    row
                                    value={header.signatureStatus}
                                    onChange={event => set('signatureStatus', event.target.value as Header['signatureStatus'])}
                                >
                                    {(['PENDING', 'SIGNED', 'REFUSED'] as const).map(status => (
                                        <FormControlLabel
                                            key={status}
                                            value={status}
                                            disabled={!canEditHeader}
                                            control={<Radio size="small" />}
                                            label={translate(`enums.SignatureStatus.${status}`)}
                                        />
                                    ))}
                                </RadioGroup>
                            </TableCell>
                            <TableCell colSpan={2}>
                                {header.signatureStatus === 'SIGNED' && (
                                    <TextField
                                        size="small"
                                        fullWidth
                                        name="signatoryName"
                                        label={translate('recordForm.signatory_name')}
                                        value={header.signatoryName}
                                        disabled={!canEditHeader}
                                        onChange={event => set('signatoryName', event.target.value)}
                                        error={!!errors.signatoryName}
                                        helperText={errors.signatoryName}
                                    />
                                )}
                                {header.signatureStatus === 'REFUSED' && (
                                    <TextField
                                        size="small"
                                        fullWidth
                                        multiline
                                        name="refusalNote"
                                        label={translate('recordForm.refusal_note')}
                                        value={header.refusalNote}
                                        disabled={!canEditHeader}
                                        onChange={event => set('refusalNote', event.target.value)}
                                        error={!!errors.refusalNote}
                                        helperText={errors.refusalNote ?? translate('recordForm.refusal_hint')}
                                    />
                                )}
                            </TableCell>
                        </TableRow>
                    </TableBody>
                </Table>
                <Typography variant="caption" sx={{ display: 'block', mt: 1 }}>
                    {translate('recordForm.codes_legend')}
                </Typography>
                {record && <AttachmentsPanel recordId={record.id} attachments={record.attachments ?? []} canUpload={canEditHeader} onUploaded={reload} />}
            </Box>
            {record ? (
                <PublicationPanel
                    record={record}
                    publicationDueOn={task.publicationDueOn}
                    departments={departments.map(block => ({ department: block.department, itemIds: block.items.map(i => i.id) }))}
                    ownDepartmentId={ownDepartmentId}
                    onPublished={reload}
                />
            ) : (
                <Alert severity="info" className="no-print" sx={{ mt: 2 }}>
                    {translate('recordForm.new_record_hint')}
                </Alert>
            )}
        </Box>
    );
};

export default RecordForm;
