// English for the console's own strings; keys must match zh-CN/app.ts.
import type zhApp from '../zh-CN/app';
import type { SameKeys } from '../shape';

const enApp: SameKeys<typeof zhApp> = {
    app: {
        title: 'Joint "Double Random, One Public" Inspection Platform',
        subtitle: 'Joint inspections · random selection · published results',
        menu: {
            dashboard: 'Work queue',
            registers: 'Items and registers',
            planning: 'Plans and tasks',
            results: 'Inspection and publication',
            credit: 'Credit and follow-up',
            system: 'System',
        },
        auth: {
            signed_in_as: '%{name} (%{role})',
            department: 'Department: %{department}',
            no_department: 'No department',
            department_head: 'Department head',
            no_console_access: 'This account cannot sign in to the console',
            language: 'Language',
        },
        dashboard: {
            welcome: 'Hello, %{name}',
            welcome_hint: 'What needs your action. The full work queue (sorted by due date, overdue in red) arrives with its API.',
            awaiting_acceptance: 'Tasks awaiting your acceptance',
            awaiting_acceptance_office: 'Tasks awaiting acceptance',
            awaiting_acceptance_none: 'No task is awaiting acceptance.',
            acceptance_due: 'Accept by %{date}',
            pending_departments: 'Not yet accepted by: %{departments}',
            tasks_by_status: 'Tasks by status',
            total: '%{count} in total',
            view_all: 'View all',
        },
        action: {
            revoke: 'Revoke',
            revoke_confirm_title: 'Revoke the key "%{name}"?',
            revoke_confirm_content: 'The partner system using this key loses access at once. This cannot be undone.',
            activate: 'Activate',
            deactivate: 'Deactivate',
            deactivate_confirm_title: 'Deactivate the user "%{name}"?',
            deactivate_confirm_content: 'All their sessions end at once and they can no longer sign in.',
            copy: 'Copy',
            copied: 'Copied to the clipboard',
            done: 'Done',
            previous_year: 'Previous year',
            next_year: 'Next year',
            set_day: 'Set',
            clear_day: 'Back to the weekend rule',
            expand: 'Expand',
        },
        notification: {
            not_yet_available: 'Not yet available',
            revoked: 'Key revoked',
            activated: 'User activated',
            deactivated: 'User deactivated',
            day_saved: '%{date} saved',
        },
        error: {
            unexpected: 'The server hit an unexpected error. Please try again; if it persists, tell the administrator the time it happened.',
            forbidden: 'You are not allowed to do this',
        },
        validation: {
            username: 'A username has 3–32 lower-case letters, digits, _ . -, starting with a letter',
            password: 'A password has 10–128 characters from at least three of: upper case, lower case, digits, symbols',
            department_required: 'Department admins and inspectors belong to a department',
            scopes_required: 'Choose at least one scope',
            import_department: 'A key that imports targets is bound to one department',
            future: 'Must be in the future',
        },
        api_key: {
            created_title: 'Key created',
            created_warning: 'Copy this key now and keep it safe: it cannot be shown again once closed.',
            usage: 'The partner system sends it with every request: Authorization: Bearer <key>',
        },
        audit: {
            verify: 'Verify hash chain',
            chain_ok: 'The audit hash chain holds: %{checked} events checked',
            chain_broken: 'The audit hash chain breaks at %{id}: %{reason}',
        },
        calendar: {
            title: 'Working-day calendar',
            year: '%{year}',
            legend_holiday: 'Public holiday',
            legend_workday: 'Make-up working day',
            legend_weekend: 'Weekend',
            counts: '%{holidays} holidays, %{workdays} make-up working days',
            weekdays: 'Mo,Tu,We,Th,Fr,Sa,Su',
            month: 'Month %{month}',
            edit_hint: 'Click a date to mark a holiday or a make-up working day; affected tasks get their publication due dates recomputed.',
        },
        field: {
            none: 'None',
            basis_points: '%{percent}%',
            first_rows: 'First %{count} rows only',
        },
    },
};

export default enApp;
