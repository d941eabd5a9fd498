// Bulk imports on the data provider (custom methods): upload an XLSX or CSV of targets (into a target pool) or
// inspectors (into an inspector pool) as a multipart request that returns at once (`wait: false`), poll the job,
// list recent jobs, fetch the per-row error report (XLSX, base64).
import { graphql, graphqlUpload } from './graphql';

export type ImportKind = 'TARGETS' | 'INSPECTORS';

export const IMPORT_JOB_FIELDS = `id kind status fileName poolId departmentId allOrNothing totalRows processedRows progress
  insertedRows updatedRows unchangedRows errorRows message createdAt finishedAt`;

export interface ImportJob {
    id: string;
    kind: ImportKind;
    status: 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'PARTIAL' | 'FAILED';
    fileName: string;
    poolId: string | null;
    departmentId: string;
    allOrNothing: boolean;
    totalRows: number;
    processedRows: number;
    progress: number;
    insertedRows: number;
    updatedRows: number;
    unchangedRows: number;
    errorRows: number;
    message: string | null;
    createdAt: string;
    finishedAt: string | null;
    errors?: { rowNumber: number; field: string; reason: string; message: string }[];
}

export interface ImportErrorReport {
    fileName: string;
    contentType: string;
    base64: string;
    errorCount: number;
}

export const isFinished = (job: Pick<ImportJob, 'status'>) => job.status === 'SUCCEEDED' || job.status === 'PARTIAL' || job.status === 'FAILED';

export const importMethods = {
    startImport: async (kind: ImportKind, poolId: string, file: File, allOrNothing: boolean): Promise<ImportJob> => {
        const mutation = kind === 'TARGETS' ? 'importTargets' : 'importInspectors';
        const data = await graphqlUpload<Record<string, ImportJob>>(
            `mutation ${mutation}($poolId: ID!, $file: File!, $allOrNothing: Boolean!) { ${mutation}(poolId: $poolId, file: $file, allOrNothing: $allOrNothing, wait: false) { ${IMPORT_JOB_FIELDS} } }`,
            { poolId, allOrNothing },
            { file },
        );
        return data[mutation]!;
    },

    /** One job with its first row errors (the report has them all). */
    importJob: async (id: string): Promise<ImportJob> =>
        (
            await graphql<{ importJob: ImportJob }>(
                `query importJob($id: ID!) { importJob(id: $id) { ${IMPORT_JOB_FIELDS} errors(first: 20) { rowNumber field reason message } } }`,
                { id },
            )
        ).importJob,

    importJobs: async (): Promise<ImportJob[]> =>
        (
            await graphql<{ importJobs: { nodes: ImportJob[] } }>(
                `query importJobs { importJobs(perPage: 20, sort: { field: createdAt, order: DESC }) { nodes { ${IMPORT_JOB_FIELDS} } } }`,
            )
        ).importJobs.nodes,

    importErrorReport: async (jobId: string): Promise<ImportErrorReport> =>
        (await graphql<{ importErrorReport: ImportErrorReport }>(`query importErrorReport($id: ID!) { importErrorReport(jobId: $id) { fileName contentType base64 errorCount } }`, { id: jobId }))
            .importErrorReport,
};

export type ImportMethods = typeof importMethods;
