// Streaming CSV reader (csv-parse): UTF-8 with or without BOM, or GB 18030/GBK as saved by Excel on Chinese
// Windows; delimiter guessed from the first line (comma, tab, semicolon, vertical bar); row numbers are record
// numbers (header = 1), which is what a spreadsheet shows when it opens the file.
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
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(body), encoding: 'gb18030' };
  }
}

/** Records in RFC 4180 text: line breaks outside quotes (a final line without a break counts too). */
function countRecords(text: string): number {
  let n = 0;
  let quoted = false;
  let content = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10 && !quoted) {
      if (content) n++;
      content = false;
      continue;
    } else if (c === 13) continue;
    content = true;
  }
  return n + (content ? 1 : 0);
}

export function openCsv(buf: Buffer): CsvSource {
  const { text, encoding } = decode(buf);
  if (text.includes('\u0000')) throw new FileProblem('FILE_TYPE', '不是文本格式的 CSV 文件', 'not a text CSV file');
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || Math.min(text.length, 65536));
  const candidates = [',', '\t', ';', '|'];
  const delimiter = candidates.map((d) => [d, firstLine.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]![0];
  const rowCount = countRecords(text);

  async function* rows(): AsyncGenerator<SheetRow[]> {
    const parser = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false, // blank lines keep their row numbers (Excel shows them as rows)
      max_record_size: IMPORT_LIMITS.maxRowChars,
      info: true,
    });
    let chunk: SheetRow[] = [];
    try {
      for await (const rec of parser as AsyncIterable<{ record: string[]; info: { records: number } }>) {
        if (rec.record.length > IMPORT_LIMITS.maxColumns)
          throw new FileProblem('TOO_MANY_COLUMNS', `列数超过 ${IMPORT_LIMITS.maxColumns}`, `more than ${IMPORT_LIMITS.maxColumns} columns`);
        chunk.push({ rowNumber: rec.info.records, values: rec.record });
        if (chunk.length >= 1000) {
          yield chunk;
          chunk = [];
        }
      }
      if (chunk.length) yield chunk;
    } catch (e) {
      if (e instanceof FileProblem) throw e;
      const err = e as { code?: string; lines?: number; message?: string };
      if (err.code === 'CSV_MAX_RECORD_SIZE') throw new FileProblem('ROW_TOO_LARGE', '某一行的数据过大，已拒绝', 'a row is larger than the limit; refused');
      throw new FileProblem('CSV_SYNTAX', `CSV 格式错误（约第 ${err.lines ?? '?'} 行）：引号不配对等`, `CSV syntax error near line ${err.lines ?? '?'}: ${err.message ?? ''}`);
    }
  }

  return { encoding, delimiter, rowCount, rows };
}
