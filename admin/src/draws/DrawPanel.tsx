// One draw, step by step: what was committed (candidates per stratum or seats per department, the commitment and
// the named public-input source, shown before anything is revealed), the public input field and the reveal, the
// result (selected targets by stratum in ticket order, or the teams), the browser's own verification of the
// evidence, the evidence download, and lock (with confirmation) or void (with a reason) before lock.
// Used by the guided draw screen of a task (DrawScreen) and by the draw's show page.
import DownloadIcon from '@mui/icons-material/Download';
import LockIcon from '@mui/icons-material/Lock';
import RevealIcon from '@mui/icons-material/Visibility';
import VoidIcon from '@mui/icons-material/DoNotDisturbOn';
import {
    Alert,
    AlertTitle,
    Box,
    Button,
    Card,
    CardContent,
    Chip,
    Dialog,
    DialogActions,
    DialogContent,
    DialogTitle,
    Stack,
    TextField,
    Typography,
} from '@mui/material';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Confirm, Link, useDataProvider, useNotify, useTranslate, type DataProvider } from 'react-admin';

import type { Department, DrawMethods, DrawRecord, SelectedTargetRow, TeamSeat } from '../dataProvider/draws';
import { drawErrorOf, useMayRunDraw, type DrawError } from './drawAccess';
import { DepartmentsTable, SelectionTable, StrataTable, TeamsTable } from './DrawTables';
import type { DrawEvidence } from './verify';
import { VerifyBadge } from './VerifyBadge';

type Provider = DataProvider & DrawMethods;

const Hash = ({ label, value, hint, testId }: { label: string; value: string | null | undefined; hint?: string; testId?: string }) => (
    <Box sx={{ mb: 1 }}>
        <Typography variant="caption" color="text.secondary" component="div">
            {label}
        </Typography>
        <Typography variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }} data-testid={testId}>
            {value ?? '—'}
        </Typography>
        {hint && (
            <Typography variant="caption" color="text.secondary">
                {hint}
            </Typography>
        )}
    </Box>
);

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
    <Box sx={{ mt: 2 }}>
        <Typography variant="h6" sx={{ fontSize: 16, mb: 1 }}>
            {title}
        </Typography>
        {children}
    </Box>
);

/** Shows the server's refusal; NO_ELIGIBLE_INSPECTOR names the target and the department. */
export const DrawErrorAlert = ({ error, departments = [] }: { error: DrawError | null; departments?: Department[] }) => {
    const translate = useTranslate();
    if (!error) return null;
    const department = departments.find(d => d.code === error.department);
    return (
        <Alert severity="error" sx={{ mt: 2 }} data-testid="draw-error">
            {error.reason === 'NO_ELIGIBLE_INSPECTOR' && (
                <AlertTitle>
                    {translate('drawScreen.no_eligible', { uscc: error.uscc ?? '?', department: department ? `${department.name}（${department.code}）` : (error.department ?? '?') })}
                </AlertTitle>
            )}
            {translate(error.message, { _: error.message })}
            {error.reason === 'NO_ELIGIBLE_INSPECTOR' && <Box sx={{ mt: 1 }}>{translate('drawScreen.no_eligible_hint')}</Box>}
        </Alert>
    );
};

function download(fileName: string, blob: Blob) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Seats as the evidence names them (USCC, department code, certificate number, role), for when names are not at hand. */
function seatsOfEvidence(evidence: DrawEvidence, departments: Department[]): TeamSeat[] {
    return (evidence.assignments ?? []).map((a, i) => ({
        id: String(i),
        role: a.role,
        ticket: a.ticket,
        department: departments.find(d => d.code === a.department) ?? { id: a.department, code: a.department, name: a.department, shortName: a.department },
        target: { id: '', name: a.uscc, uscc: a.uscc },
        inspector: { id: '', name: '', certificateNo: a.certificateNo },
    }));
}

export interface DrawPanelProps {
    drawId: string;
    /** Names of the task's departments (inspector draws name departments by code). */
    departments?: Department[];
    /** After a step changed the draw (reveal, lock, void): the task's state may have moved too. */
    onChange?: (draw: DrawRecord) => void;
    /** Link to the draw's own page (on the task's draw screen). */
    showLink?: boolean;
}

