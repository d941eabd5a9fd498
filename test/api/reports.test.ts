// Quarterly report (季度通报): every figure against hand-counted expectations on a known dataset (inserted directly),
// edge cases (a task spanning two quarters, a late publication, a correction decided across the UTC/China date line,
// a cancelled task, a re-issued task, a declined participant, an empty quarter), access, drill-down, exports read
// back (exceljs, CSV), and the SQL statements per request.
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { useTestDatabase } from '../helpers/db.ts';
import { gql, gqlOk } from '../helpers/graphql.ts';
import { apiKeyActor, userActor } from '../helpers/auth.ts';
import { reportDataset } from '../fixtures/reports.ts';
import { db } from '../../server/src/db/database.ts';
import { rebuildRollup } from '../../server/src/modules/report/report.rollup.ts';
import { yoga } from '../../server/src/yoga.ts';

useTestDatabase();

type Ids = Record<string, string>;
const dep: Ids = {};
const item: Ids = {};
const task: Ids = {};
const rec: Ids = {};
let office: Record<string, string>;

async function dataset() {
  const ids = await reportDataset();
  Object.assign(dep, ids.dep);
  Object.assign(item, ids.item);
  Object.assign(task, ids.task);
  Object.assign(rec, ids.rec);
}

beforeAll(async () => {
  await dataset();
  // the dataset is inserted directly, as data loaded by SQL would be: the report rollup is rebuilt from it
  await rebuildRollup(db());
  office = (await userActor('OFFICE_ADMIN', dep.A)).headers;
});

const REPORT_FIELDS = `kind year quarter from to previousFrom previousTo asOf
  total { ...S }
  departments { ...S }
  departmentsWithoutJointTask { code name }`;
const SECTION = `fragment S on ReportSection { departmentId departmentCode hasJointTask
  figures { key unit value numerator denominator target met previous change }
  resultCodes { code count previous change } }`;
const Q = `query($year: Int!, $quarter: Int!, $departmentId: ID) { quarterlyReport(year: $year, quarter: $quarter, departmentId: $departmentId) { ${REPORT_FIELDS} } } ${SECTION}`;

type Fig = { key: string; value: number | null; numerator: number; denominator: number | null; target: number | null; met: boolean | null; previous: number | null; change: number | null };
const figs = (s: { figures: Fig[] }) => Object.fromEntries(s.figures.map((f) => [f.key, f]));
/** [numerator, denominator] for rates, numerator for counts. */
const counts = (s: { figures: Fig[] }) => Object.fromEntries(s.figures.map((f) => [f.key, f.denominator == null ? f.numerator : [f.numerator, f.denominator]]));
const codes = (s: { resultCodes: { code: number; count: number }[] }) => Object.fromEntries(s.resultCodes.filter((c) => c.count).map((c) => [c.code, c.count]));

