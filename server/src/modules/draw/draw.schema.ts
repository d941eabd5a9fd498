// Draws (摇号): target draws and inspector matches, their selected targets and teams; the draw workflow
// (commit → reveal → lock, or void), evidence for independent verification, and the stratification KPI.
// The server seed stays secret until the draw is revealed (commit-reveal, docs/DRAW.md). Resolvers are thin: the
// rules live in draw.service.ts.
import { builder } from '../../builder.ts';
import { prisma } from '../../db/database.ts';
import { DrawKind, DrawStatus, TeamRole } from '../../shared/enums.ts';
import { and, eq, idEq, idsIn, oneOf } from '../../shared/filters.ts';
import { defineListQueries, MAX_PAGE_SIZE, requireId } from '../../shared/pagination.ts';
import { InputError } from '../../shared/errors.ts';
import * as draws from './draw.service.ts';

export const DrawTarget = builder.prismaObject('DrawTarget', {
  description: '摇号抽中的检查对象 / A target selected by a draw, with its stratum, rank and ticket',
  // Select mode: only the columns the query asks for (docs/BENCHMARKS.md, "Peer comparison"); the key stays loaded.
  select: { drawId: true, targetId: true },
  fields: (t) => ({
    uscc: t.exposeString('uscc'),
    stratum: t.exposeString('stratum', { description: '分层：A–D 或 ALL' }),
    rank: t.exposeInt('rank', { description: '层内名次（从 1 起）' }),
    ticket: t.exposeString('ticket', { description: 'SHA-256(seed + ":" + USCC)' }),
    year: t.exposeInt('year'),
    target: t.relation('target'),
  }),
});

