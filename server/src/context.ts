// What every resolver receives. Prisma is deliberately NOT on the context (see docs/style: it slows type
// checking); services reach the database through db() in server/src/db/database.ts.
import type { YogaInitialContext } from 'graphql-yoga';
import { createLoaders, type Loaders } from './shared/loaders.ts';

export interface Context {
  requestId: string;
  loaders: Loaders;
}

export function createContext(initial: YogaInitialContext & { requestId?: string }): Context {
  return {
    requestId: initial.requestId ?? initial.request.headers.get('x-request-id') ?? crypto.randomUUID(),
    loaders: createLoaders(),
  };
}
