// Report exports over plain HTTP GET (yoga.ts routes /export/report.*):
//   /export/report.xlsx  formatted workbook, Chinese headings, one sheet per view (总体 / 各部门 / 结果代码 / 未参与联合抽查部门)
//   /export/report.csv   the same views one after another, UTF-8 with BOM (Excel opens it as UTF-8)
//   /export/report.html  printable layout (A4 landscape; the browser's print dialog makes the PDF)
// Query: year (required), quarter, period (QUARTER | YEAR | YEAR_TO_DATE; default QUARTER when quarter is given,
// else YEAR), asOf (YEAR_TO_DATE), departmentId. The caller is identified exactly as for /graphql (session cookie
// or API key, access/actor.ts) and the report service applies the same rules as the GraphQL fields.
import ExcelJS from 'exceljs';
import { resolveActor } from '../access/actor.ts';
import { scopesFor } from '../access/scopes.ts';
import { AppError } from '../../shared/errors.ts';
import { escapeCell } from '../import/spreadsheet.ts';
import { logger } from '../../shared/logger.ts';
import { report, type PeriodKind, type Report, type ReportFigure, type ReportSection } from './report.service.ts';
import { FIGURES, RESULT_CODES } from './report.figures.ts';

export const EXPORT_PATHS = ['/export/report.xlsx', '/export/report.csv', '/export/report.html'] as const;

const fmtDate = (d: Date) => d.toISOString().slice(0, 10);

export function periodTitle(r: Report): string {
  const span = `${fmtDate(r.from)} 至 ${fmtDate(r.to)}`;
  if (r.kind === 'QUARTER') return `${r.year}年第${r.quarter}季度（${span}）`;
  if (r.kind === 'YEAR') return `${r.year}年度（${span}）`;
  return `${r.year}年初至${fmtDate(r.to)}（${span}）`;
}

const previousLabel = (r: Report) => (r.kind === 'QUARTER' ? '上季度' : r.kind === 'YEAR' ? '上年度' : '上年同期');
const metLabel = (m: boolean | null) => (m == null ? '—' : m ? '达标' : '未达标');

// ───────────────────────── views (shared by XLSX, CSV and HTML) ─────────────────────────

type Cell = string | number | null;
interface View {
  name: string;
  columns: { header: string; width: number; format?: 'count' | 'rate' | 'rateChange' | 'text' }[];
  rows: Cell[][];
  /** Per-row override of numeric formats (rates and counts share a column in 总体). */
  rowFormats?: ('count' | 'rate')[];
}

function overview(r: Report): View {
  const s = r.total;
  return {
    name: '总体',
    columns: [
      { header: '指标', width: 30, format: 'text' },
      { header: '本期', width: 12 },
      { header: '分子', width: 10, format: 'count' },
      { header: '分母', width: 10, format: 'count' },
      { header: '目标', width: 10, format: 'rate' },
      { header: '是否达标', width: 10, format: 'text' },
      { header: previousLabel(r), width: 12 },
      { header: '变化', width: 12 },
      { header: '目标出处', width: 10, format: 'text' },
      { header: 'Figure', width: 36, format: 'text' },
      { header: '指标键', width: 26, format: 'text' },
    ],
    rows: s.figures.map((f) => [f.labelZh, f.value, f.numerator, f.denominator, f.target, metLabel(f.met), f.previous, f.change, f.targetSource, f.labelEn, f.key]),
    rowFormats: s.figures.map((f) => (f.unit === 'RATE' ? 'rate' : 'count')),
  };
}

function byDepartment(r: Report): View {
  const figs = FIGURES.filter((f) => !f.totalOnly);
  const row = (s: ReportSection): Cell[] => [
    s.departmentCode ?? '合计',
    s.departmentName ?? '全部部门',
    ...figs.map((f) => s.figures.find((x) => x.key === f.key)?.value ?? null),
  ];
  return {
    name: '各部门',
    columns: [
      { header: '部门代码', width: 10, format: 'text' },
      { header: '部门名称', width: 24, format: 'text' },
      ...figs.map((f) => ({ header: f.zh, width: Math.max(10, Math.min(18, f.zh.length * 2 + 2)), format: f.unit === 'RATE' ? ('rate' as const) : ('count' as const) })),
    ],
    rows: [...r.departments.map(row), row(r.total)],
  };
}

