// The figures of the quarterly report (季度通报): key, labels, how each is read from a report row, its target from
// the seed documents, and the rows a drill-down lists. docs/REPORTS.md explains each one with recomputing SQL.
import type { DrillSource, ReportRow } from './report.sql.ts';

export type FigureUnit = 'COUNT' | 'RATE';

export interface FigureDef {
  key: string;
  zh: string;
  en: string;
  unit: FigureUnit;
  num: (r: ReportRow) => number;
  /** Rates only. */
  den?: (r: ReportRow) => number;
  /** Target as basis points of a rate (value ≥ target is met). */
  targetBp?: number;
  /** Which seed document sets the target. */
  targetSource?: string;
  /** Shown for the total only (department rows leave it out). */
  totalOnly?: boolean;
  drill: { source: DrillSource; numerator: string; filter?: string };
}

export const FIGURES: FigureDef[] = [
  { key: 'tasks', zh: '抽查任务数', en: 'Tasks', unit: 'COUNT', num: (r) => r.tasks, drill: { source: 'tasks', numerator: 'true', filter: 'k.counted' } },
  { key: 'tasksLed', zh: '牵头任务数', en: 'Tasks led', unit: 'COUNT', num: (r) => r.led, drill: { source: 'participations', numerator: 'true', filter: "k.counted and x.role = 'LEAD'" } },
  { key: 'tasksJoined', zh: '参与任务数', en: 'Tasks joined', unit: 'COUNT', num: (r) => r.joined, drill: { source: 'participations', numerator: 'true', filter: "k.counted and x.role = 'PARTICIPANT'" } },
  { key: 'tasksCompleted', zh: '已完成任务数', en: 'Tasks completed', unit: 'COUNT', num: (r) => r.completed, drill: { source: 'tasks', numerator: 'true', filter: 'k.counted and k.completed' } },
  { key: 'tasksCompletedOnTime', zh: '按时完成任务数', en: 'Tasks completed on time', unit: 'COUNT', num: (r) => r.on_time, drill: { source: 'tasks', numerator: 'true', filter: 'k.counted and k.on_time' } },
  {
    key: 'onTimeCompletionRate', zh: '到期任务按时完成率', en: 'On-time completion rate (due tasks)', unit: 'RATE', num: (r) => r.on_time, den: (r) => r.due,
    targetBp: 10_000, targetSource: '004', drill: { source: 'tasks', numerator: 'k.on_time', filter: 'k.counted and k.due' },
  },
  {
    key: 'jointInspectionRate', zh: '跨部门联合抽查率', en: 'Joint-inspection rate', unit: 'RATE', num: (r) => r.joint, den: (r) => r.tasks,
    targetBp: 8_000, targetSource: '003', drill: { source: 'tasks', numerator: 'k.joint', filter: 'k.counted' },
  },
  { key: 'tasksCancelled', zh: '已取消任务数', en: 'Tasks cancelled', unit: 'COUNT', num: (r) => r.cancelled, drill: { source: 'tasks', numerator: 'true', filter: "k.status = 'CANCELLED'" } },
  { key: 'targetsInspected', zh: '检查对象户次', en: 'Targets inspected (records)', unit: 'COUNT', num: (r) => r.records, drill: { source: 'records', numerator: 'true' } },
  {
    key: 'problemRate', zh: '问题发现率', en: 'Problem rate', unit: 'RATE', num: (r) => r.problem_records, den: (r) => r.records,
    drill: { source: 'records', numerator: 'x.problem' },
  },
  {
    key: 'publicationRate', zh: '检查结果公示率', en: 'Publication rate', unit: 'RATE', num: (r) => r.published, den: (r) => r.pairs_due,
    targetBp: 10_000, targetSource: '004', drill: { source: 'pairs', numerator: 'x.published', filter: 'x.due' },
  },
  {
    key: 'onTimePublicationRate', zh: '按时公示率', en: 'On-time publication rate', unit: 'RATE', num: (r) => r.published_on_time, den: (r) => r.published,
    targetBp: 10_000, targetSource: '001/004', drill: { source: 'pairs', numerator: 'x.on_time', filter: 'x.published' },
  },
  { key: 'corrections', zh: '更正数', en: 'Corrections approved', unit: 'COUNT', num: (r) => r.corrections, drill: { source: 'corrections', numerator: 'true' } },
  { key: 'followUpsOpened', zh: '新增后续处置', en: 'Follow-ups opened', unit: 'COUNT', num: (r) => r.fu_opened, drill: { source: 'followUps', numerator: 'true', filter: 'x.opened' } },
  { key: 'followUpsClosed', zh: '办结后续处置', en: 'Follow-ups closed', unit: 'COUNT', num: (r) => r.fu_closed, drill: { source: 'followUps', numerator: 'true', filter: 'x.closed' } },
  { key: 'followUpsOverdue', zh: '逾期未办结后续处置', en: 'Follow-ups overdue', unit: 'COUNT', num: (r) => r.fu_overdue, drill: { source: 'followUps', numerator: 'true', filter: 'x.overdue' } },
  {
    key: 'followUpDisposalRate', zh: '发现问题后续处置率', en: 'Follow-up disposal rate', unit: 'RATE', num: (r) => r.fu_disposed, den: (r) => r.fu_due,
    targetBp: 10_000, targetSource: '004', drill: { source: 'followUps', numerator: 'x.closed_by_cutoff', filter: 'x.due_in_period' },
  },
  {
    key: 'creditClassAppliedRate', zh: '信用风险分类结果应用率', en: 'Credit-risk class applied rate', unit: 'RATE', num: (r) => r.stratified, den: (r) => r.draws,
    targetBp: 9_000, targetSource: '004', drill: { source: 'draws', numerator: 'x.stratified' },
  },
  {
    key: 'itemCoverageRate', zh: '抽查事项覆盖率', en: 'Check-item coverage', unit: 'RATE', num: (r) => r.items_used, den: (r) => r.items,
    targetBp: 10_000, targetSource: '004', drill: { source: 'items', numerator: 'x.used' },
  },
  {
    key: 'departmentsWithoutJointTask', zh: '未发起或参与联合抽查的部门数', en: 'Departments without a joint task', unit: 'COUNT', num: (r) => r.no_joint,
    totalOnly: true, drill: { source: 'departments', numerator: 'true' },
  },
];

