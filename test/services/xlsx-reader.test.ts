// The import's XLSX reader against files written by ExcelJS and by hand: shared and inline strings, rich text,
// entities and _xHHHH_ escapes, sparse cells, numbers, booleans, dates, namespace prefixes and single-quoted
// attributes (the regular-expression path), hidden first sheets; and the zip guard.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openXlsx, type SheetRow } from '../../server/src/modules/import/xlsx-reader.ts';
import { cellDate, escapeCell, normalizeHeading, openRows } from '../../server/src/modules/import/spreadsheet.ts';
import { FileProblem } from '../../server/src/modules/import/zip.ts';
import { zip } from '../fixtures/pools.ts';

async function readAll(buf: Buffer): Promise<SheetRow[]> {
  const src = await openXlsx(buf);
  const out: SheetRow[] = [];
  for await (const chunk of src.rows()) out.push(...chunk);
  return out;
}

const xml = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`, 'utf8');
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function handMade(sheetXml: string, opts: { workbookExtra?: string; sheets?: string; shared?: string } = {}): Buffer {
  return zip([
    { name: '[Content_Types].xml', data: xml('<Types/>') },
    {
      name: 'xl/workbook.xml',
      data: xml(`<workbook ${NS}>${opts.workbookExtra ?? ''}<sheets>${opts.sheets ?? '<sheet name="S1" sheetId="1" r:id="rId1"/>'}</sheets></workbook>`),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: xml(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
          '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>' +
          '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
          '</Relationships>',
      ),
    },
    ...(opts.shared ? [{ name: 'xl/sharedStrings.xml', data: xml(opts.shared) }] : []),
    { name: 'xl/worksheets/sheet1.xml', data: xml(sheetXml) },
    { name: 'xl/worksheets/sheet2.xml', data: xml(`<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>第二张</t></is></c></row></sheetData></worksheet>`) },
  ]);
}

describe('xlsx reader', () => {
  it('reads what ExcelJS writes: shared strings, rich text, numbers, booleans, dates, formulas, sparse cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名录');
    ws.addRow(['统一社会信用代码', '名称', '数量', '是否', '日期', '公式']);
    ws.addRow(['91370687MA3C0000X1', { richText: [{ text: '海阳' }, { text: '市<测试>&公司', font: { bold: true } }] }, 12.5, true, new Date(Date.UTC(2021, 2, 5)), { formula: 'C2*2', result: 25 }]);
    ws.getCell('A4').value = 'A4 only';
    ws.getCell('F4').value = 'line1\r\nline2';
    const rows = await readAll(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 4]);
    expect(rows[1]!.values.slice(0, 4)).toEqual(['91370687MA3C0000X1', '海阳市<测试>&公司', 12.5, true]);
    expect(cellDate(rows[1]!.values[4], false)).toEqual(new Date(Date.UTC(2021, 2, 5)));
    expect(rows[1]!.values[5]).toBe(25);
    expect(rows[2]!.values[0]).toBe('A4 only');
    expect(rows[2]!.values[1]).toBeUndefined();
    expect(rows[2]!.values[5]).toBe('line1\r\nline2');
  });

  it('reads hand-written markup: inline strings, entities, _xHHHH_ escapes, prefixes, single quotes, phonetic runs', async () => {
    const sheet =
      `<x:worksheet ${NS.replace('xmlns=', 'xmlns:x=')}><x:sheetData>` +
      `<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>名称</x:t></x:is></x:c><x:c r="C1" t="b"><x:v>1</x:v></x:c></x:row>` +
      `<x:row r="3"><x:c r="B3" t="str"><x:v>a &amp; b &lt;c&gt; &#x4E2D;&#25991;_x000D_end</x:v></x:c></x:row>` +
      `</x:sheetData></x:worksheet>`;
    expect((await readAll(handMade(sheet))).map((r) => [r.rowNumber, r.values])).toEqual([
      [1, ['名称', undefined, true]],
      [3, [undefined, 'a & b <c> 中文\rend']],
    ]);
    const quoted = `<worksheet ${NS}><sheetData><row r='2'><c r='B2' t='s'><v>1</v></c><c r='D2'><v>7</v></c><c r="E2" t="s"><v>0</v></c></row></sheetData></worksheet>`;
    const shared = `<sst ${NS}><si><t xml:space="preserve"> 带空格 </t></si><si><r><t>漢字</t></r><rPh sb="0" eb="2"><t>かんじ</t></rPh></si></sst>`;
    expect((await readAll(handMade(quoted, { shared })))[0]).toEqual({ rowNumber: 2, values: [undefined, '漢字', undefined, 7, ' 带空格 '] });
  });

  it('takes the first visible sheet and honours the 1904 date system', async () => {
    const wb = handMade(`<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>0</v></c></row></sheetData></worksheet>`, {
      sheets: '<sheet name="说明" sheetId="1" state="hidden" r:id="rId1"/><sheet name="数据" sheetId="2" r:id="rId2"/>',
      workbookExtra: '<workbookPr date1904="1"/>',
    });
    const src = await openXlsx(wb);
    expect(src.sheetName).toBe('数据');
    expect(src.date1904).toBe(true);
    expect((await readAll(wb))[0]!.values).toEqual(['第二张']);
    expect(cellDate(1, true)).toEqual(new Date('1904-01-02T00:00:00Z'));
    expect(cellDate(44260, false)).toEqual(new Date('2021-03-05T00:00:00Z'));
    expect(cellDate('2021年3月5日', false)).toEqual(new Date('2021-03-05T00:00:00Z'));
    expect(cellDate('2021-02-30', false)).toBe('INVALID');
  });

  it('refuses zip bombs, encrypted files and non-workbooks', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024, 0x20);
    const reason = async (b: Buffer) => (await openRows(b, 'x.xlsx').then(() => 'OK', (e: FileProblem) => e.reason));
    expect(await reason(zip([{ name: 'xl/workbook.xml', data: big }]))).toBe('ZIP_BOMB');
    const encrypted = zip([{ name: 'xl/workbook.xml', data: xml('<workbook/>') }]);
    encrypted.writeUInt16LE(1, 6); // general purpose flag bit 0, local header
    encrypted.writeUInt16LE(1, encrypted.readUInt32LE(encrypted.length - 6) + 8); // and in the central directory
    expect(await reason(encrypted)).toBe('FILE_ENCRYPTED');
    expect(await reason(zip([{ name: 'word/document.xml', data: xml('<w/>') }]))).toBe('FILE_TYPE');
    expect(await reason(Buffer.from('PK\u0003\u0004 truncated'))).toBe('FILE_CORRUPT');
  });
});

