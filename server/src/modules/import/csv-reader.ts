// Streaming CSV reader (csv-parse): UTF-8 with or without BOM, or GB 18030/GBK as saved by Excel on Chinese
// Windows; delimiter guessed from the first line (comma, tab, semicolon, vertical bar); row numbers are record
// numbers (header = 1), which is what a spreadsheet shows when it opens the file.
//
// The whole file is parsed once when it is opened (openCsv), before any job exists: text that is neither UTF-8
// nor GB 18030 (FILE_ENCODING), NUL bytes (FILE_TYPE), nothing but a BOM or blanks (FILE_EMPTY), a quoting error
// anywhere (CSV_SYNTAX, with its line), a record over IMPORT_LIMITS.maxRowChars (ROW_TOO_LARGE: a 50 MB line
// without a newline stops at the limit, not at the end) or over maxColumns columns (TOO_MANY_COLUMNS) refuse the
// upload. The same pass counts the records for progress.
import { parse } from 'csv-parse';
import { IMPORT_LIMITS } from './import.limits.ts';
import type { SheetRow } from './xlsx-reader.ts';
import { FileProblem } from './zip.ts';

export interface CsvSource {
  encoding: 'utf-8' | 'gb18030';
  delimiter: string;
  /** records in the file (header included), counted before reading */
  rowCount: number;
  /** rows in chunks of up to 1,000 */
  rows(): AsyncGenerator<SheetRow[]>;
}

function decode(buf: Buffer): { text: string; encoding: CsvSource['encoding'] } {
  const body = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? buf.subarray(3) : buf;
  for (const encoding of ['utf-8', 'gb18030'] as const) {
    try {
      return { text: new TextDecoder(encoding, { fatal: true }).decode(body), encoding };
    } catch {
      /* not this encoding */
    }
  }
  throw new FileProblem('FILE_ENCODING', '无法识别文件编码：请另存为 UTF-8 或 GB 18030 编码的 CSV', 'the text is neither UTF-8 nor GB 18030; save the CSV as UTF-8');
}

const tooManyColumns = () => new FileProblem('TOO_MANY_COLUMNS', `列数超过 ${IMPORT_LIMITS.maxColumns}`, `more than ${IMPORT_LIMITS.maxColumns} columns`);

/** The parser's errors as file problems (a record too large, or the first quoting error with its line). */
function csvProblem(e: unknown): FileProblem {
  if (e instanceof FileProblem) return e;
  const err = e as { code?: string; lines?: number; message?: string };
  if (err.code === 'CSV_MAX_RECORD_SIZE') return new FileProblem('ROW_TOO_LARGE', '某一行的数据过大，已拒绝', 'a row is larger than the limit; refused');
  return new FileProblem('CSV_SYNTAX', `CSV 格式错误（约第 ${err.lines ?? '?'} 行）：引号不配对等`, `CSV syntax error near line ${err.lines ?? '?'}: ${(err.message ?? '').slice(0, 200)}`);
}

function parser(text: string, delimiter: string) {
  return parse(text, {
    delimiter,
    relax_column_count: true,
    // empty lines are skipped by the parser (csv-parse builds an error object, stack and all, for every record whose
    // length differs from the first: 1,000,000 empty lines took 39 s as records, under 1 s skipped); they still count
    // for row numbers, which are records + empty lines so far — what a spreadsheet shows
    skip_empty_lines: true,
    max_record_size: IMPORT_LIMITS.maxRowChars,
    info: true,
  }) as unknown as AsyncIterable<{ record: string[]; info: { records: number; empty_lines: number } }>;
}

export async function openCsv(buf: Buffer): Promise<CsvSource> {
  const { text, encoding } = decode(buf);
  if (text.includes('\u0000')) throw new FileProblem('FILE_TYPE', '不是文本格式的 CSV 文件', 'not a text CSV file');
  if (!/[^\s\ufeff]/.test(text)) throw new FileProblem('FILE_EMPTY', '文件中没有内容', 'the file holds no text');
  const newline = text.indexOf('\n');
  const firstLine = text.slice(0, newline >= 0 ? Math.min(newline, 65536) : 65536);
  const candidates = [',', '\t', ';', '|'];
  const delimiter = candidates.map((d) => [d, firstLine.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]![0];

  // the whole file once, now: any problem refuses the upload before a job exists; records with content are counted
  let rowCount = 0;
  try {
    for await (const rec of parser(text, delimiter)) {
      if (rec.record.length > IMPORT_LIMITS.maxColumns) throw tooManyColumns();
      if (rec.record.length > 1 || rec.record[0] !== '') rowCount++;
    }
  } catch (e) {
    throw csvProblem(e);
  }

  async function* rows(): AsyncGenerator<SheetRow[]> {
    let chunk: SheetRow[] = [];
    try {
      for await (const rec of parser(text, delimiter)) {
        if (rec.record.length > IMPORT_LIMITS.maxColumns) throw tooManyColumns();
        chunk.push({ rowNumber: rec.info.records + rec.info.empty_lines, values: rec.record });
        if (chunk.length >= 1000) {
          yield chunk;
          chunk = [];
        }
      }
      if (chunk.length) yield chunk;
    } catch (e) {
      throw csvProblem(e);
    }
  }

  return { encoding, delimiter, rowCount, rows };
}
