// Spreadsheet plumbing shared by every import: recognise the file (XLSX or CSV), find the heading row, map
// Chinese headings and English aliases to fields, turn cells into text, dates and numbers, and write XLSX files
// safely (formula injection: text starting with = + - @ tab or CR gets a leading apostrophe).
import ExcelJS from 'exceljs';
import { IMPORT_LIMITS } from './import.limits.ts';
import { openCsv } from './csv-reader.ts';
import { openXlsx, type Cell, type SheetRow } from './xlsx-reader.ts';
import { FileProblem } from './zip.ts';

export type { Cell, SheetRow };

export interface RowSource {
  format: 'xlsx' | 'csv';
  /** rows in the file, heading included (counted up front, for progress) */
  rowCount: number;
  date1904: boolean;
  rows(): AsyncGenerator<SheetRow[]>;
}

/**
 * Reads rows out of the readers' chunks: `take()` returns the next buffered row synchronously (no promise per row
 * on the hot path), `fill()` awaits the next chunk.
 */
export class RowCursor {
  private chunk: SheetRow[] = [];
  private i = 0;
  private readonly it: AsyncIterator<SheetRow[]>;
  constructor(chunks: AsyncIterable<SheetRow[]>) {
    this.it = chunks[Symbol.asyncIterator]();
  }
  take(): SheetRow | undefined {
    return this.i < this.chunk.length ? this.chunk[this.i++] : undefined;
  }
  async fill(): Promise<boolean> {
    const n = await this.it.next();
    if (n.done) return false;
    this.chunk = n.value;
    this.i = 0;
    return true;
  }
  async next(): Promise<SheetRow | undefined> {
    for (;;) {
      const r = this.take();
      if (r) return r;
      if (!(await this.fill())) return undefined;
    }
  }
}

/** Recognises the format from the bytes (not the name) and refuses what is neither XLSX nor CSV. */
export function sniffFormat(buf: Buffer, fileName: string): 'xlsx' | 'csv' {
  if (buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50) return 'xlsx';
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0 && buf.readUInt32BE(4) === 0xa1b11ae1)
    throw new FileProblem('LEGACY_XLS', '不支持旧版 .xls 文件，请另存为 .xlsx 或 .csv', 'legacy .xls is not supported; save as .xlsx or .csv');
  if (/\.(xlsx|xlsm)$/i.test(fileName)) throw new FileProblem('FILE_CORRUPT', '文件扩展名为 .xlsx，但内容不是 Excel 工作簿', 'named .xlsx but not an Excel workbook');
  const head = buf.subarray(0, 4096);
  if (head.includes(0)) throw new FileProblem('FILE_TYPE', '只支持 .xlsx 和 .csv 文件', 'only .xlsx and .csv files are accepted');
  return 'csv';
}

export async function openRows(buf: Buffer, fileName: string): Promise<RowSource> {
  const format = sniffFormat(buf, fileName);
  if (format === 'xlsx') {
    const x = await openXlsx(buf);
    return { format, rowCount: x.rowCount, date1904: x.date1904, rows: x.rows };
  }
  const c = await openCsv(buf);
  return { format, rowCount: c.rowCount, date1904: false, rows: c.rows };
}

// ── headings ──

export interface ColumnSpec<F extends string = string> {
  field: F;
  /** the heading written in templates and reports */
  label: string;
  required: boolean;
  /** other accepted headings, Chinese or English (compared after normalizeHeading) */
  aliases: readonly string[];
  /** free text stored as written (names, addresses, scopes…): refused when a spreadsheet would run it as a formula */
  freeText?: boolean;
}

/** NFKC (full-width → half-width), lower case, no spaces, no required-markers (*), no bracketed notes. */
export function normalizeHeading(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s*_\-:：]/g, '');
}

const stripNotes = (h: string) => h.replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '');

export interface HeaderMap<F extends string> {
  /** the heading row's number */
  rowNumber: number;
  /** field → 0-based column index */
  columns: Map<F, number>;
  /** headings as written, by column index */
  headings: string[];
  /** headings that matched no field (ignored) */
  ignored: string[];
}

export interface HeaderProblem {
  field: string;
  reason: string;
  zh: string;
  en: string;
}

function matchHeader<F extends string>(values: Cell[], specs: readonly ColumnSpec<F>[]) {
  const lookup = new Map<string, F>();
  for (const s of specs) for (const a of [s.label, s.field, ...s.aliases]) lookup.set(normalizeHeading(a), s.field);
  const columns = new Map<F, number>();
  const duplicates: string[] = [];
  const ignored: string[] = [];
  const headings: string[] = [];
  values.forEach((v, i) => {
    const text = cellText(v);
    headings[i] = text ?? '';
    if (!text) return;
    const n = normalizeHeading(text);
    const field = lookup.get(n) ?? lookup.get(stripNotes(n));
    if (!field) return void ignored.push(text);
    if (columns.has(field)) duplicates.push(text);
    else columns.set(field, i);
  });
  return { columns, duplicates, ignored, headings };
}

/**
 * Finds the heading row among the first 10 non-empty rows: the first row naming the key column (templates often
 * start with a title line). Returns the mapping, or the problems (missing required column, duplicate column).
 */
