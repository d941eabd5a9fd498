// A calendar day (Postgres `date`: task windows, deadlines) written in the console's current language.
// The API sends `YYYY-MM-DD`, which Date reads as midnight UTC, so it is formatted in UTC: no browser time
// zone may move it to the previous day.
import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';

const calendarDay: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' };

export const CalendarDayField = (props: Omit<DateFieldProps, 'locales' | 'options' | 'showTime'>) => {
    const [locale] = useLocaleState();
    return <DateField {...props} locales={locale} options={calendarDay} />;
};