function resultCodes(r: Report): View {
  return {
    name: '结果代码',
    columns: [
      { header: '代码', width: 6, format: 'count' },
      { header: '检查结果', width: 34, format: 'text' },
      { header: '发现问题', width: 8, format: 'text' },
      { header: '合计', width: 10, format: 'count' },
      { header: previousLabel(r), width: 10, format: 'count' },
      { header: '变化', width: 10, format: 'count' },
      ...r.departments.map((d) => ({ header: d.departmentName ?? '', width: 12, format: 'count' as const })),
    ],
    rows: RESULT_CODES.map((c, i) => {
      const t = r.total.resultCodes[i]!;
      return [c.code, c.zh, c.problem ? '是' : '否', t.count, t.previous, t.change, ...r.departments.map((d) => d.resultCodes[i]!.count)];
    }),
  };
}

function withoutJoint(r: Report): View {
  return {
    name: '未参与联合抽查部门',
    columns: [
      { header: '部门代码', width: 12, format: 'text' },
      { header: '部门名称', width: 30, format: 'text' },
    ],
    rows: r.departmentsWithoutJointTask.map((d) => [d.code, d.name]),
  };
}

export const views = (r: Report): View[] => [overview(r), byDepartment(r), resultCodes(r), withoutJoint(r)];

// ───────────────────────── XLSX ─────────────────────────

const NUM_FMT = { count: '#,##0', rate: '0.00%', rateChange: '+0.00%;-0.00%;0.00%' } as const;