export async function readHeader<F extends string>(
  cursor: RowCursor,
  specs: readonly ColumnSpec<F>[],
  keyField: F,
): Promise<{ header: HeaderMap<F> } | { problems: HeaderProblem[] }> {
  for (let seen = 0; seen < 10; ) {
    const row = await cursor.next();
    if (!row) break;
    if (!row.values.some((v) => cellText(v) !== null)) continue;
    seen++;
    const m = matchHeader(row.values, specs);
    if (!m.columns.has(keyField)) continue;
    const problems: HeaderProblem[] = [];
    for (const s of specs)
      if (s.required && !m.columns.has(s.field))
        problems.push({ field: s.field, reason: 'MISSING_COLUMN', zh: `缺少必填列“${s.label}”`, en: `the required column ${s.label} (${s.field}) is missing` });
    for (const d of m.duplicates) problems.push({ field: d, reason: 'DUPLICATE_COLUMN', zh: `列“${d}”重复`, en: `column ${d} appears twice` });
    if (problems.length) return { problems };
    return { header: { rowNumber: row.rowNumber, columns: m.columns, headings: m.headings, ignored: m.ignored } };
  }
  const key = specs.find((s) => s.field === keyField)!;
  return {
    problems: [
      {
        field: keyField,
        reason: 'NO_HEADER',
        zh: `前 10 行中未找到标题行（应含“${key.label}”列）`,
        en: `no heading row with a ${key.label} (${key.field}) column in the first 10 rows`,
      },
    ],
  };
}

// ── cells ──

/** A cell as trimmed text; empty → null. Whole numbers print without exponent or decimals. */
export function cellText(v: Cell | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    const t = v.replace(/\u3000/g, ' ').trim();
    return t ? t : null;
  }
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 1e21 ? v.toFixed(0) : String(v);
  return v ? 'TRUE' : 'FALSE';
}

const DATE_TEXT_RE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s].*)?$/;

/** A calendar date (UTC midnight) from an Excel serial number or text such as 2021-03-05, 2021/3/5, 2021年3月5日. */
export function cellDate(v: Cell | undefined, date1904: boolean): Date | null | 'INVALID' {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') {
    if (v < 1 || v > 2958465) return 'INVALID';
    const days = Math.floor(v) - (date1904 ? 24107 : 25569); // serial 0 = 1904-01-01 (day −24107) or 1899-12-30 (−25569)
    return new Date(days * 86_400_000);
  }
  const text = cellText(v);
  if (!text) return null;
  const m = DATE_TEXT_RE.exec(text);
  if (!m) return 'INVALID';
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]! ? d : 'INVALID';
}

/**
 * After a leading + or -, what a phone number or a signed amount is made of: digits, spaces and number punctuation
 * (. , ( ) -). Nothing in it can name a function, a reference or another program (DDE), so it is data.
 */
const PLAIN_AFTER_SIGN = /^[\d\s.,()\-]*$/;
/** What a spreadsheet skips before deciding whether a cell is a formula (spaces, tab, CR, LF, full-width space, BOM). */
const LEADING_BLANKS = /^[\s\u0000-\u001f\ufeff]+/;

/**
 * Whether a spreadsheet (Excel, WPS, LibreOffice) would run this text as a formula when the value is opened or
 * pasted: it starts — after any blanks — with `=` or `@`, or with `+` / `-` followed by anything but a plain
 * number (`+86 10 1234`, `-12.5` and a lone `-` are data; `+HYPERLINK(…)`, `-2+3` and `=cmd|…` are not).
 * Imports refuse such cells in free-text columns (FORMULA_NOT_ALLOWED), so they are never stored and handed on.
 */
export function looksLikeFormula(text: string): boolean {
  const t = text.replace(LEADING_BLANKS, '');
  const c = t.charCodeAt(0);
  if (c === 61 /* = */ || c === 64 /* @ */) return true;
  if (c === 43 /* + */ || c === 45 /* - */) return !PLAIN_AFTER_SIGN.test(t.slice(1));
  return false;
}

/** The row problem for a free-text cell that a spreadsheet would run as a formula. */
export const formulaProblem = (field: string) => ({
  field,
  reason: 'FORMULA_NOT_ALLOWED',
  zh: '内容以 = + - @ 开头，会被电子表格当作公式执行；请删除开头的符号或在前面加文字',
  en: 'starts like a spreadsheet formula (= + - @); remove the leading sign or put text before it',
});

/** NUL, or half of a surrogate pair: text no PostgreSQL column or JSON value can hold. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');
export const unstorable = (s: string) => UNSTORABLE.test(s);
/** The same text with each unstorable character replaced by U+FFFD (for quoting a refused row back). */
export const storable = (s: string) => (UNSTORABLE.test(s) ? s.replace(UNSTORABLE_ALL, '\ufffd') : s);

// ── writing ──

/** Text starting with tab or CR, or (after blanks) with = + - @: escaped in every export, numbers or not. */
const FORMULA_START = /^(?:[\t\r]|[\s\ufeff]*[=+\-@])/;

/**
 * Neutralises spreadsheet formula injection (CSV/XLSX injection, OWASP): text that a spreadsheet would read as a
 * formula gets a leading apostrophe. Every exported string cell goes through here (import error reports, the
 * report's XLSX and CSV).
 */
export function escapeCell<T>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

export interface SheetSpec {
  name: string;
  columns: { header: string; width?: number }[];
  rows: readonly (readonly unknown[])[];
}

/** Writes an XLSX workbook (ExcelJS) with every string cell escaped; returns the file bytes. */
export async function writeXlsx(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'shuangsuiji';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.slice(0, 31));
    ws.columns = s.columns.map((c) => ({ header: String(escapeCell(c.header)), width: c.width ?? 18 }));
    ws.getRow(1).font = { bold: true };
    for (const r of s.rows) ws.addRow(r.map((v) => escapeCell(v === undefined ? null : v)));
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const MAX_CELL_CHARS = IMPORT_LIMITS.maxCellChars;