describe('quarterly report: every figure against hand counts', () => {
  let r: any;
  beforeAll(async () => {
    r = (await gqlOk(Q, { year: 2025, quarter: 2 }, office)).quarterlyReport;
  });

  it('places the period and its comparison', () => {
    expect([r.from, r.to, r.previousFrom, r.previousTo]).toEqual(['2025-04-01', '2025-06-30', '2025-01-01', '2025-03-31']);
  });

  it('total', () => {
    // tasks T1 (spans Q1/Q2, ends 04-20), T2, T3; T4 cancelled, T6 re-issued, T5 in Q1
    expect(counts(r.total)).toEqual({
      tasks: 3, tasksLed: 3, tasksJoined: 2, tasksCompleted: 2, tasksCompletedOnTime: 1,
      onTimeCompletionRate: [1, 3], // T2; T1 has a late publication; T3 is past its deadline, unfinished
      jointInspectionRate: [2, 3], // T1 (A+B; C declined), T2 (B+A); T3 alone
      tasksCancelled: 1,
      targetsInspected: 5, // R1 R2 R3 R4 R5 (R6 belongs to the cancelled task)
      problemRate: [3, 5], // R2 (5, 10), R3 (1 corrected to 8), R4 (2)
      publicationRate: [8, 9], // 9 (record, department) pairs all due; R5·C unpublished
      onTimePublicationRate: [7, 8], // R2·B late
      corrections: 1,
      followUpsOpened: 2, followUpsClosed: 1, followUpsOverdue: 1,
      followUpDisposalRate: [1, 2], // due in Q2: F1 (closed), F2 (open)
      creditClassAppliedRate: [2, 3], // locked target draws of T1 (stratified), T2 (not), T3 (stratified); T1's voided and T4's ignored
      itemCoverageRate: [4, 5], // active A1 A2 B1 C1 D1; used this year up to 06-30: A1 A2 B1 C1
      departmentsWithoutJointTask: 1, // D (E is inactive)
    });
    expect(codes(r.total)).toEqual({ 1: 4, 2: 1, 5: 1, 8: 1, 9: 2, 10: 1 });
    expect(r.departmentsWithoutJointTask).toEqual([{ code: 'SWJ', name: '=税务局' }]);
  });

  it('targets, met and the change from the previous quarter', () => {
    const f = figs(r.total);
    expect(f.jointInspectionRate).toMatchObject({ value: 2 / 3, target: 0.8, met: false, previous: 1, change: 2 / 3 - 1 });
    expect(f.creditClassAppliedRate).toMatchObject({ target: 0.9, met: false, previous: 1 });
    expect(f.onTimeCompletionRate).toMatchObject({ target: 1, met: false, previous: 1 });
    expect(f.publicationRate).toMatchObject({ target: 1, met: false, previous: 1 });
    expect(f.onTimePublicationRate).toMatchObject({ target: 1, met: false, previous: 1 });
    expect(f.followUpDisposalRate).toMatchObject({ target: 1, met: false, previous: null, change: null }); // nothing due in Q1
    expect(f.itemCoverageRate).toMatchObject({ target: 1, met: false, value: 0.8, previous: 0.4 }); // Q1: A2, C1
    expect(f.problemRate).toMatchObject({ target: null, met: null, value: 0.6, previous: 0 });
    expect(f.tasks).toMatchObject({ value: 3, previous: 1, change: 2 });
    expect(f.corrections).toMatchObject({ value: 1, previous: 0, change: 1 });
    const c1 = r.total.resultCodes.find((c: any) => c.code === 1);
    expect(c1).toEqual({ code: 1, count: 4, previous: 2, change: 2 });
  });

  it('per department', () => {
    const by = Object.fromEntries(r.departments.map((s: any) => [s.departmentCode, s]));
    expect(Object.keys(by)).toEqual(['SCJGJ', 'SWJ', 'WJJ', 'YJGLJ']); // active only, by sort order
    expect(counts(by.SCJGJ)).toEqual({
      tasks: 2, tasksLed: 1, tasksJoined: 1, tasksCompleted: 2, tasksCompletedOnTime: 1, onTimeCompletionRate: [1, 2], jointInspectionRate: [2, 2],
      tasksCancelled: 1, targetsInspected: 4, problemRate: [3, 4], publicationRate: [4, 4], onTimePublicationRate: [4, 4], corrections: 1,
      followUpsOpened: 1, followUpsClosed: 1, followUpsOverdue: 0, followUpDisposalRate: [1, 1], creditClassAppliedRate: [1, 2], itemCoverageRate: [2, 2],
    });
    expect(codes(by.SCJGJ)).toEqual({ 1: 2, 2: 1, 5: 1, 8: 1 });
    expect(counts(by.YJGLJ)).toEqual({
      tasks: 2, tasksLed: 1, tasksJoined: 1, tasksCompleted: 2, tasksCompletedOnTime: 1, onTimeCompletionRate: [1, 2], jointInspectionRate: [2, 2],
      tasksCancelled: 1, targetsInspected: 4, problemRate: [1, 4], publicationRate: [4, 4], onTimePublicationRate: [3, 4], corrections: 0,
      followUpsOpened: 1, followUpsClosed: 0, followUpsOverdue: 1, followUpDisposalRate: [0, 1], creditClassAppliedRate: [1, 2], itemCoverageRate: [1, 1],
    });
    expect(codes(by.YJGLJ)).toEqual({ 1: 1, 9: 2, 10: 1 });
    expect(counts(by.WJJ)).toEqual({
      tasks: 1, tasksLed: 1, tasksJoined: 0, tasksCompleted: 0, tasksCompletedOnTime: 0, onTimeCompletionRate: [0, 1], jointInspectionRate: [0, 1],
      tasksCancelled: 0, targetsInspected: 1, problemRate: [0, 1], publicationRate: [0, 1], onTimePublicationRate: [0, 0], corrections: 0,
      followUpsOpened: 0, followUpsClosed: 0, followUpsOverdue: 0, followUpDisposalRate: [0, 0], creditClassAppliedRate: [1, 1], itemCoverageRate: [1, 1],
    });
    expect(figs(by.WJJ).onTimePublicationRate).toMatchObject({ value: null, met: null });
    expect(counts(by.SWJ)).toMatchObject({ tasks: 0, jointInspectionRate: [0, 0], itemCoverageRate: [0, 1] });
    expect([by.SCJGJ.hasJointTask, by.YJGLJ.hasJointTask, by.WJJ.hasJointTask, by.SWJ.hasJointTask]).toEqual([true, true, true, false]);
  });

  it('one department on request', async () => {
    const x = (await gqlOk(Q, { year: 2025, quarter: 2, departmentId: dep.B }, office)).quarterlyReport;
    expect(x.departments.map((s: any) => s.departmentCode)).toEqual(['YJGLJ']);
    expect(counts(x.total)).toEqual(counts(r.total));
  });

  it('the previous quarter on its own, and Q3 (follow-ups only)', async () => {
    const q1 = (await gqlOk(Q, { year: 2025, quarter: 1 }, office)).quarterlyReport;
    expect(counts(q1.total)).toMatchObject({
      tasks: 1, jointInspectionRate: [1, 1], onTimeCompletionRate: [1, 1], targetsInspected: 1, problemRate: [0, 1], publicationRate: [2, 2],
      corrections: 0, followUpsOpened: 1, followUpDisposalRate: [0, 0], creditClassAppliedRate: [1, 1], itemCoverageRate: [2, 5],
    });
    const q3 = (await gqlOk(Q, { year: 2025, quarter: 3 }, office)).quarterlyReport;
    expect(counts(q3.total)).toMatchObject({ tasks: 0, followUpsOpened: 0, followUpsClosed: 1, followUpsOverdue: 1, followUpDisposalRate: [1, 1], itemCoverageRate: [4, 5] });
    expect(figs(q3.total).jointInspectionRate).toMatchObject({ value: null, met: null, previous: 2 / 3, change: null });
  });

  it('an empty quarter: zeros, no rates, nothing met', async () => {
    const e = (await gqlOk(Q, { year: 2024, quarter: 1 }, office)).quarterlyReport;
    for (const f of e.total.figures as Fig[]) {
      if (f.key === 'itemCoverageRate') expect([f.numerator, f.denominator, f.met]).toEqual([0, 5, false]);
      else if (f.key === 'departmentsWithoutJointTask') expect(f.numerator).toBe(4);
      else {
        expect(f.numerator).toBe(0);
        if (f.denominator != null) expect([f.denominator, f.value, f.met]).toEqual([0, null, null]);
      }
    }
    expect(e.total.resultCodes.every((c: any) => c.count === 0)).toBe(true);
  });

  it('annual and year-to-date', async () => {
    const a = (await gqlOk(`query { annualReport(year: 2025) { ${REPORT_FIELDS} } } ${SECTION}`, {}, office)).annualReport;
    expect([a.from, a.to, a.previousFrom, a.previousTo]).toEqual(['2025-01-01', '2025-12-31', '2024-01-01', '2024-12-31']);
    expect(counts(a.total)).toMatchObject({ tasks: 4, jointInspectionRate: [3, 4], targetsInspected: 6, publicationRate: [10, 11], corrections: 1, followUpsOpened: 3, followUpsClosed: 2 });
    const y = (await gqlOk(`query { yearToDateReport(year: 2025, asOf: "2025-03-31") { ${REPORT_FIELDS} } } ${SECTION}`, {}, office)).yearToDateReport;
    const q1 = (await gqlOk(Q, { year: 2025, quarter: 1 }, office)).quarterlyReport;
    expect([y.kind, y.from, y.to, y.previousTo]).toEqual(['YEAR_TO_DATE', '2025-01-01', '2025-03-31', '2024-03-31']);
    expect(counts(y.total)).toEqual(counts(q1.total));
  });

  it('costs one SQL statement per report, however many departments', async () => {
    const res = await gql(Q, { year: 2025, quarter: 2 }, office);
    expect(res.statements).toBe(1);
    const dd = await gql(`{ reportDrillDown(figure: "problemRate", year: 2025, quarter: 2) { totalCount nodes { id } } }`, {}, office);
    expect(dd.statements).toBe(1);
  });
});

