// Bulk import of targets and inspectors through GraphQL multipart uploads: XLSX and CSV with bad rows, per-row
// errors and the downloadable error report, idempotent re-import, all-or-nothing, partner keys, progress polling,
// formula escaping, and refusal of oversized, malformed and zip-bomb files.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../server/src/db/database.ts';
import { IMPORT_LIMITS } from '../../server/src/modules/import/import.limits.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { gql } from '../helpers/graphql.ts';
import {
  badChecksum,
  csvFile,
  IMPORT_INSPECTORS,
  IMPORT_TARGETS,
  importUscc,
  inlineRows,
  JOB_FIELDS,
  poolsScenario,
  rawXlsx,
  TARGET_HEADINGS,
  targetRow,
  upload,
  xlsxFile,
} from '../fixtures/pools.ts';

useTestDatabase();
let s: Awaited<ReturnType<typeof poolsScenario>>;

beforeAll(async () => {
  s = await poolsScenario();
});

type Job = {
  id: string;
  status: string;
  totalRows: number;
  processedRows: number;
  insertedRows: number;
  updatedRows: number;
  unchangedRows: number;
  errorRows: number;
  progress: number;
  message: string;
  errors: { rowNumber: number; field: string; reason: string; message: string; raw: [string, string][] | null }[];
};

const ext = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions ?? {};

async function importTargets(poolId: string, file: { name: string; body: Buffer }, allOrNothing: boolean, headers: Record<string, string>) {
  const r = await upload(IMPORT_TARGETS, { poolId, allOrNothing }, file, headers);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data.importTargets as Job;
}

async function readReport(jobId: string, headers: Record<string, string>) {
  const r = await gql(`query($id: ID!) { importErrorReport(jobId: $id) { fileName contentType base64 errorCount } }`, { id: jobId }, headers);
  expect(r.errors).toBeUndefined();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(r.data.importErrorReport.base64, 'base64') as never);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { meta: r.data.importErrorReport, rows };
}