export const DrawPanel = ({ drawId, departments: known = [], onChange, showLink }: DrawPanelProps) => {
    const dataProvider = useDataProvider<Provider>();
    const translate = useTranslate();
    const notify = useNotify();
    const [draw, setDraw] = useState<DrawRecord | null>(null);
    const [evidence, setEvidence] = useState<DrawEvidence | null>(null);
    const [evidenceError, setEvidenceError] = useState<string | null>(null);
    const [rows, setRows] = useState<SelectedTargetRow[]>([]);
    const [seats, setSeats] = useState<TeamSeat[]>([]);
    const [publicInput, setPublicInput] = useState('');
    const [dialog, setDialog] = useState<'reveal' | 'lock' | 'void' | null>(null);
    const [reason, setReason] = useState('');
    const [busy, setBusy] = useState(false);
    const [error, setError] = useState<DrawError | null>(null);
    const mayRun = useMayRunDraw(draw?.task.leadDepartment.id);

    const load = useCallback(async () => {
        const next = await dataProvider.getDraw(drawId);
        setDraw(next);
        setEvidence(null);
        setEvidenceError(null);
        dataProvider
            .drawEvidence(drawId)
            .then(e => setEvidence(e as DrawEvidence))
            .catch(failure => setEvidenceError(drawErrorOf(failure).message));
        const revealed = next.status !== 'COMMITTED' && next.seed;
        if (revealed && next.kind === 'TARGET') setRows(await dataProvider.drawTargets(drawId, next.targetCount || next.selectedCount || 0));
        // The teams with names; should that read be refused, the evidence still names every seat (below).
        if (revealed && next.kind === 'INSPECTOR') setSeats(await dataProvider.drawTeams(drawId, 2000).catch(failure => (setError(drawErrorOf(failure)), [])));
        return next;
    }, [dataProvider, drawId]);

    useEffect(() => {
        load().catch(failure => setError(drawErrorOf(failure)));
    }, [load]);

    const run = async (label: string, step: () => Promise<DrawRecord>) => {
        setBusy(true);
        setError(null);
        try {
            await step();
            setDialog(null);
            setReason('');
            notify('drawScreen.done', { type: 'info', messageArgs: { action: translate(label) } });
        } catch (failure) {
            setDialog(null);
            setError(drawErrorOf(failure));
        } finally {
            // A failed reveal of an inspector draw may have voided it (NO_ELIGIBLE_INSPECTOR): read it again either way.
            const next = await load().catch(() => null);
            setBusy(false);
            if (next) onChange?.(next);
        }
    };

    if (!draw) return error ? <DrawErrorAlert error={error} departments={known} /> : null;
    const departments = known.length ? known : [...new Map(seats.map(s => [s.department.code, s.department])).values()];
    const isTarget = draw.kind === 'TARGET';
    const revealed = draw.status !== 'COMMITTED' && !!draw.seed;
    const open = draw.status === 'COMMITTED' || draw.status === 'REVEALED';

    return (
        <Card variant="outlined" sx={{ mt: 2 }} data-testid={`draw-panel-${draw.kind.toLowerCase()}`}>
            <CardContent>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                    <Typography variant="h6">{translate(`enums.DrawKind.${draw.kind}`)}</Typography>
                    <Chip
                        label={translate(`enums.DrawStatus.${draw.status}`)}
                        color={draw.status === 'LOCKED' ? 'success' : draw.status === 'VOIDED' ? 'default' : 'primary'}
                        data-testid="draw-status"
                    />
                    <Typography variant="body2" color="text.secondary">
                        {draw.algorithm}
                    </Typography>
                    {showLink && <Link to={`/draws/${draw.id}/show`}>{translate('drawScreen.show_draw')}</Link>}
                </Stack>
                {draw.status === 'VOIDED' && (
                    <Alert severity="warning" sx={{ mt: 1 }}>
                        {translate('drawScreen.voided', { reason: draw.voidReason ?? '' })}
                    </Alert>
                )}

                <Section title={translate(isTarget ? 'drawScreen.candidates' : 'drawScreen.departments')}>
                    {isTarget ? <StrataTable params={draw.params} /> : <DepartmentsTable params={draw.params} departments={departments} />}
                </Section>

                <Section title={translate('drawScreen.committed')}>
                    <Hash label={translate('drawScreen.commitment')} value={draw.commitment} hint={translate('drawScreen.commitment_hint')} testId="commitment" />
                    <Hash label={translate('drawScreen.candidate_hash')} value={draw.candidateHash} />
                    <Box sx={{ mb: 1 }}>
                        <Typography variant="caption" color="text.secondary" component="div">
                            {translate('drawScreen.public_input_source')}
                        </Typography>
                        <Typography variant="body1" sx={{ fontWeight: 'bold' }} data-testid="public-input-source">
                            {draw.publicInputSource}
                        </Typography>
                    </Box>
                </Section>

                {draw.status === 'COMMITTED' && mayRun && (
                    <Section title={translate('drawScreen.public_input')}>
                        <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
                            <TextField
                                name="publicInput"
                                label={translate('drawScreen.public_input')}
                                helperText={translate('drawScreen.public_input_hint')}
                                value={publicInput}
                                onChange={event => setPublicInput(event.target.value)}
                                sx={{ minWidth: 360 }}
                                slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'public-input' } }}
                            />
                            <Button variant="contained" startIcon={<RevealIcon />} disabled={busy || !publicInput.trim()} onClick={() => setDialog('reveal')} sx={{ mt: 1 }}>
                                {translate('drawScreen.reveal')}
                            </Button>
                        </Stack>
                    </Section>
                )}

                {revealed && (
                    <Section title={translate('drawScreen.revealed')}>
                        <Hash label={translate('drawScreen.public_input')} value={draw.publicInput} testId="revealed-public-input" />
                        <Hash label={translate('drawScreen.server_seed')} value={draw.serverSeed} />
                        <Hash label={translate('drawScreen.seed')} value={draw.seed} />
                        <Hash label={translate('drawScreen.result_hash')} value={draw.resultHash} />
                    </Section>
                )}

                <Box sx={{ mt: 2 }}>
                    <VerifyBadge evidence={evidence} error={evidenceError} />
                </Box>

                {revealed && isTarget && (
                    <Section title={translate('drawScreen.selection')}>
                        <SelectionTable rows={rows} selected={evidence?.selected ?? null} />
                    </Section>
                )}
                {revealed && !isTarget && (seats.length > 0 || !!evidence?.assignments?.length) && (
                    <Section title={translate('drawScreen.teams')}>
                        <TeamsTable seats={seats.length ? seats : seatsOfEvidence(evidence!, departments)} order={evidence?.assignments?.map(a => a.uscc)} />
                    </Section>
                )}

                <DrawErrorAlert error={error} departments={departments} />

                <Stack direction="row" spacing={1} sx={{ mt: 2, flexWrap: 'wrap' }}>
                    <Button
                        startIcon={<DownloadIcon />}
                        disabled={!evidence}
                        title={translate('drawScreen.evidence_hint')}
                        onClick={() =>
                            download(`draw-${draw.task.code}-${draw.kind.toLowerCase()}-${draw.id.slice(0, 8)}.json`, new Blob([JSON.stringify(evidence, null, 2)], { type: 'application/json' }))
                        }
                    >
                        {translate('drawScreen.evidence')}
                    </Button>
                    {mayRun && draw.status === 'REVEALED' && (
                        <Button variant="contained" color="success" startIcon={<LockIcon />} disabled={busy} onClick={() => setDialog('lock')}>
                            {translate('drawScreen.lock')}
                        </Button>
                    )}
                    {mayRun && open && (
                        <Button color="error" startIcon={<VoidIcon />} disabled={busy} onClick={() => setDialog('void')}>
                            {translate('drawScreen.void')}
                        </Button>
                    )}
                </Stack>
            </CardContent>

            <Confirm
                isOpen={dialog === 'reveal'}
                loading={busy}
                title="drawScreen.reveal_confirm_title"
                content="drawScreen.reveal_confirm"
                translateOptions={{ input: publicInput }}
                onConfirm={() => run('drawScreen.reveal', () => dataProvider.revealDraw(draw.id, publicInput))}
                onClose={() => setDialog(null)}
            />
            <Confirm
                isOpen={dialog === 'lock'}
                loading={busy}
                title="drawScreen.lock_confirm_title"
                content={isTarget ? 'drawScreen.lock_confirm_target' : 'drawScreen.lock_confirm_inspector'}
                onConfirm={() => run('drawScreen.lock', () => dataProvider.lockDraw(draw.id))}
                onClose={() => setDialog(null)}
            />
            <Dialog open={dialog === 'void'} onClose={() => setDialog(null)} maxWidth="sm" fullWidth>
                <DialogTitle>{translate('drawScreen.void_title')}</DialogTitle>
                <DialogContent>
                    <TextField
                        autoFocus
                        fullWidth
                        multiline
                        minRows={2}
                        margin="dense"
                        name="reason"
                        label={translate('app.action.reason')}
                        value={reason}
                        onChange={event => setReason(event.target.value)}
                        helperText={translate('drawScreen.void_hint')}
                    />
                </DialogContent>
                <DialogActions>
                    <Button onClick={() => setDialog(null)}>{translate('ra.action.cancel')}</Button>
                    <Button variant="contained" color="error" disabled={busy || !reason.trim()} onClick={() => run('drawScreen.void', () => dataProvider.voidDraw(draw.id, reason.trim()))}>
                        {translate('drawScreen.void')}
                    </Button>
                </DialogActions>
            </Dialog>
        </Card>
    );
};
