// CSV export for every list: column headers and enum values in the console's language, related records by
// their name, and a UTF-8 byte-order mark so that spreadsheet programs open the Chinese text correctly.
// The data provider already fetched the rows (up to 1,000, in pages of 100); no relation is fetched again.
import { downloadCSV, type Exporter } from 'react-admin';

import { i18nProvider } from '../i18n/i18nProvider';

type Row = Record<string, unknown>;

export interface ExportOptions {
    /** Enum name per field, to translate values (`status: 'TaskStatus'` → `enums.TaskStatus.<value>`). */
    enums?: Record<string, string>;
    /** Fields left out (nested lists too long for a cell, hashes nobody reads in a spreadsheet). */
    omit?: string[];
}

const translate = (key: string, fallback: string) => i18nProvider.translate(key, { _: fallback });

/** How a related record reads in a cell: its name, else its code, else its id. */
function nameOf(value: Row): string {
    for (const key of ['shortName', 'name', 'code', 'username', 'id']) {
        if (typeof value[key] === 'string' || typeof value[key] === 'number') return String(value[key]);
    }
    return JSON.stringify(value);
}

function cell(value: unknown, enumName: string | undefined): string {
    if (value == null) return '';
    if (typeof value === 'boolean') return translate(`ra.boolean.${value}`, String(value));
    if (Array.isArray(value)) return value.map(item => cell(item, enumName)).join('、');
    if (typeof value === 'object') return nameOf(value as Row);
    const text = String(value);
    return enumName ? translate(`enums.${enumName}.${text}`, text) : text;
}

function csvEscape(text: string): string {
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: Row[], resource: string, options: ExportOptions = {}): string {
    const omit = new Set(options.omit ?? []);
    const columns: string[] = [];
    for (const row of rows) {
        for (const key of Object.keys(row)) if (!omit.has(key) && !columns.includes(key)) columns.push(key);
    }
    const header = columns.map(key => csvEscape(translate(`resources.${resource}.fields.${key}`, key)));
    const lines = rows.map(row => columns.map(key => csvEscape(cell(row[key], options.enums?.[key]))).join(','));
    return [header.join(','), ...lines].join('\r\n');
}

export const makeExporter =
    (options: ExportOptions = {}): Exporter =>
    (records, _fetchRelated, _dataProvider, resource = 'export') => {
        const name = translate(`resources.${resource}.name`, resource).split(' |||| ').pop() ?? resource;
        const stamp = new Date().toISOString().slice(0, 10);
        downloadCSV(`\uFEFF${toCsv(records, resource, options)}`, `${name}-${stamp}`);
    };
