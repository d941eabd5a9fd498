// Quarterly / annual / year-to-date report (季度通报) and its drill-down. The report module owns the office's KPI
// definitions (docs/REPORTS.md). draw.service's drawStratificationRate (by task year, over the draws the caller may
// see) is the same credit-class definition as the report's creditClassAppliedRate; it is referenced, not repeated.
//
// Cost: a report is ONE SQL statement (report.sql.ts: the period and its predecessor, per department and in total),
// which reads the records' figures from the rollup (report.rollup.ts) rather than from every result; a drill-down
// page is one statement too, over the rows. No per-row work in Node beyond shaping ~2 × (departments + 1) rows.
import type { Context } from '../../context.ts';
import { db } from '../../db/database.ts';
import { AppError, InputError } from '../../shared/errors.ts';
import { requireId, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from '../../shared/pagination.ts';
import { requireYear } from '../../shared/validation.ts';
import { formatDate } from '../../shared/scalars.ts';
import { todayInChina } from '../../shared/working-days.ts';
import type { Actor } from '../access/actor.ts';
import { FIGURES, FIGURE_BY_KEY, RESULT_CODES, RESULT_CODE_KEY, type FigureDef, type FigureUnit } from './report.figures.ts';
import { REPORT_ROWS_SQL, REPORT_SQL, drillDownSql, type ReportRow } from './report.sql.ts';

export type PeriodKind = 'QUARTER' | 'YEAR' | 'YEAR_TO_DATE';

export interface Period {
  kind: PeriodKind;
  year: number;
  quarter: number | null;
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Today's date in China (Asia/Shanghai), YYYY-MM-DD. */
export function todayCn(now = new Date()): string {
  return formatDate(todayInChina(now));
}

function quarterRange(year: number, q: number): [string, string] {
  const m0 = (q - 1) * 3 + 1;
  return [`${year}-${pad(m0)}-01`, `${year}-${pad(m0 + 2)}-${lastDay(year, m0 + 2)}`];
}

/** The period of a report and the one it is compared with (previous quarter; previous year; same span last year). */
export function periodOf(kind: PeriodKind, year: number, quarter?: number | null, asOf?: string | null): Period {
  requireYear('year', year);
  if (kind === 'QUARTER') {
    if (!Number.isInteger(quarter) || quarter! < 1 || quarter! > 4) throw new InputError('quarter', 'QUARTER', { zh: '季度应为 1–4', en: 'quarter must be 1–4' });
    const q = quarter!;
    const [from, to] = quarterRange(year, q);
    const [previousFrom, previousTo] = q === 1 ? quarterRange(year - 1, 4) : quarterRange(year, q - 1);
    return { kind, year, quarter: q, from, to, previousFrom, previousTo };
  }
  if (kind === 'YEAR') return { kind, year, quarter: null, from: `${year}-01-01`, to: `${year}-12-31`, previousFrom: `${year - 1}-01-01`, previousTo: `${year - 1}-12-31` };
  // year to date: 1 January to asOf (default today), clamped to the year; compared with the same span a year earlier
  let to = asOf ?? todayCn();
  if (to > `${year}-12-31`) to = `${year}-12-31`;
  if (to < `${year}-01-01`) throw new InputError('asOf', 'AS_OF_BEFORE_YEAR', { zh: '截止日期早于该年度', en: 'asOf is before the year starts' });
  const md = to.slice(5) === '02-29' ? '02-28' : to.slice(5);
  return { kind, year, quarter: null, from: `${year}-01-01`, to, previousFrom: `${year - 1}-01-01`, previousTo: `${year - 1}-${md}` };
}

// ───────────────────────── access ─────────────────────────

interface Scope {
  /** The one department the caller may see rows of (department admins), else null. */
  ownDepartmentId: string | null;
  /** Drill-down rows derived from results: published ones only. */
  publishedOnly: boolean;
}

/**
 * Who may read which part (docs/SECURITY.md): the office, analysts and partner keys with `reports:read` read every
 * figure; a department admin reads the totals and its own department (asking for another department is refused).
 * The root fields' authScopes keep everyone else out.
 */
function scopeFor(actor: Actor, departmentId: string | null | undefined): Scope {
  const role = actor.kind === 'user' ? actor.role : actor.kind === 'apiKey' ? 'PARTNER' : null;
  if (role === 'OFFICE_ADMIN') return { ownDepartmentId: null, publishedOnly: false };
  if (role === 'ANALYST' || (role === 'PARTNER' && actor.scopes.includes('reports:read'))) return { ownDepartmentId: null, publishedOnly: true };
  if (role === 'DEPARTMENT_ADMIN' && actor.departmentId) {
    if (departmentId && departmentId !== actor.departmentId)
      throw new AppError('FORBIDDEN', { zh: '只能查看本部门的通报数据', en: 'a department admin reads its own department only' }, { field: 'departmentId', reason: 'OWN_DEPARTMENT_ONLY' });
    return { ownDepartmentId: actor.departmentId, publishedOnly: false };
  }
  throw new AppError('FORBIDDEN', { zh: '无权查看通报', en: 'not allowed to read reports' }, { reason: 'SCOPE' });
}

// ───────────────────────── report ─────────────────────────

export interface ReportFigure {
  key: string;
  labelZh: string;
  labelEn: string;
  unit: FigureUnit;
  value: number | null;
  numerator: number;
  denominator: number | null;
  target: number | null;
  targetSource: string | null;
  met: boolean | null;
  previous: number | null;
  change: number | null;
}

export interface ReportResultCode {
  code: number;
  labelZh: string;
  labelEn: string;
  problem: boolean;
  count: number;
  previous: number;
  change: number;
}

export interface ReportSection {
  departmentId: string | null;
  departmentCode: string | null;
  departmentName: string | null;
  /** Whether the department led or joined a joint task of the year (null for the total). */
  hasJointTask: boolean | null;
  figures: ReportFigure[];
  resultCodes: ReportResultCode[];
}

export interface ReportDepartment {
  id: string;
  code: string;
  name: string;
}

export interface Report {
  kind: PeriodKind;
  year: number;
  quarter: number | null;
  from: Date;
  to: Date;
  previousFrom: Date;
  previousTo: Date;
  asOf: Date;
  generatedAt: Date;
  total: ReportSection;
  departments: ReportSection[];
  departmentsWithoutJointTask: ReportDepartment[];
}

const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const ratio = (n: number, d: number | null) => (d ? n / d : null);

function figure(def: FigureDef, cur: ReportRow, prev: ReportRow | undefined): ReportFigure {
  const n = def.num(cur);
  const d = def.den ? def.den(cur) : null;
  const value = def.unit === 'RATE' ? ratio(n, d) : n;
  const previous = prev ? (def.unit === 'RATE' ? ratio(def.num(prev), def.den!(prev)) : def.num(prev)) : null;
  return {
    key: def.key,
    labelZh: def.zh,
    labelEn: def.en,
    unit: def.unit,
    value,
    numerator: n,
    denominator: d,
    target: def.targetBp != null ? def.targetBp / 10_000 : null,
    targetSource: def.targetSource ?? null,
    // exact: n / d ≥ bp / 10000 ⇔ n · 10000 ≥ bp · d
    met: def.targetBp != null && d ? n * 10_000 >= def.targetBp * d : null,
    previous,
    change: value != null && previous != null ? value - previous : null,
  };
}

function section(cur: ReportRow, prev: ReportRow | undefined): ReportSection {
  const total = cur.department_id == null;
  return {
    departmentId: cur.department_id,
    departmentCode: cur.code,
    departmentName: cur.name,
    hasJointTask: total ? null : cur.no_joint === 0,
    figures: FIGURES.filter((f) => total || !f.totalOnly).map((f) => figure(f, cur, prev)),
    resultCodes: RESULT_CODES.map((c) => {
      const key = `c${c.code}` as keyof ReportRow;
      const count = cur[key] as number;
      const previous = prev ? (prev[key] as number) : 0;
      return { code: c.code, labelZh: c.zh, labelEn: c.en, problem: c.problem, count, previous, change: count - previous };
    }),
  };
}

export interface ReportArgs {
  kind: PeriodKind;
  year: number;
  quarter?: number | null;
  asOf?: Date | string | null;
  departmentId?: string | null;
  /** Evaluation date (tests); default today in China. */
  today?: string;
  /**
   * Where the record figures come from: the rollup (default, what every caller gets) or the rows (the definition;
   * the equivalence tests compare the two). Not a GraphQL argument.
   */
  source?: 'rollup' | 'rows';
}

const isoOf = (d: Date | string | null | undefined) => (d == null ? null : typeof d === 'string' ? d : d.toISOString().slice(0, 10));

export async function report(ctx: Pick<Context, 'actor'>, args: ReportArgs): Promise<Report> {
  const departmentId = args.departmentId ? requireId('departmentId', args.departmentId) : null;
  const scope = scopeFor(ctx.actor, departmentId);
  const p = periodOf(args.kind, args.year, args.quarter, isoOf(args.asOf));
  const today = args.today ?? todayCn();
  const { rows } = await db().reportRaw.query<ReportRow>(args.source === 'rows' ? REPORT_ROWS_SQL : REPORT_SQL, [p.from, p.to, p.previousFrom, p.previousTo, today]);
  const prevBy = new Map(rows.filter((r) => r.pid === 1).map((r) => [r.department_id ?? '', r] as const));
  const current = rows.filter((r) => r.pid === 0);
  const show = scope.ownDepartmentId ?? departmentId;
  const sections = current.map((r) => section(r, prevBy.get(r.department_id ?? '')));
  const total = sections.find((s) => s.departmentId == null)!;
  const departments = sections.filter((s) => s.departmentId != null && (!show || s.departmentId === show));
  if (departmentId && !departments.length) throw new InputError('departmentId', 'UNKNOWN_DEPARTMENT', { zh: '部门不存在或已停用', en: 'no such active department' });
  return {
    kind: p.kind,
    year: p.year,
    quarter: p.quarter,
    from: asDate(p.from),
    to: asDate(p.to),
    previousFrom: asDate(p.previousFrom),
    previousTo: asDate(p.previousTo),
    asOf: asDate(today),
    generatedAt: new Date(),
    total,
    departments,
    departmentsWithoutJointTask: current
      .filter((r) => r.department_id != null && r.no_joint > 0 && (!scope.ownDepartmentId || r.department_id === scope.ownDepartmentId))
      .map((r) => ({ id: r.department_id!, code: r.code!, name: r.name! })),
  };
}

// ───────────────────────── drill-down ─────────────────────────

export interface DrillDownRow {
  entity: string;
  id: string;
  taskId: string | null;
  taskCode: string | null;
  recordId: string | null;
  targetId: string | null;
  targetUscc: string | null;
  targetName: string | null;
  departmentId: string | null;
  departmentCode: string | null;
  checkItemId: string | null;
  checkItemCode: string | null;
  code: number | null;
  date: Date | null;
  inNumerator: boolean;
}

export interface DrillDownPage {
  figure: string;
  nodes: DrillDownRow[];
  /** Rows matching the request (all, or only the numerator's). */
  totalCount: number;
  numeratorCount: number;
  denominatorCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: null; endCursor: null };
}

export interface DrillDownArgs extends ReportArgs {
  figure: string;
  onlyNumerator?: boolean | null;
  page?: number | null;
  perPage?: number | null;
}

export async function drillDown(ctx: Pick<Context, 'actor'>, args: DrillDownArgs): Promise<DrillDownPage> {
  const departmentId = args.departmentId ? requireId('departmentId', args.departmentId) : null;
  const role = ctx.actor.kind === 'user' ? ctx.actor.role : null;
  // row-level data: partner keys have no task or record rows (docs/SECURITY.md)
  if (role !== 'OFFICE_ADMIN' && role !== 'ANALYST' && role !== 'DEPARTMENT_ADMIN')
    throw new AppError('FORBIDDEN', { zh: '无权查看明细', en: 'not allowed to read report rows' }, { field: 'reportDrillDown', reason: 'ROWS' });
  const scope = scopeFor(ctx.actor, departmentId);
  let source;
  let numerator;
  let filter: string | null = null;
  const code = RESULT_CODE_KEY.exec(args.figure);
  if (code) {
    source = 'results' as const;
    numerator = 'true';
    filter = `x.code = ${Number(code[1])}`;
  } else {
    const def = FIGURE_BY_KEY.get(args.figure);
    if (!def) throw new InputError('figure', 'UNKNOWN_FIGURE', { zh: `未知指标 ${args.figure}`, en: `unknown figure ${args.figure}` });
    ({ source, numerator } = def.drill);
    filter = def.drill.filter ?? null;
  }
  const perPage = args.perPage ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PAGE_SIZE)
    throw new InputError('perPage', 'PAGE_SIZE', { zh: `每页条数应在 1 到 ${MAX_PAGE_SIZE} 之间`, en: `page size must be between 1 and ${MAX_PAGE_SIZE}` });
  const page = args.page ?? 1;
  if (!Number.isInteger(page) || page < 1) throw new InputError('page', 'PAGE', { zh: '页码应从 1 开始', en: 'page starts at 1' });
  const p = periodOf(args.kind, args.year, args.quarter, isoOf(args.asOf));
  const today = args.today ?? todayCn();
  const dept = scope.ownDepartmentId ?? departmentId;
  const sql = drillDownSql(source, numerator, filter, scope.publishedOnly);
  const { rows } = await db().reportRaw.query<Record<string, any>>(sql, [p.from, p.to, null, null, today, dept, perPage, (page - 1) * perPage, !!args.onlyNumerator]);
  const head = rows[0] ?? { total: 0, numerator_total: 0, denominator_total: 0 };
  const nodes = rows
    .filter((r) => r.entity != null)
    .map((r) => ({
      entity: r.entity,
      id: r.id,
      taskId: r.task_id,
      taskCode: r.task_code,
      recordId: r.record_id,
      targetId: r.target_id,
      targetUscc: r.target_uscc,
      targetName: r.target_name,
      departmentId: r.department_id,
      departmentCode: r.department_code,
      checkItemId: r.check_item_id,
      checkItemCode: r.check_item_code,
      code: r.code,
      date: r.on_date ? asDate(r.on_date) : null,
      inNumerator: r.in_num,
    }));
  return {
    figure: args.figure,
    nodes,
    totalCount: head.total,
    numeratorCount: head.numerator_total,
    denominatorCount: head.denominator_total,
    pageInfo: { hasNextPage: page * perPage < head.total, hasPreviousPage: page > 1, startCursor: null, endCursor: null },
  };
}
