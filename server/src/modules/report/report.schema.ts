// Quarterly / annual / year-to-date report (季度通报) and its drill-down: types and root fields (thin resolvers; the
// figures are defined in report.figures.ts / report.sql.ts and documented in docs/REPORTS.md).
import { builder } from '../../builder.ts';
import { PageInfo } from '../../shared/pagination.ts';
import * as reports from './report.service.ts';

const ReportPeriodKind = builder.enumType('ReportPeriodKind', {
  description: '通报期间 / Report period',
  values: {
    QUARTER: { description: '季度（与上一季度比较）' },
    YEAR: { description: '年度（与上一年度比较）' },
    YEAR_TO_DATE: { description: '年初至今（与上年同期比较）' },
  } as const,
});

const ReportUnit = builder.enumType('ReportUnit', {
  description: '指标单位 / Unit of a figure',
  values: { COUNT: { description: '数量' }, RATE: { description: '比率（0–1）' } } as const,
});

const ReportFigure = builder.objectRef<reports.ReportFigure>('ReportFigure').implement({
  description: '通报指标 / One figure of the report (definitions: docs/REPORTS.md)',
  fields: (t) => ({
    key: t.exposeString('key', { description: '指标键（用于明细查询）/ Stable key, also the drill-down figure' }),
    labelZh: t.exposeString('labelZh'),
    labelEn: t.exposeString('labelEn'),
    unit: t.expose('unit', { type: ReportUnit }),
    value: t.exposeFloat('value', { nullable: true, description: '数量，或比率 = 分子 ÷ 分母（分母为 0 时为空）/ Count, or numerator ÷ denominator (null when the denominator is 0)' }),
    numerator: t.exposeInt('numerator'),
    denominator: t.exposeInt('denominator', { nullable: true }),
    target: t.exposeFloat('target', { nullable: true, description: '目标值（比率）/ Target rate from the seed documents' }),
    targetSource: t.exposeString('targetSource', { nullable: true, description: '目标出处（种子文件编号）/ Seed document setting the target' }),
    met: t.exposeBoolean('met', { nullable: true, description: '是否达标 / Target met (null: no target or no denominator)' }),
    previous: t.exposeFloat('previous', { nullable: true, description: '上一期数值 / Value in the previous period' }),
    change: t.exposeFloat('change', { nullable: true, description: '较上一期变化 / value − previous' }),
  }),
});

const ReportResultCode = builder.objectRef<reports.ReportResultCode>('ReportResultCode').implement({
  description: '按检查结果代码统计的事项结果数（更正后）/ Item results by (corrected) result code',
  fields: (t) => ({
    code: t.exposeInt('code'),
    labelZh: t.exposeString('labelZh'),
    labelEn: t.exposeString('labelEn'),
    problem: t.exposeBoolean('problem', { description: '是否计为发现问题 / Counts as a problem found' }),
    count: t.exposeInt('count'),
    previous: t.exposeInt('previous'),
    change: t.exposeInt('change'),
  }),
});

const ReportSection = builder.objectRef<reports.ReportSection>('ReportSection').implement({
  description: '通报的一部分：合计或一个部门 / The total or one department',
  fields: (t) => ({
    departmentId: t.exposeID('departmentId', { nullable: true, description: '为空表示合计 / null for the total' }),
    departmentCode: t.exposeString('departmentCode', { nullable: true }),
    departmentName: t.exposeString('departmentName', { nullable: true }),
    hasJointTask: t.exposeBoolean('hasJointTask', { nullable: true, description: '本年度已牵头或参与联合抽查 / Led or joined a joint task this year' }),
    figures: t.field({ type: [ReportFigure], resolve: (s) => s.figures }),
    figure: t.field({
      type: ReportFigure,
      nullable: true,
      args: { key: t.arg.string({ required: true }) },
      resolve: (s, a) => s.figures.find((f) => f.key === a.key) ?? null,
    }),
    resultCodes: t.field({ type: [ReportResultCode], resolve: (s) => s.resultCodes }),
  }),
});

const ReportDepartment = builder.objectRef<reports.ReportDepartment>('ReportDepartment').implement({
  fields: (t) => ({ id: t.exposeID('id'), code: t.exposeString('code'), name: t.exposeString('name') }),
});

const Report = builder.objectRef<reports.Report>('Report').implement({
  description: '联席会议办公室通报（季度 / 年度 / 年初至今）/ The office\'s report for a period',
  fields: (t) => ({
    kind: t.expose('kind', { type: ReportPeriodKind }),
    year: t.exposeInt('year'),
    quarter: t.exposeInt('quarter', { nullable: true }),
    from: t.expose('from', { type: 'Date' }),
    to: t.expose('to', { type: 'Date' }),
    previousFrom: t.expose('previousFrom', { type: 'Date' }),
    previousTo: t.expose('previousTo', { type: 'Date' }),
    asOf: t.expose('asOf', { type: 'Date', description: '评价日期：此前已过期限的计为到期 / Deadlines before this date are due' }),
    generatedAt: t.expose('generatedAt', { type: 'DateTime' }),
    total: t.field({ type: ReportSection, resolve: (r) => r.total }),
    departments: t.field({ type: [ReportSection], resolve: (r) => r.departments }),
    departmentsWithoutJointTask: t.field({
      type: [ReportDepartment],
      description: '本年度未发起或参与联合抽查的部门 / Departments that have neither led nor joined a joint task this year',
      resolve: (r) => r.departmentsWithoutJointTask,
    }),
  }),
});