describe('drill-down', () => {
  const DD = `query($figure: String!, $departmentId: ID, $only: Boolean, $page: Int, $perPage: Int) {
    reportDrillDown(figure: $figure, year: 2025, quarter: 2, departmentId: $departmentId, onlyNumerator: $only, page: $page, perPage: $perPage) {
      totalCount numeratorCount denominatorCount pageInfo { hasNextPage hasPreviousPage }
      nodes { entity id taskCode recordId targetUscc departmentCode checkItemCode code inNumerator } } }`;
  const dd = async (v: Record<string, unknown>, h = office) => (await gqlOk(DD, v, h)).reportDrillDown;

  it('every figure drills to as many rows as its numerator and denominator', async () => {
    const r = (await gqlOk(Q, { year: 2025, quarter: 2 }, office)).quarterlyReport;
    for (const s of [r.total, ...r.departments]) {
      for (const f of s.figures as Fig[]) {
        const x = await dd({ figure: f.key, departmentId: s.departmentId, perPage: 100 });
        expect([f.key, s.departmentCode, x.numeratorCount, x.denominatorCount]).toEqual([f.key, s.departmentCode, f.numerator, f.denominator ?? f.numerator]);
      }
    }
  });

  it('lists the tasks and records behind a figure', async () => {
    const j = await dd({ figure: 'jointInspectionRate' });
    expect(j.nodes.map((n: any) => [n.taskCode, n.inNumerator])).toEqual([['2025-T1', true], ['2025-T2', true], ['2025-T3', false]]);
    const late = await dd({ figure: 'onTimePublicationRate' });
    expect(late.nodes.filter((n: any) => !n.inNumerator).map((n: any) => [n.entity, n.recordId, n.departmentCode])).toEqual([['Publication', rec.R2, 'YJGLJ']]);
    const code8 = await dd({ figure: 'resultCode8' });
    expect(code8.nodes.map((n: any) => [n.recordId, n.checkItemCode, n.code])).toEqual([[rec.R3, 'ITEM-A1', 8]]);
    const corr = await dd({ figure: 'corrections' });
    expect(corr.nodes.map((n: any) => [n.entity, n.taskCode, n.code])).toEqual([['Correction', '2025-T1', 8]]);
    const problems = await dd({ figure: 'problemRate', only: true });
    expect(problems.nodes.map((n: any) => n.recordId).sort()).toEqual([rec.R2, rec.R3, rec.R4].sort());
  });

  it('pages', async () => {
    const p1 = await dd({ figure: 'resultCode1', perPage: 3 });
    const p2 = await dd({ figure: 'resultCode1', perPage: 3, page: 2 });
    expect([p1.totalCount, p1.nodes.length, p1.pageInfo.hasNextPage, p2.nodes.length, p2.pageInfo.hasNextPage]).toEqual([4, 3, true, 1, false]);
    const p9 = await dd({ figure: 'resultCode1', perPage: 3, page: 9 });
    expect([p9.totalCount, p9.nodes.length]).toEqual([4, 0]);
    const bad = await gql(DD, { figure: 'nope' }, office);
    expect(bad.errors?.[0]?.extensions?.field).toBe('figure');
    const big = await gql(DD, { figure: 'tasks', perPage: 101 }, office);
    expect(big.errors?.[0]?.extensions?.field).toBe('perPage');
  });
});

