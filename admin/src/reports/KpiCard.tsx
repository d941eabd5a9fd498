// One headline figure as a card: its value (with numerator / denominator for a rate), the target from the seed
// documents, met (green) or not met (red), and the change from the previous period. Clicking it opens the rows
// behind it (the report page's drill-down) when the page passes onOpen.
import { Box, Card, CardActionArea, CardContent, Chip, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';

import type { ReportFigure, ReportPeriod } from '../dataProvider/reports';
import { figureLabel, formatChange, formatValue, percent } from './format';

export const MET_COLOURS = { met: '#2e7d32', notMet: '#c62828', none: '#9e9e9e' } as const;

export const metColour = (met: boolean | null) => (met == null ? MET_COLOURS.none : met ? MET_COLOURS.met : MET_COLOURS.notMet);

export const MetChip = ({ figure }: { figure: ReportFigure }) => {
    const translate = useTranslate();
    if (figure.target == null) return null;
    if (figure.met == null) return <Chip size="small" variant="outlined" label={translate('reports.not_judged')} data-testid={`met-${figure.key}`} data-met="none" />;
    return (
        <Chip
            size="small"
            color={figure.met ? 'success' : 'error'}
            label={translate(figure.met ? 'reports.met' : 'reports.not_met')}
            data-testid={`met-${figure.key}`}
            data-met={figure.met ? 'met' : 'not-met'}
        />
    );
};

export const ChangeText = ({ figure, period }: { figure: ReportFigure; period: ReportPeriod }) => {
    const translate = useTranslate();
    const previous = translate(`reports.previous.${period}`);
    const change = formatChange(figure);
    if (change == null) return <>{translate('reports.no_previous', { previous })}</>;
    const text = figure.unit === 'RATE' ? translate('reports.change_points', { change }) : change;
    return <>{translate('reports.change_vs', { previous, change: text })}</>;
};

export const KpiCard = ({
    figure,
    period,
    onOpen,
    compact = false,
}: {
    figure: ReportFigure;
    period: ReportPeriod;
    onOpen?: (figure: ReportFigure) => void;
    compact?: boolean;
}) => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const colour = figure.target == null ? '#1565c0' : metColour(figure.met);
    const body: ReactNode = (
        <CardContent sx={{ p: compact ? 1.5 : 2, '&:last-child': { pb: compact ? 1.5 : 2 } }}>
            <Typography variant="body2" color="text.secondary" noWrap title={figureLabel(figure, locale)}>
                {figureLabel(figure, locale)}
            </Typography>
            <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1, flexWrap: 'wrap' }}>
                <Typography variant={compact ? 'h6' : 'h5'} component="div" sx={{ color: colour, fontWeight: 600 }} data-testid={`value-${figure.key}`}>
                    {formatValue(figure)}
                </Typography>
                {figure.unit === 'RATE' && figure.denominator != null && (
                    <Typography variant="caption" color="text.secondary">
                        {translate('reports.fraction', { numerator: figure.numerator, denominator: figure.denominator })}
                    </Typography>
                )}
            </Box>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 0.5, minHeight: 24, flexWrap: 'wrap' }}>
                {figure.target != null ? (
                    <Typography variant="caption" data-testid={`target-${figure.key}`} title={figure.targetSource ? translate('reports.target_source', { source: figure.targetSource }) : undefined}>
                        {translate('reports.target', { target: percent(figure.target, 0) })}
                    </Typography>
                ) : (
                    !compact && (
                        <Typography variant="caption" color="text.secondary">
                            {translate('reports.no_target')}
                        </Typography>
                    )
                )}
                <MetChip figure={figure} />
            </Box>
            <Typography variant="caption" color="text.secondary" component="div" data-testid={`change-${figure.key}`}>
                <ChangeText figure={figure} period={period} />
            </Typography>
        </CardContent>
    );
    return (
        <Card variant="outlined" sx={{ height: '100%', borderLeft: `4px solid ${colour}` }} data-testid={`kpi-${figure.key}`} data-met={figure.met == null ? 'none' : figure.met ? 'met' : 'not-met'}>
            {onOpen ? (
                <CardActionArea onClick={() => onOpen(figure)} sx={{ height: '100%' }} aria-label={`${translate('reports.drill.open')}：${figureLabel(figure, locale)}`}>
                    {body}
                </CardActionArea>
            ) : (
                body
            )}
        </Card>
    );
};