describe('importTargets from XLSX', () => {
  const rows = [
    targetRow(1),
    targetRow(2),
    targetRow(3, { uscc: badChecksum(3) }),
    targetRow(4, { industry: 'X12' }),
    targetRow(5, { region: '3706' }),
    targetRow(6, { name: '' }),
    targetRow(7),
    targetRow(8, { uscc: importUscc(1), name: '=HYPERLINK("http://evil.example","点我")', industry: 'C1' }),
    targetRow(9, { risk: 'E' }),
    targetRow(10),
  ];
  let first: Job;

  it('writes the good rows and lists the bad ones with reasons (allOrNothing = false)', async () => {
    const file = await xlsxFile(TARGET_HEADINGS, rows, { title: '海阳市市场主体名录（2024 年更新）' });
    first = await importTargets(s.pools.scjgPool.id, { name: '名录.xlsx', body: file }, false, s.actors.scjgAdmin.headers);
    expect(first).toMatchObject({ status: 'PARTIAL', processedRows: 10, totalRows: 10, insertedRows: 4, updatedRows: 0, unchangedRows: 0, errorRows: 6, progress: 1 });
    // row numbers are the sheet's: title row 1, headings row 2, data from row 3
    expect(first.errors.map((e) => [e.rowNumber, e.field, e.reason])).toEqual([
      [5, 'uscc', 'USCC_CHECK_CHARACTER'],
      [6, 'industryCode', 'INDUSTRY_CODE'],
      [7, 'regionCode', 'REGION_CODE'],
      [8, 'name', 'REQUIRED'],
      [10, 'name', 'FORMULA_NOT_ALLOWED'],
      [10, 'industryCode', 'INDUSTRY_CODE'],
      [11, 'riskClass', 'RISK_CLASS'],
    ]);
    expect(first.errors[0]!.message).toContain('统一社会信用代码');
    expect(first.errors[0]!.raw).toContainEqual(['统一社会信用代码', badChecksum(3)]);
    const stored = await prisma().target.findMany({ where: { pools: { some: { poolId: s.pools.scjgPool.id } } }, orderBy: { uscc: 'asc' } });
    expect(stored.map((t) => t.uscc).sort()).toEqual([1, 2, 7, 10].map((n) => importUscc(n)).sort());
    const t2 = stored.find((t) => t.uscc === importUscc(2))!;
    expect(t2).toMatchObject({ name: '海阳市测试2号商贸有限公司', legalRepresentative: '张2', regionCode: '370687', industryCode: 'H6210', riskClass: 'C', type: 'ENTERPRISE' });
    const job = await prisma().importJob.findUniqueOrThrow({ where: { id: first.id } });
    expect(job.createdBy).toBe(s.actors.scjgAdmin.userId);
  });

  it('offers the row errors as an XLSX report that escapes formulas', async () => {
    const { meta, rows: report } = await readReport(first.id, s.actors.scjgAdmin.headers);
    expect(meta).toMatchObject({ fileName: '名录-错误报告.xlsx', errorCount: 7 });
    expect(report[0]!.slice(0, 4)).toEqual(['行号 Row', '字段 Field', '原因 Reason', '说明 Message']);
    expect(report[0]).toContain('统一社会信用代码');
    expect(report.slice(1).map((r) => r[0])).toEqual([5, 6, 7, 8, 10, 10, 11]);
    const evil = report.find((r) => r[0] === 10)!;
    expect(evil).toContain(`'=HYPERLINK("http://evil.example","点我")`);
    expect(evil).not.toContain('=HYPERLINK("http://evil.example","点我")');
    const other = await gql(`query($id: ID!) { importErrorReport(jobId: $id) { errorCount } }`, { id: first.id }, s.actors.wjjAdmin.headers);
    expect(ext(other).code).toBe('FORBIDDEN');
  });

  it('re-importing the same file changes nothing; a changed row is updated, never duplicated', async () => {
    const file = await xlsxFile(TARGET_HEADINGS, rows, { title: '海阳市市场主体名录（2024 年更新）' });
    const before = await prisma().target.findUniqueOrThrow({ where: { uscc: importUscc(7) } });
    const again = await importTargets(s.pools.scjgPool.id, { name: '名录.xlsx', body: file }, false, s.actors.scjgAdmin.headers);
    expect(again).toMatchObject({ status: 'PARTIAL', insertedRows: 0, updatedRows: 0, unchangedRows: 4, errorRows: 6 });
    expect((await prisma().target.findUniqueOrThrow({ where: { uscc: importUscc(7) } })).updatedAt).toEqual(before.updatedAt);

    const changed = rows.map((r, i) => (i === 6 ? targetRow(7, { address: '山东省海阳市凤城街道新址 8 号', risk: 'D' }) : r));
    const third = await importTargets(s.pools.scjgPool.id, { name: '名录.xlsx', body: await xlsxFile(TARGET_HEADINGS, changed) }, false, s.actors.scjgAdmin.headers);
    expect(third).toMatchObject({ insertedRows: 0, updatedRows: 1, unchangedRows: 3 });
    expect(await prisma().target.count({ where: { uscc: importUscc(7) } })).toBe(1);
    expect(await prisma().target.findUniqueOrThrow({ where: { uscc: importUscc(7) } })).toMatchObject({ address: '山东省海阳市凤城街道新址 8 号', riskClass: 'D' });
  });

  it('allOrNothing = true: one bad row and nothing is written; the job lists every bad row', async () => {
    const batch = [targetRow(20), targetRow(21, { industry: '1391' }), targetRow(22), targetRow(23, { uscc: badChecksum(23) })];
    const job = await importTargets(s.pools.scjgPool.id, { name: 'all.xlsx', body: await xlsxFile(TARGET_HEADINGS, batch) }, true, s.actors.scjgAdmin.headers);
    expect(job).toMatchObject({ status: 'FAILED', processedRows: 4, insertedRows: 0, updatedRows: 0, errorRows: 2 });
    expect(job.errors.map((e) => [e.rowNumber, e.reason])).toEqual([
      [3, 'INDUSTRY_CODE'],
      [5, 'USCC_CHECK_CHARACTER'],
    ]);
    expect(job.message).toContain('全部未写入');
    expect(await prisma().target.count({ where: { uscc: { in: [importUscc(20), importUscc(22)] } } })).toBe(0);

    const good = await importTargets(s.pools.scjgPool.id, { name: 'all.xlsx', body: await xlsxFile(TARGET_HEADINGS, [targetRow(20), targetRow(22)]) }, true, s.actors.scjgAdmin.headers);
    expect(good).toMatchObject({ status: 'SUCCEEDED', insertedRows: 2, errorRows: 0, errors: [] });
  });

  it('reads Excel numbers, dates, booleans and English headings; reports a code typed as a number', async () => {
    const file = await xlsxFile(
      ['USCC', 'Name', 'Region code', 'Industry code', 'Established on', 'On abnormal list', 'Complaints', 'Status'],
      [
        [importUscc(30), '海阳市英文表头公司', 370687, 'c1391', new Date(Date.UTC(2019, 2, 5)), true, 3, '注销'],
        [913706870000000000, '数字代码公司', 370687, 'C1391', null, false, 0, '存续'],
        [importUscc(31), '重复的公司', 370687, 'C1391', '2019年3月5日', '否', '1', '存续'],
        [importUscc(31), '重复的公司', 370687, 'C1391', null, null, null, null],
      ],
    );
    const job = await importTargets(s.pools.scjgPool.id, { name: 'english.xlsx', body: file }, false, s.actors.office.headers);
    expect(job).toMatchObject({ status: 'PARTIAL', insertedRows: 2, errorRows: 2 });
    expect(job.errors.map((e) => [e.rowNumber, e.reason])).toEqual([
      [3, 'USCC_NUMERIC_CELL'],
      [5, 'DUPLICATE_IN_FILE'],
    ]);
    expect(job.errors[1]!.message).toContain('与第 4 行重复');
    const t = await prisma().target.findUniqueOrThrow({ where: { uscc: importUscc(30) } });
    expect(t).toMatchObject({ industryCode: 'C1391', regionCode: '370687', onAbnormalList: true, complaintCount: 3, status: 'DEREGISTERED' });
    expect(t.establishedOn?.toISOString().slice(0, 10)).toBe('2019-03-05');
    expect((await prisma().target.findUniqueOrThrow({ where: { uscc: importUscc(31) } })).establishedOn?.toISOString().slice(0, 10)).toBe('2019-03-05');
  });

  it('a file without the required columns fails as a whole', async () => {
    const job = await importTargets(s.pools.scjgPool.id, { name: 'cols.xlsx', body: await xlsxFile(['统一社会信用代码', '名称'], [[importUscc(40), '缺列公司']]) }, false, s.actors.office.headers);
    expect(job.status).toBe('FAILED');
    expect(job.errors.map((e) => [e.rowNumber, e.field, e.reason])).toEqual([
      [0, 'regionCode', 'MISSING_COLUMN'],
      [0, 'industryCode', 'MISSING_COLUMN'],
    ]);
    const none = await importTargets(s.pools.scjgPool.id, { name: 'none.xlsx', body: await xlsxFile(['企业', '地址'], [['a', 'b']]) }, false, s.actors.office.headers);
    expect(none.errors[0]).toMatchObject({ rowNumber: 0, reason: 'NO_HEADER' });
  });
});

