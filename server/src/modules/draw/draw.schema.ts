// Draws (摇号): target draws and inspector matches, their selected targets and teams; read API.
// The server seed stays secret until the draw is revealed (commit-reveal, docs/DRAW.md).
import { builder } from '../../builder.ts';
import { DrawKind, DrawStatus, TeamRole } from '../../shared/enums.ts';
import { and, eq, idEq, idsIn, oneOf } from '../../shared/filters.ts';
import { defineListQueries, MAX_PAGE_SIZE } from '../../shared/pagination.ts';
import { InputError } from '../../shared/errors.ts';

export const DrawTarget = builder.prismaObject('DrawTarget', {
  description: '摇号抽中的检查对象 / A target selected by a draw, with its stratum, rank and ticket',
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
