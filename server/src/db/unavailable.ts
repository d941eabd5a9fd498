// "The database cannot be reached right now" — PostgreSQL restarting or shutting down, a connection dropped, the
// server refusing connections — as opposed to a bug. yoga.ts answers such a failure with the typed, retryable
// SERVICE_UNAVAILABLE error (and /readyz with 503) instead of a masked INTERNAL_SERVER_ERROR, and logs it as a warning.
// The pg.Pool drops broken connections and opens new ones when PostgreSQL is back, so no server restart is needed
// (bench/faults.ts, scenario pg-restart; docs/OPERATIONS.md).
import { GraphQLError } from 'graphql';
import { errorChain } from '../shared/errors.ts';

/** SQLSTATEs of an unreachable or restarting server: class 08 (connection exception), operator intervention 57P01–57P03, too many connections. */
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;
/** Prisma's codes for the same: P1001 can't reach, P1002 timed out, P1017 server closed the connection, P2024 pool timeout, P2037 too many connections. */
const PRISMA = new Set(['P1001', 'P1002', 'P1017', 'P2024', 'P2037']);
/** Driver adapter error kinds (@prisma/driver-adapter-utils) for the same. */
const KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
/** Socket errors of the driver (node:net). */
const SOCKET = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** node-postgres' own messages, which carry no code: a connection that died, or one used after it died. */
const PG_MESSAGE = /^(Connection terminated( unexpectedly| due to connection timeout)?|Client has encountered a connection error and is not queryable|timeout exceeded when trying to connect|Client was closed and is not queryable)$/;

/**
 * The reason, when `e` says the database is unreachable or restarting (looked for in the error, its `cause`, and
 * Prisma's `meta.driverAdapterError`), else null. Typed refusals (AppError) never count.
 */
export function databaseUnavailable(e: unknown): string | null {
  for (const n of errorChain(e)) {
    for (const c of [n.originalCode, n.code]) {
      if (typeof c !== 'string') continue;
      if (SQLSTATE.test(c) || PRISMA.has(c) || SOCKET.has(c)) return c;
    }
    if (typeof n.kind === 'string' && KINDS.has(n.kind)) return n.kind;
    if (typeof n.message === 'string' && PG_MESSAGE.test(n.message)) return n.message;
  }
  return null;
}

/** What the client sees: typed, bilingual, no internals; the request id when known. */
export function serviceUnavailableError(requestId: string | null): GraphQLError {
  return new GraphQLError('数据库暂时不可用，请稍后重试 / the database is temporarily unavailable; try again shortly', {
    extensions: {
      code: 'SERVICE_UNAVAILABLE',
      reason: 'DATABASE_UNAVAILABLE',
      messageZh: '数据库暂时不可用，请稍后重试',
      messageEn: 'the database is temporarily unavailable; try again shortly',
      requestId,
    },
  });
}