export const InspectorAssignment = builder.prismaObject('InspectorAssignment', {
  description: '随机匹配的执法检查人员 / An inspector matched to a target (a seat in its team)',
  fields: (t) => ({
    id: t.exposeID('id'),
    role: t.expose('role', { type: TeamRole }),
    ticket: t.exposeString('ticket'),
    draw: t.relation('draw'),
    task: t.relation('task'),
    target: t.relation('target'),
    inspector: t.relation('inspector'),
    department: t.relation('department'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const revealed = (d: { status: string }) => d.status === 'REVEALED' || d.status === 'LOCKED' || d.status === 'VOIDED';

export const Draw = builder.prismaObject('Draw', {
  description: '摇号 / A verifiable random draw (sha256-rank-v1): commitment first, public input, then reveal and lock',
  // Select mode: the candidate snapshot (megabytes for a large draw) is read only by drawEvidence, never here.
  select: { id: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: DrawKind }),
    algorithm: t.exposeString('algorithm'),
    status: t.expose('status', { type: DrawStatus }),
    stratified: t.exposeBoolean('stratified', { description: '是否按信用风险分类分层 / Whether risk classes were applied' }),
    params: t.exposeString('params', { description: '规范化 JSON 参数 / Canonical JSON parameters' }),
    candidateCount: t.exposeInt('candidateCount'),
    candidateHash: t.exposeString('candidateHash'),
    commitment: t.exposeString('commitment', { description: 'SHA-256(serverSeed)' }),
    serverSeed: t.string({
      nullable: true,
      description: '服务器种子（揭示后公开）/ Server seed, published only after reveal',
      select: { serverSeed: true, status: true, seed: true },
      resolve: (d) => (revealed(d) && d.seed ? d.serverSeed : null),
    }),
    publicInputSource: t.exposeString('publicInputSource'),
    publicInput: t.exposeString('publicInput', { nullable: true }),
    seed: t.exposeString('seed', { nullable: true }),
    resultHash: t.exposeString('resultHash', { nullable: true }),
    selectedCount: t.exposeInt('selectedCount', { nullable: true }),
    voidReason: t.exposeString('voidReason', { nullable: true }),
    committedAt: t.expose('committedAt', { type: 'DateTime' }),
    revealedAt: t.expose('revealedAt', { type: 'DateTime', nullable: true }),
    lockedAt: t.expose('lockedAt', { type: 'DateTime', nullable: true }),
    voidedAt: t.expose('voidedAt', { type: 'DateTime', nullable: true }),
    task: t.relation('task'),
    targetDraw: t.relation('targetDraw', { nullable: true }),
    targets: t.relation('targets', {
      description: `抽中的检查对象（分层、名次顺序；每次至多 ${MAX_PAGE_SIZE} 条）/ Selected targets by stratum and rank`,
      args: {
        first: t.arg.int({ required: false, defaultValue: MAX_PAGE_SIZE }),
        offset: t.arg.int({ required: false, defaultValue: 0 }),
      },
      query: (args) => {
        if (args.first! < 1 || args.first! > MAX_PAGE_SIZE)
          throw new InputError('first', 'PAGE_SIZE', { zh: `条数应在 1 到 ${MAX_PAGE_SIZE} 之间`, en: `first must be 1..${MAX_PAGE_SIZE}` });
        return { orderBy: [{ stratum: 'asc' }, { rank: 'asc' }], take: args.first!, skip: Math.max(0, args.offset!) };
      },
    }),
    targetCount: t.relationCount('targets'),
    assignments: t.relation('assignments', {
      args: { first: t.arg.int({ required: false, defaultValue: MAX_PAGE_SIZE }), offset: t.arg.int({ required: false, defaultValue: 0 }) },
      query: (args) => ({ orderBy: [{ targetId: 'asc' }, { role: 'asc' }], take: Math.min(MAX_PAGE_SIZE, args.first!), skip: Math.max(0, args.offset!) }),
    }),
  }),
});

const DrawFilter = builder.inputType('DrawFilter', {
  fields: (t) => ({
    ids: t.idList({ required: false }),
    taskId: t.id({ required: false }),
    kind: t.field({ type: DrawKind, required: false }),
    status: t.field({ type: [DrawStatus], required: false }),
    stratified: t.boolean({ required: false }),
  }),
});

defineListQueries<typeof DrawFilter.$inferInput>({
  model: 'Draw',
  authScopes: { reader: true, partner: 'results:read' },
  name: 'Draw',
  label: '摇号',
  plural: 'draws',
  singular: 'draw',
  description: '摇号',
  ref: Draw,
  filter: DrawFilter,
  where: (f) => and(idsIn(f?.ids), idEq('taskId', f?.taskId), eq('kind', f?.kind), oneOf('status', f?.status), eq('stratified', f?.stratified)),
  sortFields: ['committedAt', 'revealedAt', 'lockedAt'],
  defaultSort: [{ committedAt: 'desc' }],
});

const InspectorAssignmentFilter = builder.inputType('InspectorAssignmentFilter', {
  fields: (t) => ({
    ids: t.idList({ required: false }),
    taskId: t.id({ required: false }),
    drawId: t.id({ required: false }),
    targetId: t.id({ required: false }),
    inspectorId: t.id({ required: false }),
    departmentId: t.id({ required: false }),
  }),
});

defineListQueries<typeof InspectorAssignmentFilter.$inferInput>({
  model: 'InspectorAssignment',
  authScopes: { reader: true },
  name: 'InspectorAssignment',
  label: '检查人员匹配',
  plural: 'inspectorAssignments',
  singular: 'inspectorAssignment',
  description: '检查人员匹配',
  ref: InspectorAssignment,
  filter: InspectorAssignmentFilter,
  where: (f) =>
    and(
      idsIn(f?.ids),
      idEq('taskId', f?.taskId),
      idEq('drawId', f?.drawId),
      idEq('targetId', f?.targetId),
      idEq('inspectorId', f?.inspectorId),
      idEq('departmentId', f?.departmentId),
    ),
  sortFields: ['createdAt'],
  defaultSort: [{ createdAt: 'desc' }],
});

// ───────────────────────── the draw workflow ─────────────────────────

const DrawStratum = builder.enumType('DrawStratum', {
  description: '摇号分层：信用风险分类 A–D，或不分层 ALL / A draw stratum: risk class A–D, or ALL when unstratified',
  values: { A: { description: '低风险' }, B: { description: '一般风险' }, C: { description: '较高风险' }, D: { description: '高风险' }, ALL: { description: '不分层' } } as const,
});

const StratumCountInput = builder.inputType('StratumCountInput', {
  description: '某一分层的抽取数量（代替比例）/ An explicit sample size for one stratum (instead of its ratio)',
  fields: (t) => ({
    stratum: t.field({ type: DrawStratum, required: true }),
    count: t.int({ required: true }),
  }),
});

const DrawWarning = builder.objectRef<draws.DrawWarning>('DrawWarning').implement({
  description: '摇号提示（不阻止摇号）/ A warning that did not stop the draw',
  fields: (t) => ({ code: t.exposeString('code'), message: t.exposeString('message') }),
});

const DrawCommitResult = builder.objectRef<{ drawId: string; warnings: draws.DrawWarning[] }>('DrawCommitResult').implement({
  description: '已承诺的摇号与提示 / The committed draw and any warnings',
  fields: (t) => ({
    draw: t.prismaField({ type: 'Draw', resolve: (query, r) => prisma().draw.findUniqueOrThrow({ ...query, where: { id: r.drawId } }) }),
    warnings: t.field({ type: [DrawWarning], resolve: (r) => r.warnings }),
  }),
});

builder.mutationField('commitTargetDraw', (t) =>
  t.field({
    type: DrawCommitResult,
    description:
      '承诺对象摇号：固定候选清单、参数与 commitment = SHA-256(serverSeed)，并指定公开输入来源；任务须为“待摇号”。' +
      ' / Commit a target draw: fixes the candidates, parameters and commitment, and names the public input source (task READY)',
    authScopes: { office: true, departmentAdmin: true },
    args: {
      taskId: t.arg.id({ required: true }),
      publicInputSource: t.arg.string({ required: true, description: '事先约定的公开输入来源 / Where the public input will come from' }),
      stratified: t.arg.boolean({ required: false, description: '按信用风险分类分层（默认按任务设置）/ Stratify by risk class (default: the task setting)' }),
      counts: t.arg({ type: [StratumCountInput], required: false, description: '按数量抽取的分层 / Strata drawn by count' }),
      ratioBp: t.arg.int({ required: false, description: '不分层时的比例（默认任务 B 类比例）/ Ratio of an unstratified draw' }),
    },
    resolve: (_r, args, ctx) =>
      draws.commitTargetDraw(ctx, {
        taskId: requireId('taskId', String(args.taskId)),
        publicInputSource: args.publicInputSource,
        stratified: args.stratified,
        counts: args.counts?.map((c) => ({ stratum: c.stratum, count: c.count })),
        ratioBp: args.ratioBp,
      }),
  }),
);

builder.mutationField('commitInspectorDraw', (t) =>
  t.field({
    type: DrawCommitResult,
    description:
      '承诺检查人员摇号（对象摇号锁定后）：固定检查对象、可用人员与回避清单、各部门名额，并指定公开输入来源。' +
      ' / Commit the inspector draw after the target draw is locked (task DRAWN)',
    authScopes: { office: true, departmentAdmin: true },
    args: {
      taskId: t.arg.id({ required: true }),
      publicInputSource: t.arg.string({ required: true }),
    },
    resolve: (_r, args, ctx) => draws.commitInspectorDraw(ctx, { taskId: requireId('taskId', String(args.taskId)), publicInputSource: args.publicInputSource }),
  }),
);

builder.mutationField('revealDraw', (t) =>
  t.prismaField({
    type: 'Draw',
    description: '揭示：输入公开输入，计算 seed 与结果 / Reveal: enter the public input; seed and result are computed and published',
    authScopes: { office: true, departmentAdmin: true },
    args: { drawId: t.arg.id({ required: true }), publicInput: t.arg.string({ required: true }) },
    resolve: async (query, _r, args, ctx) => {
      const id = requireId('drawId', String(args.drawId));
      await draws.revealDraw(ctx, id, args.publicInput);
      return prisma().draw.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

builder.mutationField('lockDraw', (t) =>
  t.prismaField({
    type: 'Draw',
    description: '锁定并派发（不可再改）/ Lock the draw and dispatch it to every participating department',
    authScopes: { office: true, departmentAdmin: true },
    args: { drawId: t.arg.id({ required: true }) },
    resolve: async (query, _r, args, ctx) => {
      const id = requireId('drawId', String(args.drawId));
      await draws.lockDraw(ctx, id);
      return prisma().draw.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

builder.mutationField('voidDraw', (t) =>
  t.prismaField({
    type: 'Draw',
    description: '作废（仅限锁定前，须说明理由；作废记录保留可查）/ Void a draw before lock, with a reason; it stays visible',
    authScopes: { office: true, departmentAdmin: true },
    args: { drawId: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: async (query, _r, args, ctx) => {
      const id = requireId('drawId', String(args.drawId));
      await draws.voidDraw(ctx, id, args.reason);
      return prisma().draw.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

builder.queryField('drawEvidence', (t) =>
  t.field({
    type: 'JSON',
    description:
      '摇号证据（JSON）：候选清单、参数、承诺、揭示后的服务器种子与公开输入、结果与哈希；用 pnpm verify-draw 独立验证。' +
      ' / Everything needed to recompute the draw; verify it with `pnpm verify-draw evidence.json`',
    authScopes: { reader: true, partner: 'results:read' },
    args: { drawId: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => draws.drawEvidence(ctx, requireId('drawId', String(args.drawId))),
  }),
);

const DrawStratificationRate = builder.objectRef<{ year: number; lockedTargetDraws: number; stratifiedDraws: number; rateBp: number | null }>('DrawStratificationRate').implement({
  description: '信用风险分类结果应用率 / Share of locked target draws that applied credit risk classes',
  fields: (t) => ({
    year: t.exposeInt('year'),
    lockedTargetDraws: t.exposeInt('lockedTargetDraws', { description: '已锁定的对象摇号数' }),
    stratifiedDraws: t.exposeInt('stratifiedDraws', { description: '其中按风险分类分层的' }),
    rateBp: t.exposeInt('rateBp', { nullable: true, description: '应用率（基点；目标 ≥ 9000）/ Rate in basis points (target ≥ 9000)' }),
  }),
});

builder.queryField('drawStratificationRate', (t) =>
  t.field({
    type: DrawStratificationRate,
    description: '年度信用风险分类应用率（按任务年度）/ The year\'s credit-risk-class application rate over locked target draws',
    authScopes: { reader: true, partner: 'reports:read' },
    args: { year: t.arg.int({ required: true }) },
    resolve: (_r, args, ctx) => draws.drawStratificationRate(ctx, args.year),
  }),
);
