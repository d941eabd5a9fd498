// Calendar helpers of the record screens: today in China (the API's dates are China dates) and the calendar
// days from today to a due date (negative when overdue). The work queue shows the API's working days instead.
export const todayInChina = (now = new Date()): string => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export function calendarDaysLeft(dueOn: string, today = todayInChina()): number {
    return Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