export const FIGURE_BY_KEY = new Map(FIGURES.map((f) => [f.key, f] as const));

/** Result codes (000 record form): labels and whether the code is a problem found. */
export const RESULT_CODES: { code: number; zh: string; en: string; problem: boolean }[] = [
  { code: 1, zh: '未发现问题', en: 'No problem found', problem: false },
  { code: 2, zh: '未按规定公示应当公示的信息', en: 'Failed to publish required information', problem: true },
  { code: 3, zh: '公示信息隐瞒真实情况弄虚作假', en: 'Published information is false', problem: true },
  { code: 4, zh: '通过登记的住所（经营场所）无法取得联系', en: 'Unreachable at registered address', problem: false },
  { code: 5, zh: '发现问题已责令整改', en: 'Problem found, rectification ordered', problem: true },
  { code: 6, zh: '不配合检查情节严重', en: 'Serious refusal to cooperate', problem: true },
  { code: 7, zh: '未发现本次抽查涉及的经营活动', en: 'No business activity in scope found', problem: false },
  { code: 8, zh: '发现问题待后续处理', en: 'Problem found, pending follow-up', problem: true },
  { code: 9, zh: '合格', en: 'Compliant', problem: false },
  { code: 10, zh: '不合格', en: 'Non-compliant', problem: true },
];

/** Drill-down key of a result code's count: `resultCode5`. */
export const RESULT_CODE_KEY = /^resultCode(10|[1-9])$/;
