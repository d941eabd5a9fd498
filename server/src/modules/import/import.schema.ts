// Bulk imports (批量导入): the `File` upload scalar, import jobs with progress and row errors, the error report,
// and the importTargets / importInspectors mutations (GraphQL multipart request spec: operations + map + file).
import { GraphQLError, Kind } from 'graphql';
import { builder } from '../../builder.ts';
import { prisma } from '../../db/database.ts';
import { and, eq, idEq, idsIn, oneOf } from '../../shared/filters.ts';
import { defineListQueries, findById, requireId } from '../../shared/pagination.ts';
import { IMPORT_LIMITS } from './import.limits.ts';
import * as imports from './import.service.ts';

builder.scalarType('File', {
  description:
    '上传的文件（GraphQL multipart 请求：operations、map 与文件部分；请求头须带 x-graphql-yoga-csrf）/ An uploaded file (GraphQL multipart request spec; send the x-graphql-yoga-csrf header)',
  serialize: () => {
    throw new GraphQLError('File is an input type only');
  },
  parseValue: (v) => v,
  // A literal cannot carry a file; accept it so the resolver can refuse it with a typed error (FILE_REQUIRED).
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? ast.value : null),
});

const ImportKind = builder.enumType('ImportKind', {
  description: '导入类型 / What an import job loads',
  values: { TARGETS: { description: '检查对象' }, INSPECTORS: { description: '执法检查人员' } } as const,
});

const ImportStatus = builder.enumType('ImportStatus', {
  description: '导入状态 / Import job status',
  values: {
    PENDING: { description: '等待' },
    RUNNING: { description: '进行中' },
    SUCCEEDED: { description: '全部成功' },
    PARTIAL: { description: '部分成功（错误行未导入）' },
    FAILED: { description: '失败（未写入或文件不可用）' },
  } as const,
});

builder.prismaObject('ImportRowError', {
  description: '导入的逐行错误 / One problem with one row of an import (row 0: the file as a whole)',
  fields: (t) => ({
    rowNumber: t.exposeInt('rowNumber', { description: '表格中的行号（标题行之后的数据行）；0 表示整个文件 / Spreadsheet row; 0 = the whole file' }),
    field: t.exposeString('field'),
    reason: t.exposeString('reason', { description: '稳定的原因代码，如 USCC_CHECK_CHARACTER / Stable reason code' }),
    message: t.exposeString('message'),
    raw: t.expose('raw', { type: 'JSON', nullable: true, description: '原始行（列名与值）/ The row as read: [heading, value] pairs' }),
  }),
});

const ImportJob = builder.prismaObject('ImportJob', {
  description: '批量导入任务 / A bulk import job: progress, counts and row errors',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: ImportKind }),
    status: t.expose('status', { type: ImportStatus }),
    departmentId: t.exposeID('departmentId'),
    poolId: t.exposeID('poolId', { nullable: true, description: '目标名录库（检查对象库或执法检查人员库）/ Target or inspector pool' }),
    fileName: t.exposeString('fileName'),
    fileSha256: t.exposeString('fileSha256'),
    allOrNothing: t.exposeBoolean('allOrNothing'),
    totalRows: t.exposeInt('totalRows', { description: '数据行数（进行中为预估）/ Data rows (an estimate while running)' }),
    processedRows: t.exposeInt('processedRows'),
    progress: t.float({
      description: '进度 0–1，可轮询 / Progress from 0 to 1; poll importJob(id)',
      resolve: (j) => (j.status === 'SUCCEEDED' || j.status === 'PARTIAL' || j.status === 'FAILED' ? 1 : j.totalRows ? Math.min(1, j.processedRows / j.totalRows) : 0),
    }),
    insertedRows: t.exposeInt('insertedRows'),
    updatedRows: t.exposeInt('updatedRows'),
    unchangedRows: t.exposeInt('unchangedRows'),
    errorRows: t.exposeInt('errorRows'),
    message: t.exposeString('message', { nullable: true }),
    createdBy: t.exposeID('createdBy', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
    attempts: t.exposeInt('attempts', {
      description: `第几次运行：1 为首次；服务器中断后由其他服务器（或重启后的本服务器）续跑时加 1，最多 ${imports.IMPORT_MAX_ATTEMPTS} 次 / Runs so far: 1, plus one per resumption after a server stopped (at most ${imports.IMPORT_MAX_ATTEMPTS})`,
    }),
    resumedAt: t.expose('resumedAt', { type: 'DateTime', nullable: true, description: '最近一次续跑的时刻 / When the job was last resumed' }),
    leaseUntil: t.expose('leaseUntil', {
      type: 'DateTime',
      nullable: true,
      description: '运行中：执行该任务的服务器须在此前续约，过期则由其他服务器接手；结束后为空 / While running: the serving server renews its lease before this instant, or another server takes the job over; null once ended',
    }),
    errors: t.relation('errors', {
      description: '逐行错误（按行号，每次 ≤ 100 条）/ Row errors by row number, at most 100 per request',
      args: { first: t.arg.int({ required: false, defaultValue: 100 }), offset: t.arg.int({ required: false, defaultValue: 0 }) },
      query: (args) => ({
        take: Math.max(0, Math.min(100, args.first ?? 100)),
        skip: Math.max(0, args.offset ?? 0),
        orderBy: [{ rowNumber: 'asc' as const }, { id: 'asc' as const }],
      }),
    }),
  }),
});

