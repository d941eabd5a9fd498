// The "已验证 / verified" badge: recomputes the draw in the browser from its evidence (verify.ts, WebCrypto) and
// shows the verdict — green when every published value agrees, red with the first difference otherwise.
import CheckIcon from '@mui/icons-material/VerifiedUser';
import ErrorIcon from '@mui/icons-material/GppBad';
import { Alert, AlertTitle, Box, Chip, LinearProgress, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';

import { verifyEvidence, type DrawEvidence, type Verdict } from './verify';

export interface VerifyBadgeProps {
    evidence: DrawEvidence | null;
    /** Why the evidence could not be read (e.g. an analyst and an inspector draw's evidence). */
    error?: string | null;
}

export const VerifyBadge = ({ evidence, error }: VerifyBadgeProps) => {
    const translate = useTranslate();
    const [verdict, setVerdict] = useState<Verdict | null>(null);
    const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

    useEffect(() => {
        let cancelled = false;
        setVerdict(null);
        if (!evidence) return;
        verifyEvidence(evidence, { onProgress: (done, total) => !cancelled && setProgress({ done, total }) })
            .then(result => !cancelled && setVerdict(result))
            .catch(failure => !cancelled && setVerdict({ ok: false, step: 'format', detail: String(failure) }))
            .finally(() => !cancelled && setProgress(null));
        return () => {
            cancelled = true;
        };
    }, [evidence]);

    if (error) return <Alert severity="info">{translate('drawScreen.verify.unavailable', { message: error })}</Alert>;
    if (!evidence || !verdict) {
        return (
            <Box data-testid="verify-running">
                <Typography variant="body2" color="text.secondary">
                    {translate('drawScreen.verify.running', { done: progress?.done ?? 0, total: progress?.total ?? '…' })}
                </Typography>
                <LinearProgress variant={progress?.total ? 'determinate' : 'indeterminate'} value={progress?.total ? (100 * progress.done) / progress.total : undefined} />
            </Box>
        );
    }
    if (verdict.ok) {
        const label = verdict.revealed ? 'drawScreen.verify.ok' : 'drawScreen.verify.ok_committed';
        return (
            <Alert severity="success" icon={false} data-testid="verify-ok">
                <Chip color="success" icon={<CheckIcon />} label={translate(label)} sx={{ fontWeight: 'bold', mr: 1 }} />
                {translate(verdict.revealed ? 'drawScreen.verify.ok_hint' : 'drawScreen.verify.ok_committed_hint')}
            </Alert>
        );
    }
    return (
        <Alert severity="error" icon={false} data-testid="verify-mismatch">
            <AlertTitle>
                <Chip color="error" icon={<ErrorIcon />} label={translate('drawScreen.verify.failed')} sx={{ fontWeight: 'bold', mr: 1 }} />
                {translate('drawScreen.verify.first_difference', { step: translate(`drawScreen.step.${verdict.step}`) })}
            </AlertTitle>
            <Typography variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
                {verdict.detail}
            </Typography>
        </Alert>
    );
};