export async function toXlsx(r: Report): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'shuangsuiji';
  wb.title = `部门联合“双随机、一公开”监管工作通报 ${periodTitle(r)}`;
  for (const v of views(r)) {
    const ws = wb.addWorksheet(v.name);
    // row 1: title; row 2: headings (frozen with the title)
    ws.addRow([escapeCell(`${wb.title}　评价日期 ${fmtDate(r.asOf)}`)]);
    ws.getRow(1).font = { bold: true, size: 13 };
    ws.addRow(v.columns.map((c) => escapeCell(c.header)));
    const head = ws.getRow(2);
    head.font = { bold: true };
    head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    head.eachCell((c) => {
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F3' } };
      c.border = { bottom: { style: 'thin' } };
    });
    v.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
    v.rows.forEach((row, ri) => {
      const added = ws.addRow(row.map((x) => escapeCell(x)));
      row.forEach((x, ci) => {
        if (typeof x !== 'number') return;
        const col = v.columns[ci]!;
        let fmt = col.format && col.format !== 'text' ? NUM_FMT[col.format] : undefined;
        if (!col.format && v.rowFormats) fmt = NUM_FMT[v.rowFormats[ri]!];
        if (!col.format && v.rowFormats && col.header === '变化' && v.rowFormats[ri] === 'rate') fmt = NUM_FMT.rateChange;
        if (fmt) added.getCell(ci + 1).numFmt = fmt;
      });
    });
    ws.views = [{ state: 'frozen', ySplit: 2 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ───────────────────────── CSV ─────────────────────────

function csvCell(v: Cell): string {
  if (v == null) return '';
  // numbers are written plainly (a negative change is a number, not a formula); text is escaped against formulas
  const text = typeof v === 'number' ? String(v) : String(escapeCell(v));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** All views, each as a titled block, separated by an empty line; UTF-8 with BOM. */
export function toCsv(r: Report): string {
  const lines: string[] = [csvCell(`部门联合“双随机、一公开”监管工作通报 ${periodTitle(r)} 评价日期 ${fmtDate(r.asOf)}`)];
  for (const v of views(r)) {
    lines.push('', csvCell(`# ${v.name}`), v.columns.map((c) => csvCell(c.header)).join(','));
    for (const row of v.rows) lines.push(row.map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

// ───────────────────────── printable HTML ─────────────────────────

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function show(v: number | null, unit: 'COUNT' | 'RATE', signed = false): string {
  if (v == null) return '—';
  const s = unit === 'RATE' ? `${(v * 100).toFixed(2)}%` : v.toLocaleString('zh-CN');
  return signed && v > 0 ? `+${s}` : s;
}

export function toHtml(r: Report): string {
  const fig = (f: ReportFigure) =>
    `<tr class="${f.met === false ? 'miss' : ''}"><td>${esc(f.labelZh)}</td><td class="n">${show(f.value, f.unit)}</td><td class="n">${f.numerator}</td><td class="n">${f.denominator ?? ''}</td><td class="n">${f.target == null ? '' : show(f.target, 'RATE')}</td><td>${metLabel(f.met)}</td><td class="n">${show(f.previous, f.unit)}</td><td class="n">${show(f.change, f.unit, true)}</td></tr>`;
  const deptFigs = FIGURES.filter((f) => !f.totalOnly);
  const deptRow = (s: ReportSection) =>
    `<tr><td>${esc(s.departmentName ?? '合计')}</td>${deptFigs.map((f) => {
      const x = s.figures.find((y) => y.key === f.key)!;
      return `<td class="n${x.met === false ? ' miss' : ''}">${show(x.value, x.unit)}</td>`;
    }).join('')}</tr>`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(`工作通报 ${periodTitle(r)}`)}</title>
<style>
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 10.5pt; color: #111; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 4pt; } h2 { font-size: 12pt; margin: 14pt 0 4pt; }
.meta { text-align: center; color: #444; margin-bottom: 8pt; }
table { border-collapse: collapse; width: 100%; page-break-inside: auto; } tr { page-break-inside: avoid; }
th, td { border: 0.5pt solid #888; padding: 2pt 4pt; } th { background: #dde7f3; } thead { display: table-header-group; }
td.n { text-align: right; font-variant-numeric: tabular-nums; } .miss { color: #b00020; }
.dept th { font-size: 8pt; } .dept td { font-size: 8.5pt; } section { page-break-before: auto; }
@media screen { body { max-width: 1200px; margin: 16px auto; } }
</style></head><body>
<h1>部门联合“双随机、一公开”监管工作通报</h1>
<div class="meta">${esc(periodTitle(r))}　·　比较期 ${fmtDate(r.previousFrom)} 至 ${fmtDate(r.previousTo)}　·　评价日期 ${fmtDate(r.asOf)}</div>
<section><h2>一、总体情况</h2><table><thead><tr><th>指标</th><th>本期</th><th>分子</th><th>分母</th><th>目标</th><th>是否达标</th><th>${previousLabel(r)}</th><th>变化</th></tr></thead><tbody>
${r.total.figures.map(fig).join('\n')}
</tbody></table></section>
<section><h2>二、各部门情况</h2><table class="dept"><thead><tr><th>部门</th>${deptFigs.map((f) => `<th>${esc(f.zh)}</th>`).join('')}</tr></thead><tbody>
${[...r.departments, r.total].map(deptRow).join('\n')}
</tbody></table></section>
<section><h2>三、检查结果（按结果代码）</h2><table><thead><tr><th>代码</th><th>检查结果</th><th>发现问题</th><th>合计</th><th>${previousLabel(r)}</th><th>变化</th></tr></thead><tbody>
${r.total.resultCodes.map((c) => `<tr><td class="n">${c.code}</td><td>${esc(c.labelZh)}</td><td>${c.problem ? '是' : '否'}</td><td class="n">${c.count}</td><td class="n">${c.previous}</td><td class="n">${c.change > 0 ? '+' : ''}${c.change}</td></tr>`).join('\n')}
</tbody></table></section>
<section><h2>四、本年度未发起或参与部门联合抽查的部门</h2>
${r.departmentsWithoutJointTask.length ? `<p>${r.departmentsWithoutJointTask.map((d) => esc(d.name)).join('、')}</p>` : '<p>无</p>'}
</section>
<p class="meta">指标口径见 docs/REPORTS.md；未达标项以红色标示。</p>
</body></html>`;
}

// ───────────────────────── the HTTP handler ─────────────────────────

const jsonError = (status: number, code: string, zh: string, en: string, extra: Record<string, unknown> = {}) =>
  new Response(JSON.stringify({ errors: [{ message: `${zh} / ${en}`, extensions: { code, messageZh: zh, messageEn: en, ...extra } }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, NOT_FOUND: 404, UNAUTHENTICATED: 401, FORBIDDEN: 403 };

export async function handleReportExport(request: Request, url: URL): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return jsonError(405, 'METHOD_NOT_ALLOWED', '仅支持 GET', 'GET only');
  const actor = await resolveActor(request);
  const s = scopesFor(actor);
  if (actor.kind === 'anonymous') return jsonError(401, 'UNAUTHENTICATED', '请先登录', 'sign in first');
  if (!(s.office || s.analyst || s.departmentAdmin || s.partner('reports:read'))) return jsonError(403, 'FORBIDDEN', '无权导出通报', 'not allowed to export reports', { reason: 'SCOPE' });
  const q = url.searchParams;
  const int = (name: string) => (q.get(name) == null || q.get(name) === '' ? null : Number(q.get(name)));
  const year = int('year');
  const quarter = int('quarter');
  const period = (q.get('period') ?? (quarter != null ? 'QUARTER' : 'YEAR')).toUpperCase() as PeriodKind;
  if (year == null) return jsonError(400, 'BAD_USER_INPUT', 'year：必填', 'year: required', { field: 'year' });
  if (!['QUARTER', 'YEAR', 'YEAR_TO_DATE'].includes(period)) return jsonError(400, 'BAD_USER_INPUT', 'period：应为 QUARTER / YEAR / YEAR_TO_DATE', 'period: QUARTER, YEAR or YEAR_TO_DATE', { field: 'period' });
  const asOf = q.get('asOf');
  if (asOf != null && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return jsonError(400, 'BAD_USER_INPUT', 'asOf：日期格式应为 YYYY-MM-DD', 'asOf: YYYY-MM-DD', { field: 'asOf' });
  let r: Report;
  try {
    r = await report({ actor }, { kind: period, year, quarter, asOf, departmentId: q.get('departmentId') || null });
  } catch (e) {
    if (e instanceof AppError) {
      const ext = e.extensions as { code: string; messageZh: string; messageEn: string; field?: string; reason?: string };
      return jsonError(STATUS[ext.code] ?? 400, ext.code, ext.messageZh, ext.messageEn, { field: ext.field, reason: ext.reason });
    }
    logger.error({ err: e }, 'report export failed');
    return jsonError(500, 'INTERNAL_SERVER_ERROR', '导出失败', 'Unexpected error.');
  }
  const stem = `report-${r.year}${r.kind === 'QUARTER' ? `-Q${r.quarter}` : r.kind === 'YEAR' ? '' : `-ytd-${fmtDate(r.to)}`}`;
  const zhName = `工作通报-${r.year}${r.kind === 'QUARTER' ? `年第${r.quarter}季度` : r.kind === 'YEAR' ? '年度' : `年初至${fmtDate(r.to)}`}`;
  const disposition = (ext: string) => `attachment; filename="${stem}.${ext}"; filename*=UTF-8''${encodeURIComponent(`${zhName}.${ext}`)}`;
  const common = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
  if (url.pathname.endsWith('.xlsx'))
    return new Response(new Uint8Array(await toXlsx(r)), {
      headers: { ...common, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': disposition('xlsx') },
    });
  if (url.pathname.endsWith('.csv'))
    return new Response(toCsv(r), { headers: { ...common, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': disposition('csv') } });
  return new Response(toHtml(r), {
    headers: { ...common, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" },
  });
}