describe('importTargets from CSV', () => {
  it('imports UTF-8 CSV with BOM, quotes and line breaks in cells; bad rows listed', async () => {
    const body = csvFile(
      TARGET_HEADINGS,
      [
        targetRow(50, { address: '山东省海阳市,方圆街道\n"老街" 1 号' }),
        targetRow(51, { uscc: '91370687MA3C' }),
        targetRow(52, { name: '@SUM(1+1)', industry: 'H621' }),
        [],
        targetRow(53),
      ],
      { bom: true },
    );
    const job = await importTargets(s.pools.wjjPool.id, { name: '卫健名录.csv', body }, false, s.actors.wjjAdmin.headers);
    expect(job).toMatchObject({ status: 'PARTIAL', processedRows: 4, insertedRows: 2, errorRows: 2 });
    expect(job.errors.map((e) => [e.rowNumber, e.field, e.reason])).toEqual([
      [3, 'uscc', 'USCC_LENGTH'],
      [4, 'name', 'FORMULA_NOT_ALLOWED'],
    ]);
    expect((await prisma().target.findUniqueOrThrow({ where: { uscc: importUscc(50) } })).address).toBe('山东省海阳市,方圆街道\n"老街" 1 号');
    // a name a spreadsheet would run as a formula is refused, not stored (test/api/import-hostile.test.ts has more)
    expect(await prisma().target.count({ where: { uscc: importUscc(52) } })).toBe(0);

    const again = await importTargets(s.pools.wjjPool.id, { name: '卫健名录.csv', body }, false, s.actors.wjjAdmin.headers);
    expect(again).toMatchObject({ insertedRows: 0, updatedRows: 0, unchangedRows: 2, errorRows: 2 });
  });

  it('a target already in another department\'s pool joins this pool too, without a second row', async () => {
    const job = await importTargets(s.pools.wjjPool.id, { name: 'shared.csv', body: csvFile(TARGET_HEADINGS, [targetRow(1)]) }, false, s.actors.wjjAdmin.headers);
    expect(job).toMatchObject({ status: 'SUCCEEDED', insertedRows: 0, unchangedRows: 1 });
    expect(job.message).toContain('新加入名录库 1');
    const t = await prisma().target.findUniqueOrThrow({ where: { uscc: importUscc(1) }, include: { pools: true } });
    expect(t.pools.map((p) => p.poolId).sort()).toEqual([s.pools.scjgPool.id, s.pools.wjjPool.id].sort());
  });

  it('reads a CSV saved by Excel on Chinese Windows (GB 18030 / GBK)', async () => {
    const gbk = (hex: string) => Buffer.from(hex.replace(/ /g, ''), 'hex');
    const comma = Buffer.from(',');
    const body = Buffer.concat([
      gbk('CDB3 D2BB C9E7 BBE1 D0C5 D3C3 B4FA C2EB'), comma, gbk('C3FB B3C6'), comma, gbk('D0D0 D5FE C7F8 BBAE B4FA C2EB'), comma, gbk('D0D0 D2B5 B4FA C2EB'),
      Buffer.from(`\r\n${importUscc(90)},`), gbk('BAA3 D1F4 CAD0 B2E2 CAD4 C9CC D0D0'), Buffer.from(',370687,F5211\r\n'),
    ]);
    const job = await importTargets(s.pools.wjjPool.id, { name: 'gbk.csv', body }, false, s.actors.wjjAdmin.headers);
    expect(job).toMatchObject({ status: 'SUCCEEDED', insertedRows: 1 });
    expect((await prisma().target.findUniqueOrThrow({ where: { uscc: importUscc(90) } })).name).toBe('海阳市测试商行');
  });

  it('two imports of the same new businesses at once: one row each, both pools complete', async () => {
    const pool = await prisma().targetPool.create({ data: { departmentId: s.departments.scjg.id, name: '并发导入库' } });
    const body = csvFile(TARGET_HEADINGS, Array.from({ length: 300 }, (_, i) => targetRow(5000 + i)));
    const [a, b] = await Promise.all([
      importTargets(s.pools.scjgPool.id, { name: 'a.csv', body }, false, s.actors.office.headers),
      importTargets(pool.id, { name: 'b.csv', body }, true, s.actors.scjgAdmin.headers),
    ]);
    expect([a.status, b.status]).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    expect(a.insertedRows + b.insertedRows).toBe(300);
    const uscc = { in: Array.from({ length: 300 }, (_, i) => importUscc(5000 + i)) };
    expect(await prisma().target.count({ where: { uscc } })).toBe(300);
    expect(await prisma().targetPoolMember.count({ where: { poolId: pool.id, target: { uscc } } })).toBe(300);
    expect(await prisma().targetPoolMember.count({ where: { poolId: s.pools.scjgPool.id, target: { uscc } } })).toBe(300);
  });

  it('refuses a cell longer than the spreadsheet limit', async () => {
    const long = targetRow(60);
    long[6] = '经'.repeat(IMPORT_LIMITS.maxCellChars + 1);
    const job = await importTargets(s.pools.wjjPool.id, { name: 'long.csv', body: csvFile(TARGET_HEADINGS, [long, targetRow(61)]) }, false, s.actors.wjjAdmin.headers);
    expect(job).toMatchObject({ insertedRows: 1, errorRows: 1 });
    expect(job.errors[0]).toMatchObject({ rowNumber: 2, reason: 'CELL_TOO_LONG' });
  });
});

