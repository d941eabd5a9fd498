// One month of the working-day calendar, weeks starting on Monday: public holidays in red, make-up working
// days (调休) in blue, ordinary weekends grey. Dates are handled in UTC, like the API's `Date`.
import { Box, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';

export interface SpecialDay {
    date: string;
    kind: 'HOLIDAY' | 'WORKDAY';
    name: string;
}

const iso = (date: Date) => date.toISOString().slice(0, 10);

export const MonthGrid = ({
    year,
    month,
    special,
    onPick,
}: {
    year: number;
    month: number;
    special: ReadonlyMap<string, SpecialDay>;
    onPick?: (date: string) => void;
}) => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const first = new Date(Date.UTC(year, month - 1, 1));
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const lead = (first.getUTCDay() + 6) % 7; // Monday = 0
    const cells: (Date | null)[] = [
        ...Array.from({ length: lead }, () => null),
        ...Array.from({ length: days }, (_, i) => new Date(Date.UTC(year, month - 1, i + 1))),
    ];
    return (
        <Box data-testid={`month-${month}`}>
            <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
                {new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(first)}
            </Typography>
            <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: '2px', fontSize: 12, textAlign: 'center' }}>
                {translate('app.calendar.weekdays')
                    .split(',')
                    .map(day => (
                        <Box key={day} sx={{ color: 'text.secondary' }}>
                            {day}
                        </Box>
                    ))}
                {cells.map((date, index) => {
                    if (!date) return <Box key={`blank-${index}`} />;
                    const key = iso(date);
                    const day = special.get(key);
                    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
                    const colors =
                        day?.kind === 'HOLIDAY'
                            ? { bgcolor: 'error.light', color: 'error.contrastText' }
                            : day?.kind === 'WORKDAY'
                              ? { bgcolor: 'info.light', color: 'info.contrastText' }
                              : weekend
                                ? { bgcolor: 'action.hover', color: 'text.secondary' }
                                : {};
                    return (
                        <Box
                            key={key}
                            title={day ? `${key} ${day.name} · ${translate(`enums.CalendarDayKind.${day.kind}`)}` : key}
                            data-date={key}
                            data-kind={day?.kind ?? (weekend ? 'WEEKEND' : 'WORKING')}
                            onClick={onPick ? () => onPick(key) : undefined}
                            sx={{ py: 0.5, borderRadius: 1, cursor: onPick ? 'pointer' : 'default', ...colors }}
                        >
                            {date.getUTCDate()}
                        </Box>
                    );
                })}
            </Box>
        </Box>
    );
};