const reportScopes = { office: true, analyst: true, departmentAdmin: true, partner: 'reports:read' } as const;

builder.queryField('quarterlyReport', (t) =>
  t.field({
    type: Report,
    description: '季度通报（与上一季度比较）/ Quarterly report, compared with the previous quarter',
    authScopes: reportScopes,
    args: { year: t.arg.int({ required: true }), quarter: t.arg.int({ required: true }), departmentId: t.arg.id({ required: false }) },
    resolve: (_r, a, ctx) => reports.report(ctx, { kind: 'QUARTER', year: a.year, quarter: a.quarter, departmentId: a.departmentId }),
  }),
);

builder.queryField('annualReport', (t) =>
  t.field({
    type: Report,
    description: '年度通报（与上一年度比较）/ Annual report, compared with the previous year',
    authScopes: reportScopes,
    args: { year: t.arg.int({ required: true }), departmentId: t.arg.id({ required: false }) },
    resolve: (_r, a, ctx) => reports.report(ctx, { kind: 'YEAR', year: a.year, departmentId: a.departmentId }),
  }),
);

builder.queryField('yearToDateReport', (t) =>
  t.field({
    type: Report,
    description: '年初至今通报（与上年同期比较）/ Year to date (1 January to asOf, default today), compared with the same span last year',
    authScopes: reportScopes,
    args: { year: t.arg.int({ required: true }), asOf: t.arg({ type: 'Date', required: false }), departmentId: t.arg.id({ required: false }) },
    resolve: (_r, a, ctx) => reports.report(ctx, { kind: 'YEAR_TO_DATE', year: a.year, asOf: a.asOf, departmentId: a.departmentId }),
  }),
);

const ReportDrillDownRow = builder.objectRef<reports.DrillDownRow>('ReportDrillDownRow').implement({
  description: '指标明细行：任务、记录表、公示、事项结果、更正、后续处置、摇号、事项或部门 / A row behind a figure',
  fields: (t) => ({
    entity: t.exposeString('entity', { description: 'Task | InspectionRecord | Publication | ItemResult | Correction | FollowUp | Draw | CheckItem | Department' }),
    id: t.exposeID('id', { nullable: true, description: '该实体的 id（未公示的“公示”行为空）/ The entity id (null for an unpublished publication row)' }),
    taskId: t.exposeID('taskId', { nullable: true }),
    taskCode: t.exposeString('taskCode', { nullable: true }),
    recordId: t.exposeID('recordId', { nullable: true }),
    targetId: t.exposeID('targetId', { nullable: true }),
    targetUscc: t.exposeString('targetUscc', { nullable: true }),
    targetName: t.exposeString('targetName', { nullable: true }),
    departmentId: t.exposeID('departmentId', { nullable: true }),
    departmentCode: t.exposeString('departmentCode', { nullable: true }),
    checkItemId: t.exposeID('checkItemId', { nullable: true }),
    checkItemCode: t.exposeString('checkItemCode', { nullable: true }),
    code: t.exposeInt('code', { nullable: true, description: '结果代码（更正后）/ Result code (corrected)' }),
    date: t.expose('date', { type: 'Date', nullable: true }),
    inNumerator: t.exposeBoolean('inNumerator', { description: '计入分子 / Counted in the numerator' }),
  }),
});

const ReportDrillDownPage = builder.objectRef<reports.DrillDownPage>('ReportDrillDownPage').implement({
  fields: (t) => ({
    figure: t.exposeString('figure'),
    nodes: t.field({ type: [ReportDrillDownRow], resolve: (p) => p.nodes }),
    totalCount: t.exposeInt('totalCount'),
    numeratorCount: t.exposeInt('numeratorCount'),
    denominatorCount: t.exposeInt('denominatorCount'),
    pageInfo: t.field({ type: PageInfo, resolve: (p) => p.pageInfo }),
  }),
});

builder.queryField('reportDrillDown', (t) =>
  t.field({
    type: ReportDrillDownPage,
    description:
      '指标明细：某一指标背后的任务 / 记录 / 结果等（分页）。figure 为指标键，或 resultCode1…resultCode10 / The rows behind one figure (paged); figure is a figure key or resultCode1…10',
    authScopes: { office: true, analyst: true, departmentAdmin: true },
    args: {
      figure: t.arg.string({ required: true }),
      period: t.arg({ type: ReportPeriodKind, required: false, description: '默认：给出 quarter 时为 QUARTER，否则 YEAR' }),
      year: t.arg.int({ required: true }),
      quarter: t.arg.int({ required: false }),
      asOf: t.arg({ type: 'Date', required: false }),
      departmentId: t.arg.id({ required: false }),
      onlyNumerator: t.arg.boolean({ required: false }),
      page: t.arg.int({ required: false }),
      perPage: t.arg.int({ required: false }),
    },
    resolve: (_r, a, ctx) =>
      reports.drillDown(ctx, {
        figure: a.figure,
        kind: a.period ?? (a.quarter != null ? 'QUARTER' : 'YEAR'),
        year: a.year,
        quarter: a.quarter,
        asOf: a.asOf,
        departmentId: a.departmentId,
        onlyNumerator: a.onlyNumerator,
        page: a.page,
        perPage: a.perPage,
      }),
  }),
);