describe('who may import', () => {
  it('a partner key with targets:import imports into its own department\'s pools only', async () => {
    const body = csvFile(TARGET_HEADINGS, [targetRow(70), targetRow(71)]);
    const job = await importTargets(s.pools.scjgPool.id, { name: 'partner.csv', body }, false, s.actors.importKey.headers);
    expect(job).toMatchObject({ status: 'SUCCEEDED', insertedRows: 2 });
    const seen = await gql(`query($id: ID!) { importJob(id: $id) { status createdBy } importJobs { totalCount } }`, { id: job.id }, s.actors.importKey.headers);
    expect(seen.data.importJob).toEqual({ status: 'SUCCEEDED', createdBy: s.actors.importKey.id });
    expect(seen.data.importJobs.totalCount).toBe(1); // only the key's own jobs

    const foreign = await upload(IMPORT_TARGETS, { poolId: s.pools.wjjPool.id, allOrNothing: false }, { name: 'partner.csv', body }, s.actors.importKey.headers);
    expect(ext(foreign)).toMatchObject({ code: 'FORBIDDEN', reason: 'FOREIGN_DEPARTMENT' });
    const readOnly = await upload(IMPORT_TARGETS, { poolId: s.pools.scjgPool.id, allOrNothing: false }, { name: 'partner.csv', body }, s.actors.readKey.headers);
    expect(ext(readOnly)).toMatchObject({ code: 'FORBIDDEN', reason: 'SCOPE' });
    const dept = await upload(IMPORT_TARGETS, { poolId: s.pools.wjjPool.id, allOrNothing: false }, { name: 'x.csv', body }, s.actors.scjgAdmin.headers);
    expect(ext(dept)).toMatchObject({ code: 'FORBIDDEN', reason: 'FOREIGN_DEPARTMENT' });
    const inspector = await upload(IMPORT_TARGETS, { poolId: s.pools.scjgPool.id, allOrNothing: false }, { name: 'x.csv', body }, s.actors.scjgInspector.headers);
    expect(ext(inspector)).toMatchObject({ code: 'FORBIDDEN', reason: 'SCOPE' });
  });

  it('jobs are visible to their department (and the office), not to others', async () => {
    const own = await gql(`{ importJobs(filter: { kind: TARGETS }) { totalCount nodes { departmentId } } }`, undefined, s.actors.wjjAdmin.headers);
    expect(own.data.importJobs.totalCount).toBeGreaterThan(0);
    expect(new Set(own.data.importJobs.nodes.map((n: { departmentId: string }) => n.departmentId))).toEqual(new Set([s.departments.wjj.id]));
    const anyScjg = await prisma().importJob.findFirstOrThrow({ where: { departmentId: s.departments.scjg.id } });
    const forbidden = await gql(`query($id: ID!) { importJob(id: $id) { id } }`, { id: anyScjg.id }, s.actors.wjjAdmin.headers);
    expect(ext(forbidden).code).toBe('FORBIDDEN');
    const analyst = await gql(`{ importJobs { totalCount } }`, undefined, s.actors.analyst.headers);
    expect(ext(analyst)).toMatchObject({ code: 'FORBIDDEN', reason: 'SCOPE' });
    const office = await gql(`{ importJobs { totalCount } }`, undefined, s.actors.office.headers);
    expect(office.data.importJobs.totalCount).toBe(await prisma().importJob.count());
  });
});

