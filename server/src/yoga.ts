// The GraphQL server as a fetch handler: no port here, so tests call yoga.fetch directly and main.ts listens.
// Plugins, in order: request id + body limit + probes, cookies, CSRF prevention, abuse limits (graphql-armor),
// per-request SQL statement count (debug), structured logs, masked unexpected errors carrying the request id.
import { GraphQLError } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { schema } from './schema.ts';
import { createContext, requestIds, responseCookies, type Context } from './context.ts';
import { db } from './db/database.ts';
import { databaseUnavailable, serviceUnavailableError } from './db/unavailable.ts';
import { PLAYGROUND_TABS } from './playground.ts';
import { logger } from './shared/logger.ts';
import { LIMITS } from './shared/limits.ts';
import { AppError } from './shared/errors.ts';
import { useTextGuard } from './shared/text-guard.ts';
import { MAX_UPLOAD_REQUEST_BYTES } from './modules/import/import.limits.ts';
import { EXPORT_PATHS, handleReportExport } from './modules/report/report.export.ts';
import { ATTACHMENT_PATH, attachmentResponse } from './modules/record/record.http.ts';

const REQUEST_ID_RE = /^[A-Za-z0-9._-]{8,64}$/;
/** /readyz answers 503 when the database has not answered `select 1` within this time. */
const READY_TIMEOUT_MS = 2000;
const json = (fetchAPI: { Response: typeof Response }, body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new fetchAPI.Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** Request ids (accepted from x-request-id when well-formed), body size limit, /healthz, /readyz, report exports, attachment downloads. */
function useEdge(): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      const given = request.headers.get('x-request-id');
      requestIds.set(request, given && REQUEST_ID_RE.test(given) ? given : crypto.randomUUID());
      const length = Number(request.headers.get('content-length') ?? 0);
      // file uploads (multipart: importTargets, importInspectors) may carry one import file; the import checks its size again
      const multipart = request.headers.get('content-type')?.startsWith('multipart/form-data') ?? false;
      if (length > (multipart ? MAX_UPLOAD_REQUEST_BYTES : LIMITS.maxBodyBytes)) {
        endResponse(json(fetchAPI, { errors: [{ message: '请求体过大 / request body too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] }, 413));
        return;
      }
      if (url.pathname === '/healthz') endResponse(json(fetchAPI, { status: 'ok' }));
      else if (url.pathname.startsWith(ATTACHMENT_PATH)) endResponse(await attachmentResponse(request, url.pathname, fetchAPI));
      else if (url.pathname === '/readyz') {
        // ready = the database answers `select 1` within READY_TIMEOUT_MS; otherwise 503 with a typed body
        let reason: string | null = null;
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            db().raw.query('select 1'),
            new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('READY_TIMEOUT')), READY_TIMEOUT_MS))),
          ]);
        } catch (e) {
          reason = (e as Error).message === 'READY_TIMEOUT' ? 'TIMEOUT' : (databaseUnavailable(e) ?? 'ERROR');
        } finally {
          clearTimeout(timer);
        }
        endResponse(
          reason
            ? json(fetchAPI, { status: 'unavailable', code: 'DATABASE_UNAVAILABLE', reason, database: db().kind }, 503)
            : json(fetchAPI, { status: 'ready', database: db().kind }),
        );
      } else if ((EXPORT_PATHS as readonly string[]).includes(url.pathname)) endResponse(await handleReportExport(request, url));
    },
    onResponse({ request, response }) {
      const id = requestIds.get(request);
      if (id) response.headers.set('x-request-id', id);
      for (const c of responseCookies.get(request) ?? []) response.headers.append('set-cookie', c);
    },
  };
}

/** Logs every operation (request id, actor, operation, duration, errors) and tags unexpected errors with the id. */
function useRequestLog(): Plugin<Context> {
  return {
    onExecute({ args }) {
      const ctx = args.contextValue as Context;
      const started = performance.now();
      const statementsBefore = db().stats.statements;
      return {
        onExecuteDone({ result }) {
          if (!('errors' in result) && !('data' in result)) return;
          const errors = (result as { errors?: readonly GraphQLError[] }).errors ?? [];
          const unexpected = errors.filter((e) => !(e.originalError instanceof AppError) && !(e.originalError instanceof GraphQLError) && e.originalError);
          for (const e of unexpected) {
            (e as GraphQLError & { requestId?: string }).requestId = ctx.requestId;
            // the database unreachable or restarting is an outage, not a bug: a warning, and SERVICE_UNAVAILABLE for the client
            const down = databaseUnavailable(e.originalError);
            if (down) logger.warn({ requestId: ctx.requestId, path: e.path, reason: down }, 'database unavailable');
            else logger.error({ requestId: ctx.requestId, path: e.path, err: e.originalError }, 'unexpected error');
          }
          const statements = db().stats.statements - statementsBefore;
          if (process.env.NODE_ENV !== 'production' && 'extensions' in result === false) {
            (result as { extensions?: Record<string, unknown> }).extensions = { sqlStatements: statements };
          }
          // the log object is built only when it will be written (LOG_LEVEL=warn in the peer benchmark)
          if (logger.isLevelEnabled('info')) {
            logger.info(
              {
                requestId: ctx.requestId,
                actor: ctx.actor.kind === 'anonymous' ? null : { kind: ctx.actor.kind, id: ctx.actor.id, role: ctx.actor.role },
                operation: args.operationName ?? null,
                durationMs: Math.round(performance.now() - started),
                sqlStatements: statements,
                errors: errors.map((e) => (e.extensions?.code as string | undefined) ?? 'INTERNAL_SERVER_ERROR'),
              },
              'graphql',
            );
          }
        },
      };
    },
  };
}

const introspection = process.env.GRAPHQL_INTROSPECTION !== 'false';
const playground = process.env.GRAPHQL_PLAYGROUND !== 'false' && introspection;

export const yoga = createYoga<Record<string, unknown>, Context>({
  schema,
  context: createContext,
  graphqlEndpoint: '/graphql',
  healthCheckEndpoint: '/healthz',
  landingPage: false,
  logging: { debug: () => {}, info: () => {}, warn: (...a) => logger.warn(a), error: (...a) => logger.error(a) },
  maskedErrors: {
    maskError(error, message) {
      const e = error as GraphQLError & { requestId?: string };
      if (e instanceof GraphQLError && (!e.originalError || e.originalError instanceof GraphQLError)) return e;
      if (databaseUnavailable(error)) return serviceUnavailableError(e.requestId ?? null);
      return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: e.requestId ?? null } });
    },
  },
  graphiql: playground ? { title: '双随机、一公开 联合监管平台 · GraphQL', defaultTabs: PLAYGROUND_TABS } : false,
  renderGraphiQL,
  plugins: [
    useTextGuard(),
    useEdge(),
    useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }),
    ...(introspection ? [] : [useDisableIntrospection()]),
    EnvelopArmorPlugin({
      maxDepth: { n: LIMITS.maxDepth, ignoreIntrospection: true },
      maxAliases: { n: LIMITS.maxAliases },
      maxTokens: { n: LIMITS.maxTokens },
      costLimit: { maxCost: LIMITS.maxCost, ignoreIntrospection: true },
      maxDirectives: { n: LIMITS.maxDirectives },
      blockFieldSuggestion: { enabled: !introspection },
    }),
    useRequestLog(),
  ],
});
