// The GraphQL server as a fetch handler: no port here, so tests call yoga.fetch directly and main.ts listens.
import { createYoga, type Plugin } from 'graphql-yoga';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { schema } from './schema.ts';
import { createContext, type Context } from './context.ts';
import { db } from './db/database.ts';
import { PLAYGROUND_TABS } from './playground.ts';

/** /healthz: the process is up. /readyz: the database answers. */
function useProbes(): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname === '/healthz') {
        endResponse(new fetchAPI.Response(JSON.stringify({ status: 'ok' }), { headers: { 'content-type': 'application/json' } }));
      } else if (url.pathname === '/readyz') {
        let ready = false;
        try {
          await db().raw.query('select 1');
          ready = true;
        } catch {
          ready = false;
        }
        endResponse(
          new fetchAPI.Response(JSON.stringify({ status: ready ? 'ready' : 'unavailable', database: ready ? db().kind : null }), {
            status: ready ? 200 : 503,
            headers: { 'content-type': 'application/json' },
          }),
        );
      }
    },
  };
}

export const yoga = createYoga<Record<string, unknown>, Context>({
  schema,
  context: createContext,
  graphqlEndpoint: '/graphql',
  healthCheckEndpoint: '/healthz',
  landingPage: false,
  maskedErrors: true,
  graphiql: {
    title: '双随机、一公开 联合监管平台 · GraphQL',
    defaultTabs: PLAYGROUND_TABS,
  },
  renderGraphiQL,
  plugins: [useProbes()],
});