describe('progress', () => {
  it('wait: false returns the running job at once; importJob(id) shows the progress until it ends', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => targetRow(1000 + i, i % 100 === 5 ? { industry: 'ZZ' } : {}));
    const r = await upload(IMPORT_TARGETS, { poolId: s.pools.wjjPool.id, allOrNothing: false, wait: false }, { name: 'big.xlsx', body: await xlsxFile(TARGET_HEADINGS, rows) }, s.actors.wjjAdmin.headers);
    expect(r.errors).toBeUndefined();
    expect(r.data.importTargets).toMatchObject({ status: 'RUNNING', totalRows: 1200 });
    let job: Job;
    const seen: number[] = [];
    for (let k = 0; ; k++) {
      const q = await gql(`query($id: ID!) { importJob(id: $id) { ${JOB_FIELDS} } }`, { id: r.data.importTargets.id }, s.actors.wjjAdmin.headers);
      job = q.data.importJob;
      seen.push(job.progress);
      if (job.status !== 'RUNNING' || k > 600) break;
      await new Promise((res) => setTimeout(res, 50));
    }
    expect(job).toMatchObject({ status: 'PARTIAL', processedRows: 1200, insertedRows: 1188, errorRows: 12, progress: 1 });
    expect(seen.every((p, i) => i === 0 || p >= seen[i - 1]!)).toBe(true);
  });
});

