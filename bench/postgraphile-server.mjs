// The peer for bench/peer.ts: PostGraphile 5 (amber preset, library mode, Node http) serving the same PostgreSQL
// database as our server, with its automatic schema over the `public` schema. Run by bench/peer.ts as its own process.
//   DATABASE_URL=postgres://… PORT=4102 node bench/postgraphile-server.mjs
// PostGraphile 5.1 calls Promise.withResolvers (Node 22); this machine has Node 20: the standard polyfill, then load it.
import { createServer } from 'node:http';

if (!Promise.withResolvers)
  Promise.withResolvers = function withResolvers() {
    let resolve, reject;
    const promise = new this((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
const { postgraphile } = await import('postgraphile');
const { PostGraphileAmberPreset } = await import('postgraphile/presets/amber');
const { makePgService } = await import('postgraphile/adaptors/pg');
const { grafserv } = await import('postgraphile/grafserv/node');

const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['public'], poolConfig: { max: 10 } })],
  grafserv: { port: Number(process.env.PORT ?? 4102), graphiql: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on('error', (e) => {
  console.error(e);
  process.exit(1);
});
serv.addTo(server).then(() => {
  server.listen(Number(process.env.PORT ?? 4102), '127.0.0.1', () => console.log(`postgraphile ready on ${process.env.PORT ?? 4102}`));
});
