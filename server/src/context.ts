// What every resolver receives: the request id, the actor (who is asking), per-request DataLoaders and a way to
// set cookies. Prisma is deliberately NOT on the context (style guide); services use db().
import type { YogaInitialContext } from 'graphql-yoga';
import type { IncomingMessage } from 'node:http';
import { createLoaders, type Loaders } from './shared/loaders.ts';
import { resolveActor, type Actor } from './modules/access/actor.ts';

export interface Context {
  requestId: string;
  actor: Actor;
  ip: string;
  userAgent: string | null;
  loaders: Loaders;
  /** Set-Cookie values to send with the response (see yoga.ts). */
  setCookie(value: string): void;
  /** Whether the request came over TLS (cookies get `Secure`). */
  secure: boolean;
}

export const responseCookies = new WeakMap<Request, string[]>();
export const requestIds = new WeakMap<Request, string>();

function clientIp(request: Request, req: IncomingMessage | undefined): string {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  if (req?.socket) return process.env.TRUST_PROXY === 'true' && forwarded ? forwarded : (req.socket.remoteAddress ?? 'unknown');
  return forwarded ?? 'local';
}

export async function createContext(initial: YogaInitialContext & { req?: IncomingMessage }): Promise<Context> {
  const { request } = initial;
  const requestId = requestIds.get(request) ?? crypto.randomUUID();
  const url = new URL(request.url);
  const actor = await resolveActor(request);
  return {
    requestId,
    actor,
    ip: clientIp(request, initial.req),
    userAgent: request.headers.get('user-agent'),
    loaders: createLoaders(actor),
    secure: url.protocol === 'https:' || (process.env.TRUST_PROXY === 'true' && request.headers.get('x-forwarded-proto') === 'https'),
    setCookie(value) {
      const list = responseCookies.get(request) ?? [];
      list.push(value);
      responseCookies.set(request, list);
    },
  };
}