describe('refused files', () => {
  const expectFileError = (r: { errors?: { extensions?: Record<string, any> }[] }, reason: string) =>
    expect(ext(r), JSON.stringify(r.errors)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file', reason });

  it('too large, empty, legacy .xls, not a spreadsheet, or no file at all', async () => {
    const vars = { poolId: s.pools.scjgPool.id, allOrNothing: false };
    expectFileError(await upload(IMPORT_TARGETS, vars, { name: 'big.csv', body: Buffer.alloc(IMPORT_LIMITS.maxFileBytes + 1, 0x41) }, s.actors.office.headers), 'FILE_TOO_LARGE');
    expectFileError(await upload(IMPORT_TARGETS, vars, { name: 'empty.csv', body: Buffer.alloc(0) }, s.actors.office.headers), 'FILE_EMPTY');
    const xls = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]);
    expectFileError(await upload(IMPORT_TARGETS, vars, { name: 'old.xls', body: xls }, s.actors.office.headers), 'LEGACY_XLS');
    expectFileError(await upload(IMPORT_TARGETS, vars, { name: 'photo.png', body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) }, s.actors.office.headers), 'FILE_TYPE');
    expectFileError(await upload(IMPORT_TARGETS, vars, { name: 'fake.xlsx', body: Buffer.from('not a zip') }, s.actors.office.headers), 'FILE_CORRUPT');
    const literal = await gql(`mutation($p: ID!) { importTargets(poolId: $p, file: "x", allOrNothing: false) { id } }`, { p: s.pools.scjgPool.id }, s.actors.office.headers);
    expectFileError(literal, 'FILE_REQUIRED');
    expect(await prisma().importJob.count({ where: { fileName: { in: ['big.csv', 'empty.csv', 'old.xls', 'photo.png', 'fake.xlsx'] } } })).toBe(0);
  });

  it('zip bombs: declared sizes over the limits, and headers that lie about them, are refused before any job', async () => {
    const padding = ' '.repeat(30 * 1024 * 1024); // 30 MiB of blanks deflate to ~30 KiB: ratio ~1000
    const sheet = inlineRows([TARGET_HEADINGS, targetRow(80).map(String)]);
    const declared = rawXlsx(sheet + padding);
    expectFileError(await upload(IMPORT_TARGETS, { poolId: s.pools.scjgPool.id, allOrNothing: false }, { name: 'bomb.xlsx', body: declared }, s.actors.office.headers), 'ZIP_BOMB');

    // the headers claim 4 KiB: the inflater stops as soon as it produced more than that
    const lying = rawXlsx(sheet + padding, { declaredSize: 4096 });
    expectFileError(await upload(IMPORT_TARGETS, { poolId: s.pools.scjgPool.id, allOrNothing: false }, { name: 'liar.xlsx', body: lying }, s.actors.office.headers), 'ZIP_BOMB');
    expect(await prisma().importJob.count({ where: { fileName: { in: ['bomb.xlsx', 'liar.xlsx'] } } })).toBe(0);
    expect(await prisma().target.count({ where: { uscc: importUscc(80) } })).toBe(0);

    // the same hand-made format, honest and small, imports fine (the reader is not what refuses)
    const honest = await importTargets(s.pools.scjgPool.id, { name: 'honest.xlsx', body: rawXlsx(sheet) }, false, s.actors.office.headers);
    expect(honest).toMatchObject({ status: 'SUCCEEDED', insertedRows: 1 });
  });
});

