// 工作日历: a year at a glance. Weekdays work and weekends rest unless the official calendar says otherwise;
// the API lists only those exceptions (holidays and make-up working days), which deadlines are counted on
// (publication due = 20th working day after the inspection ends). The office can edit the calendar.
import NavigateBeforeIcon from '@mui/icons-material/NavigateBefore';
import NavigateNextIcon from '@mui/icons-material/NavigateNext';
import { Box, Card, CardContent, Chip, Grid, Stack, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { Button, Loading, Title, useCanAccess, useGetList, useTranslate } from 'react-admin';

import { DayDialog } from './DayDialog';
import { MonthGrid, type SpecialDay } from './MonthGrid';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

const CalendarDayList = () => {
    const translate = useTranslate();
    const [year, setYear] = useState(() => new Date().getFullYear());
    const [picked, setPicked] = useState<string | null>(null);
    const { canAccess: canEdit } = useCanAccess({ resource: 'calendarDays', action: 'edit' });
    const { data, isPending } = useGetList<SpecialDay & { id: string }>('calendarDays', {
        filter: { year },
        pagination: { page: 1, perPage: 400 },
    });
    const special = useMemo(() => new Map((data ?? []).map(day => [day.date, day])), [data]);
    const holidays = (data ?? []).filter(day => day.kind === 'HOLIDAY').length;
    const workdays = (data ?? []).filter(day => day.kind === 'WORKDAY').length;

    return (
        <Card sx={{ mt: 2 }}>
            <Title title={translate('app.calendar.title')} />
            <CardContent>
                <Stack direction="row" sx={{ alignItems: 'center', gap: 1, mb: 2, flexWrap: 'wrap' }}>
                    <Button label="app.action.previous_year" onClick={() => setYear(y => y - 1)}>
                        <NavigateBeforeIcon />
                    </Button>
                    <Typography variant="h6" data-testid="calendar-year">
                        {translate('app.calendar.year', { year })}
                    </Typography>
                    <Button label="app.action.next_year" onClick={() => setYear(y => y + 1)}>
                        <NavigateNextIcon />
                    </Button>
                    <Box sx={{ flex: 1 }} />
                    <Chip size="small" sx={{ bgcolor: 'error.light', color: 'error.contrastText' }} label={translate('app.calendar.legend_holiday')} />
                    <Chip size="small" sx={{ bgcolor: 'info.light', color: 'info.contrastText' }} label={translate('app.calendar.legend_workday')} />
                    <Chip size="small" sx={{ bgcolor: 'action.hover' }} label={translate('app.calendar.legend_weekend')} />
                    <Typography variant="body2" color="text.secondary">
                        {translate('app.calendar.counts', { holidays, workdays })}
                    </Typography>
                </Stack>
                {isPending ? (
                    <Loading />
                ) : (
                    <Grid container spacing={3}>
                        {MONTHS.map(month => (
                            <Grid key={month} size={{ xs: 12, sm: 6, md: 4, lg: 3 }}>
                                <MonthGrid year={year} month={month} special={special} onPick={canEdit ? setPicked : undefined} />
                            </Grid>
                        ))}
                    </Grid>
                )}
            </CardContent>
            {canEdit && <DayDialog date={picked} day={picked ? special.get(picked) : undefined} onClose={() => setPicked(null)} />}
        </Card>
    );
};

export default CalendarDayList;