const ImportJobFilter = builder.inputType('ImportJobFilter', {
  fields: (t) => ({
    ids: t.idList({ required: false }),
    kind: t.field({ type: ImportKind, required: false }),
    status: t.field({ type: [ImportStatus], required: false }),
    departmentId: t.id({ required: false }),
    poolId: t.id({ required: false }),
  }),
});

defineListQueries<typeof ImportJobFilter.$inferInput>({
  model: 'ImportJob',
  authScopes: { staff: true, partner: 'targets:import' },
  name: 'ImportJob',
  label: '导入任务',
  plural: 'importJobs',
  singular: 'importJob',
  description: '导入任务',
  ref: ImportJob,
  filter: ImportJobFilter,
  where: (f) => and(idsIn(f?.ids), eq('kind', f?.kind), oneOf('status', f?.status), idEq('departmentId', f?.departmentId), idEq('poolId', f?.poolId)),
  sortFields: ['createdAt', 'finishedAt', 'fileName'],
  defaultSort: [{ createdAt: 'desc' }],
});

const ImportErrorReport = builder.objectRef<imports.ErrorReport>('ImportErrorReport').implement({
  description: '导入错误报告（XLSX，base64）/ The row errors of an import as an XLSX file, base64-encoded',
  fields: (t) => ({
    fileName: t.exposeString('fileName'),
    contentType: t.exposeString('contentType'),
    base64: t.exposeString('base64'),
    errorCount: t.exposeInt('errorCount'),
  }),
});

builder.queryField('importErrorReport', (t) =>
  t.field({
    type: ImportErrorReport,
    description: `下载导入错误报告（XLSX，最多 ${IMPORT_LIMITS.maxStoredErrors} 条）/ Download an import's row errors as XLSX`,
    authScopes: { staff: true, partner: 'targets:import' },
    args: { jobId: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const job = await findById<{ id: string; fileName: string }>('ImportJob', '导入任务', requireId('jobId', String(args.jobId)), {}, ctx);
      return imports.errorReport(job);
    },
  }),
);

const FILE_DESCRIPTION = `.xlsx 或 .csv（≤ ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MiB，≤ ${IMPORT_LIMITS.maxRows} 行）`;
const ALL_OR_NOTHING_DESCRIPTION = 'true：任一行有错则全部不写入；false：写入正确行，列出错误行 / true: any bad row → nothing written; false: good rows in, bad rows listed';
const WAIT_DESCRIPTION = 'false：立即返回任务，轮询 importJob 查看进度 / false: return at once and poll importJob';

builder.mutationField('importTargets', (t) =>
  t.prismaField({
    type: 'ImportJob',
    description:
      '批量导入检查对象（按统一社会信用代码幂等：新增或更新，不重复）/ Import targets from XLSX or CSV into a pool, idempotent by USCC',
    authScopes: { office: true, departmentAdmin: true, partner: 'targets:import' },
    args: {
      poolId: t.arg.id({ required: true }),
      file: t.arg({ type: 'File', required: true, description: FILE_DESCRIPTION }),
      allOrNothing: t.arg.boolean({ required: true, description: ALL_OR_NOTHING_DESCRIPTION }),
      wait: t.arg.boolean({ required: false, defaultValue: true, description: WAIT_DESCRIPTION }),
    },
    resolve: async (query, _r, args, ctx) => {
      const job = await imports.importTargets(ctx, String(args.poolId), args.file, { allOrNothing: args.allOrNothing, wait: args.wait ?? true });
      return prisma().importJob.findUniqueOrThrow({ ...query, where: { id: job.id } });
    },
  }),
);

builder.mutationField('importInspectors', (t) =>
  t.prismaField({
    type: 'ImportJob',
    description: '批量导入执法检查人员（按执法证号幂等）/ Import inspectors from XLSX or CSV into an inspector pool, idempotent by certificate number',
    authScopes: { office: true, departmentAdmin: true },
    args: {
      poolId: t.arg.id({ required: true }),
      file: t.arg({ type: 'File', required: true, description: FILE_DESCRIPTION }),
      allOrNothing: t.arg.boolean({ required: true, description: ALL_OR_NOTHING_DESCRIPTION }),
      wait: t.arg.boolean({ required: false, defaultValue: true, description: WAIT_DESCRIPTION }),
    },
    resolve: async (query, _r, args, ctx) => {
      const job = await imports.importInspectors(ctx, String(args.poolId), args.file, { allOrNothing: args.allOrNothing, wait: args.wait ?? true });
      return prisma().importJob.findUniqueOrThrow({ ...query, where: { id: job.id } });
    },
  }),
);