describe('importInspectors', () => {
  const HEAD = ['姓名', '执法证号', '执法资格', '专业特长', '第三方专家', '在岗'];

  it('imports inspectors idempotently by certificate number; another department\'s certificate is refused', async () => {
    await prisma().inspector.create({ data: { name: '卫健老张', departmentId: s.departments.wjj.id, certificateNo: 'WJ-9001' } });
    const rows = [
      ['张执法', 'SJ-9001', '市场监管执法', '食品安全、特种设备', '否', '是'],
      ['刘专家', 'ZJ-9002', '', '乳制品;检验检测', '是', '是'],
      ['', 'SJ-9003', '', '', '', ''],
      ['冒名', 'wj-9001', '', '', '否', '是'],
      ['王执法', 'SJ-9004', '', '', '也许', ''],
    ];
    const body = await xlsxFile(HEAD, rows, { sheetName: '执法人员' });
    const r = await upload(IMPORT_INSPECTORS, { poolId: s.pools.scjgInspectors.id, allOrNothing: false }, { name: '人员.xlsx', body }, s.actors.scjgAdmin.headers);
    expect(r.errors).toBeUndefined();
    const job = r.data.importInspectors as Job;
    expect(job).toMatchObject({ status: 'PARTIAL', insertedRows: 2, errorRows: 3 });
    expect(job.errors.map((e) => [e.rowNumber, e.reason])).toEqual([
      [4, 'REQUIRED'],
      [5, 'CERTIFICATE_OTHER_DEPARTMENT'],
      [6, 'BOOLEAN'],
    ]);
    const expert = await prisma().inspector.findUniqueOrThrow({ where: { certificateNo: 'ZJ-9002' } });
    expect(expert).toMatchObject({ name: '刘专家', isThirdPartyExpert: true, expertiseTags: ['乳制品', '检验检测'], departmentId: s.departments.scjg.id, poolId: s.pools.scjgInspectors.id });
    expect(await prisma().inspector.findUniqueOrThrow({ where: { certificateNo: 'WJ-9001' } })).toMatchObject({ name: '卫健老张', departmentId: s.departments.wjj.id });

    const again = await upload(IMPORT_INSPECTORS, { poolId: s.pools.scjgInspectors.id, allOrNothing: false }, { name: '人员.xlsx', body }, s.actors.scjgAdmin.headers);
    expect(again.data.importInspectors).toMatchObject({ insertedRows: 0, updatedRows: 0, unchangedRows: 2, errorRows: 3 });

    const foreign = await upload(IMPORT_INSPECTORS, { poolId: s.pools.wjjInspectors.id, allOrNothing: false }, { name: '人员.xlsx', body }, s.actors.scjgAdmin.headers);
    expect(ext(foreign)).toMatchObject({ code: 'FORBIDDEN' });
    const partner = await upload(IMPORT_INSPECTORS, { poolId: s.pools.scjgInspectors.id, allOrNothing: false }, { name: '人员.xlsx', body }, s.actors.importKey.headers);
    expect(ext(partner)).toMatchObject({ code: 'FORBIDDEN', reason: 'SCOPE' });
  });
});