describe('access', () => {
  it('analysts read every figure; their drill-down shows published results only', async () => {
    const h = (await userActor('ANALYST')).headers;
    const r = (await gqlOk(Q, { year: 2025, quarter: 2 }, h)).quarterlyReport;
    expect(r.departments).toHaveLength(4);
    expect(counts(r.total).publicationRate).toEqual([8, 9]);
    const x = (await gqlOk(`{ reportDrillDown(figure: "resultCode1", year: 2025, quarter: 2) { totalCount } }`, {}, h)).reportDrillDown;
    expect(x.totalCount).toBe(3); // R5·C1 is not published
  });

  it('partner keys need reports:read, and get no rows', async () => {
    const withScope = (await apiKeyActor(['reports:read'])).headers;
    expect((await gqlOk(Q, { year: 2025, quarter: 2 }, withScope)).quarterlyReport.total.figures.length).toBeGreaterThan(10);
    const dd = await gql(`{ reportDrillDown(figure: "tasks", year: 2025, quarter: 2) { totalCount } }`, {}, withScope);
    expect(dd.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const without = (await apiKeyActor(['results:read', 'registers:read'])).headers;
    expect((await gql(Q, { year: 2025, quarter: 2 }, without)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a department admin reads the totals and its own department only', async () => {
    const h = (await userActor('DEPARTMENT_ADMIN', dep.C)).headers;
    const r = (await gqlOk(Q, { year: 2025, quarter: 2 }, h)).quarterlyReport;
    expect(r.departments.map((s: any) => s.departmentCode)).toEqual(['WJJ']);
    expect(counts(r.total).tasks).toBe(3);
    expect(r.departmentsWithoutJointTask).toEqual([]);
    const other = await gql(Q, { year: 2025, quarter: 2, departmentId: dep.A }, h);
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OWN_DEPARTMENT_ONLY' });
    // drill-down rows are the own department's, whatever is asked
    const t = (await gqlOk(`{ reportDrillDown(figure: "tasks", year: 2025, quarter: 2) { nodes { taskCode } } }`, {}, h)).reportDrillDown;
    expect(t.nodes.map((n: any) => n.taskCode)).toEqual(['2025-T3']);
  });

  it('inspectors and anonymous callers are refused', async () => {
    const h = (await userActor('INSPECTOR', dep.A)).headers;
    expect((await gql(Q, { year: 2025, quarter: 2 }, h)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql(Q, { year: 2025, quarter: 2 })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await gql(Q, { year: 2025, quarter: 5 }, office)).errors?.[0]?.extensions?.field).toBe('quarter');
  });
});

describe('exports', () => {
  const get = (path: string, headers: Record<string, string> = office) => yoga.fetch(`http://localhost${path}`, { headers });

  it('XLSX: one sheet per view, Chinese headings, formats, frozen header, the same numbers', async () => {
    const res = await get('/export/report.xlsx?year=2025&quarter=2');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['总体', '各部门', '结果代码', '未参与联合抽查部门']);
    const total = wb.getWorksheet('总体')!;
    expect(total.getRow(2).getCell(1).value).toBe('指标');
    expect(total.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const rows = new Map<string, ExcelJS.Row>();
    total.eachRow((row, n) => n > 2 && rows.set(String(row.getCell(11).value), row));
    const joint = rows.get('jointInspectionRate')!;
    expect([joint.getCell(1).value, joint.getCell(2).value, joint.getCell(3).value, joint.getCell(4).value, joint.getCell(5).value, joint.getCell(6).value]).toEqual(['跨部门联合抽查率', 2 / 3, 2, 3, 0.8, '未达标']);
    expect(joint.getCell(2).numFmt).toBe('0.00%');
    expect(rows.get('targetsInspected')!.getCell(2).value).toBe(5);
    expect(rows.get('publicationRate')!.getCell(3).value).toBe(8);
    const codesSheet = wb.getWorksheet('结果代码')!;
    expect(codesSheet.getRow(3 + 9).getCell(4).value).toBe(1); // code 10, total
    const none = wb.getWorksheet('未参与联合抽查部门')!;
    expect(none.getRow(3).getCell(2).value).toBe("'=税务局"); // formula injection escaped
    const depts = wb.getWorksheet('各部门')!;
    expect(depts.getColumn(2).width).toBeGreaterThan(10);
    expect(depts.getRow(3).getCell(1).value).toBe('SCJGJ');
  });

  it('CSV: BOM, escaped text, the same numbers', async () => {
    const res = await get('/export/report.csv?year=2025&quarter=2');
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
    const lines = text.split('\r\n').map((l) => l.split(','));
    const row = (key: string) => lines.find((l) => l[10] === key)!;
    expect(row('jointInspectionRate').slice(1, 4).map(Number)).toEqual([2 / 3, 2, 3]);
    expect(row('onTimePublicationRate').slice(2, 4).map(Number)).toEqual([7, 8]);
    expect(text).toContain("'=税务局");
    expect(text).not.toMatch(/(^|,)=税务局/m);
  });

  it('a printable page, and the same access rules', async () => {
    const html = await get('/export/report.html?year=2025&quarter=2');
    expect(html.headers.get('content-type')).toContain('text/html');
    const body = await html.text();
    expect(body).toContain('2025年第2季度');
    expect(body).toContain('@page');
    expect(body).toContain('=税务局');
    expect((await get('/export/report.xlsx?year=2025&quarter=2', {})).status).toBe(401);
    expect((await get('/export/report.csv?year=2025&quarter=2', (await userActor('INSPECTOR', dep.A)).headers)).status).toBe(403);
    expect((await get('/export/report.csv?year=2025&quarter=2', (await apiKeyActor(['reports:read'])).headers)).status).toBe(200);
    const own = (await userActor('DEPARTMENT_ADMIN', dep.C)).headers;
    expect((await get(`/export/report.csv?year=2025&quarter=2&departmentId=${dep.A}`, own)).status).toBe(403);
    expect((await get('/export/report.csv?quarter=2', office)).status).toBe(400);
    const annual = await get('/export/report.csv?year=2025', office);
    expect(annual.headers.get('content-disposition')).toContain('report-2025.csv');
  });
});