describe('xlsx reader against hostile markup', () => {
  const sheet = (rows: string) => `<worksheet ${NS}><sheetData>${rows}</sheetData></worksheet>`;
  const reason = (p: Promise<unknown>) => p.then(() => 'OK', (e: FileProblem) => e.reason);

  it('empty rows (<row/>) end parts like closed ones: 200,000 of them read in bounded parts (no ROW_TOO_LARGE)', async () => {
    const blank = Array.from({ length: 200_000 }, (_, i) => `<row r="${i + 2}"/>`).join('');
    const rows = await readAll(handMade(sheet(`<row r="1"><c r="A1"><v>1</v></c></row>${blank}<row r="200002"><c r="A200002"><v>2</v></c></row>`)));
    expect(rows.map((r) => [r.rowNumber, r.values])).toEqual([
      [1, [1]],
      [200_002, [2]],
    ]);
  });

  it('counts the rows of a sheet that inflates in many chunks exactly (a row end near a chunk edge counts once)', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>第${i}行 ${'x'.repeat(i % 37)}</t></is></c></row>`).join('');
    const src = await openXlsx(handMade(sheet(rows)));
    expect(src.rowCount).toBe(20_000);
  });

  it('refuses DTDs, truncated sheets, bad row numbers, unclosed cells, missing shared strings, references beyond Unicode', async () => {
    expect(await reason(openXlsx(handMade(`<!DOCTYPE x [<!ENTITY a "b">]>${sheet('')}`)))).toBe('XML_DTD');
    expect(await reason(openXlsx(handMade(sheet('<row r="1"><c r="A1"><v>1</v></c></row>').replace('</sheetData></worksheet>', ''))))).toBe('FILE_CORRUPT');
    expect(await reason(openXlsx(handMade(sheet(''), { shared: `<sst ${NS}><si><t>a</t></si>` })))).toBe('FILE_CORRUPT');
    for (const rows of [
      '<row r="1048577"><c r="A1048577"><v>1</v></c></row>',
      '<row r="3"><c><v>1</v></c></row><row r="2"><c><v>1</v></c></row>',
      '<row r="1"><c r="A1"><v>1</v></row>',
      '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
      '<row r="1"><c r="A1" t="inlineStr"><is><t>&#x110000;</t></is></c></row>',
    ])
      expect(await reason(readAll(handMade(sheet(rows)))), rows).toBe('FILE_CORRUPT');
    expect((await readAll(handMade(sheet('<row r="1048576"><c r="A1048576"><v>1</v></c></row>'))))[0]!.rowNumber).toBe(1_048_576);
  });

  it('refuses zip entries with climbing, absolute or repeated names', async () => {
    const part = { name: 'xl/workbook.xml', data: xml('<workbook/>') };
    for (const name of ['../x.xml', '/xl/x.xml', 'xl\\x.xml', 'xl/./x.xml', 'XL/WORKBOOK.XML'])
      expect(await reason(openXlsx(zip([part, { name, data: xml('<x/>') }]))), name).toBe('FILE_CORRUPT');
  });
});

describe('spreadsheet helpers', () => {
  it('escapes text a spreadsheet would run as a formula', () => {
    expect(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx', 'safe', '1-2', 42, null].map(escapeCell)).toEqual(["'=1+1", "'+SUM(A1)", "'-2+3", "'@cmd", "'\tx", "'\rx", 'safe', '1-2', 42, null]);
    // also behind leading blanks (space, line feed, full-width space, BOM)
    expect([' =1', '\n@x', '\u3000+1', '\ufeff-A1', ' x=1'].map(escapeCell)).toEqual(["' =1", "'\n@x", "'\u3000+1", "'\ufeff-A1", ' x=1']);
  });

  it('normalises headings (full-width, spaces, required markers)', () => {
    expect(normalizeHeading('＊统一社会信用代码 ')).toBe('统一社会信用代码');
    expect(normalizeHeading('Region Code')).toBe('regioncode');
    expect(normalizeHeading('法定代表人（负责人）')).toBe('法定代表人(负责人)');
  });
});
